import { findStaffUser, listStaffUsers, type StaffUserRow } from '../db/staff-users.repository.ts';
import type { AuthDeps } from './auth-deps.ts';
import { currentActor, userMissing } from './staff-access.ts';

/** Every staff account, for administrators. */
export async function staffUsersFor(deps: AuthDeps, actorId: number): Promise<StaffUserRow[]> {
  const { db } = deps.context.database;
  await currentActor(db, actorId, { admin: true });
  return listStaffUsers(db);
}

export async function staffUserFor(deps: AuthDeps, actorId: number, id: number): Promise<StaffUserRow> {
  const { db } = deps.context.database;
  await currentActor(db, actorId, { admin: true });
  const user = await findStaffUser(db, id);
  if (!user) throw userMissing();
  return user;
}
