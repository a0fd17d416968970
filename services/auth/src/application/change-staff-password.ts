import { StaffPasswordChanged } from '@kasa/contracts';
import { badRequest, tooManyRequests, unprocessable } from '@kasa/http';
import { newEvent, type UnitOfWork } from '@kasa/messaging';
import { revokeSubject } from '../db/refresh-tokens.repository.ts';
import { findStaffUser, savePassword } from '../db/staff-users.repository.ts';
import { lockedForSeconds } from '../domain/lockout.ts';
import { checkNewPassword } from '../domain/password-policy.ts';
import { newOneTimePassword } from './create-staff-user.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { staffSession } from './refresh-tokens.ts';
import { openSession, type SessionPolicy } from './sessions.ts';
import { currentActor, userMissing } from './staff-access.ts';
import { countWrongPassword } from './staff-lockout.ts';
import type { TokenPair } from './token-issuer.ts';

export interface PasswordInput {
  oldPassword?: string | undefined;
  newPassword?: string | undefined;
}

export interface PasswordChangeDeps {
  unitOfWork: UnitOfWork;
  sessions: SessionPolicy;
}

export type PasswordChangeResult =
  /** Their own: every other session ends; this one goes on with new tokens. */
  | { kind: 'changed'; tokens: TokenPair }
  /** Someone else's, by an administrator: a generated password, shown once. */
  | { kind: 'reset'; password: string };

/**
 * A staff user changes their own password (the old one proves it is them), or an
 * administrator resets another's. Either way the user's refresh tokens are revoked.
 */
export function changeStaffPassword(
  deps: PasswordChangeDeps,
  actorId: number,
  userId: number,
  input: PasswordInput,
): Promise<PasswordChangeResult> {
  return userId === actorId ? changeOwnPassword(deps, actorId, input) : resetPassword(deps, actorId, userId);
}

async function changeOwnPassword(
  deps: PasswordChangeDeps,
  actorId: number,
  { oldPassword, newPassword }: PasswordInput,
): Promise<PasswordChangeResult> {
  if (oldPassword === undefined) throw badRequest("Field 'old_password' is required", 'validation_failed');
  if (newPassword === undefined) throw badRequest("Field 'new_password' is required", 'validation_failed');
  const outcome = await deps.unitOfWork.run(async ({ tx, emit }) => {
    await currentActor(tx, actorId, { pendingPasswordChange: true });
    // Locked like a sign-in: the old password must not be guessable through this door either.
    const user = (await findStaffUser(tx, actorId, true))!;
    const now = new Date();
    const retryAfterSeconds = lockedForSeconds(user, now);
    if (retryAfterSeconds > 0) return { kind: 'locked', retryAfterSeconds } as const;
    if (!(await verifyPassword(oldPassword, user.passwordHash))) {
      await countWrongPassword({ tx, emit }, user, now);
      return { kind: 'wrong old password' } as const;
    }
    if (newPassword === oldPassword) {
      return { kind: 'refused', reason: 'New password must differ from the old one' } as const;
    }
    const verdict = checkNewPassword(newPassword, user);
    if (!verdict.ok) return { kind: 'refused', reason: verdict.reason } as const;

    await savePassword(tx, user.id, { hash: await hashPassword(newPassword), mustChange: false }, now);
    await revokeSubject(tx, 'staff', user.id, now);
    await emit(
      newEvent(
        StaffPasswordChanged,
        { userId: user.id, byAdministrator: false },
        { aggregateId: user.id, actor: { kind: 'staff', id: String(user.id) } },
      ),
    );
    const changed = { ...user, mustChangePassword: false };
    const tokens = await openSession(tx, deps.sessions, staffSession(changed));
    return { kind: 'changed', tokens } as const;
  });

  switch (outcome.kind) {
    case 'changed':
      return outcome;
    case 'locked':
      throw tooManyRequests(
        outcome.retryAfterSeconds,
        'Too many wrong passwords; please try again later',
        'staff_sign_in_locked',
      );
    case 'wrong old password':
      throw unprocessable('Old password is wrong', 'wrong_old_password');
    case 'refused':
      throw unprocessable(outcome.reason, 'weak_password');
  }
}

async function resetPassword(
  deps: PasswordChangeDeps,
  actorId: number,
  userId: number,
): Promise<PasswordChangeResult> {
  const oneTime = await newOneTimePassword();
  await deps.unitOfWork.run(async ({ tx, emit }) => {
    await currentActor(tx, actorId, { admin: true });
    const user = await findStaffUser(tx, userId, true);
    if (!user) throw userMissing();
    const now = new Date();
    await savePassword(tx, user.id, { hash: oneTime.hash, mustChange: true }, now);
    await revokeSubject(tx, 'staff', user.id, now);
    await emit(
      newEvent(
        StaffPasswordChanged,
        { userId: user.id, byAdministrator: true },
        { aggregateId: user.id, actor: { kind: 'staff', id: String(actorId) } },
      ),
    );
  });
  return { kind: 'reset', password: oneTime.password };
}
