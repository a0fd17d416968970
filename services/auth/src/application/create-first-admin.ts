import { SYSTEM } from '@kasa/contracts';
import type { UnitOfWork } from '@kasa/messaging';
import { lockActiveAdmins } from '../db/staff-users.repository.ts';
import { addStaffUser, type CreatedStaffUser, newOneTimePassword } from './create-staff-user.ts';

export interface FirstAdminInput {
  login: string;
  name: string;
  email: string;
}

export type FirstAdminOutcome =
  | { kind: 'created'; created: CreatedStaffUser }
  | { kind: 'refused'; reason: string };

/**
 * The first administrator of a new installation, made from the command line. Once one is
 * active, administrators create the others: the command can never mint a second way in.
 */
export async function createFirstAdmin(
  unitOfWork: UnitOfWork,
  input: FirstAdminInput,
): Promise<FirstAdminOutcome> {
  const oneTime = await newOneTimePassword();
  return unitOfWork.run(async ({ tx, emit }) => {
    const activeAdmins = await lockActiveAdmins(tx);
    if (activeAdmins.length > 0) {
      return {
        kind: 'refused',
        reason: 'An active administrator already exists; they can create further accounts on the admin site',
      } as const;
    }
    const created = await addStaffUser(
      { tx, emit },
      { ...input, phone: null, role: 'admin', isActive: true },
      oneTime,
      SYSTEM,
    );
    return { kind: 'created', created } as const;
  });
}
