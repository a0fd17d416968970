import type { Executor } from '@kasa/db';
import { forbidden, notFound, unauthorized, unprocessable } from '@kasa/http';
import { findStaffUser, type StaffUserRow } from '../db/staff-users.repository.ts';

export interface ActorRequirement {
  /** Only administrators may go on. */
  admin?: boolean;
  /** Let a user who still has to change their password through: only to change it. */
  pendingPasswordChange?: boolean;
}

/**
 * The staff user behind a token, as the database has them now: a token outlives a block, a
 * demotion or a reset by up to its lifetime, the database does not.
 */
export async function currentActor(
  tx: Executor,
  actorId: number,
  requirement: ActorRequirement = {},
): Promise<StaffUserRow> {
  const actor = await findStaffUser(tx, actorId);
  if (!actor?.isActive) throw unauthorized('Your session has ended; please sign in again', 'staff_inactive');
  if (actor.mustChangePassword && !requirement.pendingPasswordChange) {
    throw forbidden('Password must be changed', 'password_change_required');
  }
  if (requirement.admin && actor.role !== 'admin') {
    throw forbidden('Only administrators may do this', 'admin_only');
  }
  return actor;
}

export const userMissing = () => notFound('User does not exist', 'user_missing');
/** The seed's words, which the admin site shows. */
export const loginTaken = () => unprocessable('user already exist', 'login_taken');
