import { type Actor, StaffUserCreated } from '@kasa/contracts';
import type { Tx } from '@kasa/db';
import { newEvent, type TransactionContext, type UnitOfWork } from '@kasa/messaging';
import {
  findStaffUser,
  findStaffUserByLogin,
  insertStaffUser,
  isDuplicateLogin,
  type StaffUserRow,
} from '../db/staff-users.repository.ts';
import type { StaffRole } from '../domain/staff-accounts.ts';
import { generatePassword, hashPassword } from './passwords.ts';
import { currentActor, loginTaken } from './staff-access.ts';

export interface NewStaffUserInput {
  login: string;
  name: string;
  email: string;
  phone: string | null;
  role: StaffRole;
  isActive: boolean;
}

export interface CreatedStaffUser {
  user: StaffUserRow;
  /** Generated, shown once, to be changed at the first sign-in; only its hash is kept. */
  password: string;
}

export interface OneTimePassword {
  password: string;
  hash: string;
}

/** Made before the transaction: hashing is slow and needs no lock. */
export async function newOneTimePassword(): Promise<OneTimePassword> {
  const password = generatePassword();
  return { password, hash: await hashPassword(password) };
}

/** An administrator adds a staff user, who receives a generated password. */
export async function createStaffUser(
  deps: { unitOfWork: UnitOfWork },
  actorId: number,
  input: NewStaffUserInput,
): Promise<CreatedStaffUser> {
  const oneTime = await newOneTimePassword();
  return deps.unitOfWork.run(async ({ tx, emit }) => {
    await currentActor(tx, actorId, { admin: true });
    return addStaffUser({ tx, emit }, input, oneTime, { kind: 'staff', id: String(actorId) });
  });
}

/** The account, its event, in the caller's transaction; shared with the first-admin command. */
export async function addStaffUser(
  { tx, emit }: { tx: Tx; emit: TransactionContext['emit'] },
  input: NewStaffUserInput,
  oneTime: OneTimePassword,
  actor: Actor,
): Promise<CreatedStaffUser> {
  if (await findStaffUserByLogin(tx, input.login)) throw loginTaken();
  let id: number;
  try {
    id = await insertStaffUser(
      tx,
      { ...input, passwordHash: oneTime.hash, mustChangePassword: true },
      new Date(),
    );
  } catch (error) {
    // Two administrators adding the same login at once: the unique key settles it.
    if (isDuplicateLogin(error)) throw loginTaken();
    throw error;
  }
  await emit(
    newEvent(
      StaffUserCreated,
      { userId: id, login: input.login, role: input.role },
      { aggregateId: id, actor },
    ),
  );
  const user = await findStaffUser(tx, id);
  return { user: user!, password: oneTime.password };
}
