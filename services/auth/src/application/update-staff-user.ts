import { StaffUserBlocked, StaffUserUpdated } from '@kasa/contracts';
import { conflict } from '@kasa/http';
import { newEvent, type UnitOfWork } from '@kasa/messaging';
import { revokeSubject } from '../db/refresh-tokens.repository.ts';
import {
  findStaffUser,
  findStaffUserByLogin,
  isDuplicateLogin,
  lockActiveAdmins,
  type StaffUserPatch,
  type StaffUserRow,
  updateStaffUser as saveStaffUser,
} from '../db/staff-users.repository.ts';
import { lossesOf, refusalOf } from '../domain/staff-accounts.ts';
import { currentActor, loginTaken, userMissing } from './staff-access.ts';

export type StaffUserEdit = StaffUserPatch;

/** The names the events and the admin site use for the fields. */
const FIELD_NAMES: Record<keyof StaffUserPatch, string> = {
  login: 'login',
  name: 'name',
  email: 'email',
  phone: 'phone',
  role: 'role',
  isActive: 'is_active',
};

/**
 * An administrator edits, blocks, unblocks, promotes or demotes a staff user. Blocking ends
 * the user's sessions. The administrators' rows are locked first, so that two administrators
 * cannot each remove the other at the same moment.
 */
export async function updateStaffUser(
  deps: { unitOfWork: UnitOfWork },
  actorId: number,
  id: number,
  edit: StaffUserEdit,
): Promise<StaffUserRow> {
  return deps.unitOfWork.run(async ({ tx, emit }) => {
    const activeAdmins = await lockActiveAdmins(tx);
    await currentActor(tx, actorId, { admin: true });
    const target = await findStaffUser(tx, id, true);
    if (!target) throw userMissing();
    for (const loss of lossesOf(target, edit)) {
      const refusal = refusalOf(loss, target, actorId, activeAdmins);
      if (refusal) throw conflict(refusal, 'administrator_required');
    }

    const patch = changes(target, edit);
    if (Object.keys(patch).length === 0) return target;
    if (patch.login !== undefined) {
      const holder = await findStaffUserByLogin(tx, patch.login);
      if (holder && holder.id !== id) throw loginTaken();
    }
    const now = new Date();
    try {
      await saveStaffUser(tx, id, patch, now);
    } catch (error) {
      if (isDuplicateLogin(error)) throw loginTaken();
      throw error;
    }

    const meta = { aggregateId: id, actor: { kind: 'staff', id: String(actorId) } } as const;
    const fields = (Object.keys(patch) as (keyof StaffUserPatch)[])
      .filter((field) => field !== 'isActive')
      .map((field) => FIELD_NAMES[field]);
    if (fields.length > 0) await emit(newEvent(StaffUserUpdated, { userId: id, fields }, meta));
    if (patch.isActive !== undefined) {
      await emit(newEvent(StaffUserBlocked, { userId: id, blocked: !patch.isActive }, meta));
      if (!patch.isActive) await revokeSubject(tx, 'staff', id, now);
    }
    return { ...target, ...patch, updatedAt: now };
  });
}

/** Only what differs: an edit that sends the whole form back changes, and announces, nothing else. */
function changes(current: StaffUserRow, edit: StaffUserEdit): StaffUserPatch {
  const patch: Record<string, unknown> = {};
  for (const field of Object.keys(FIELD_NAMES) as (keyof StaffUserPatch)[]) {
    const value = edit[field];
    if (value !== undefined && value !== current[field]) patch[field] = value;
  }
  return patch as StaffUserPatch;
}
