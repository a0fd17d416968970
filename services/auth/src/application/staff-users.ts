import type { Database } from '@kasa/db';
import { findStaffUser, listStaffUsers, type StaffUserRow } from '../db/staff-users.repository.ts';
import { currentActor, userMissing } from './staff-access.ts';

/** Every staff account, for administrators. */
export async function staffUsersFor(
  deps: { database: Pick<Database, 'db'> },
  actorId: number,
): Promise<StaffUserRow[]> {
  const { db } = deps.database;
  await currentActor(db, actorId, { admin: true });
  return listStaffUsers(db);
}

export async function staffUserFor(
  deps: { database: Pick<Database, 'db'> },
  actorId: number,
  id: number,
): Promise<StaffUserRow> {
  const { db } = deps.database;
  await currentActor(db, actorId, { admin: true });
  const user = await findStaffUser(db, id);
  if (!user) throw userMissing();
  return user;
}
