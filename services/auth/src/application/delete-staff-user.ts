import { StaffUserDeleted } from '@kasa/contracts';
import { conflict } from '@kasa/http';
import { newEvent, type UnitOfWork } from '@kasa/messaging';
import { revokeSubject } from '../db/refresh-tokens.repository.ts';
import {
  findStaffUser,
  lockActiveAdmins,
  deleteStaffUser as removeStaffUser,
} from '../db/staff-users.repository.ts';
import { refusalOf } from '../domain/staff-accounts.ts';
import { currentActor, userMissing } from './staff-access.ts';

/** An administrator deletes a staff user for good (the seed did too); their sessions end with it. */
export async function deleteStaffUser(
  deps: { unitOfWork: UnitOfWork },
  actorId: number,
  id: number,
): Promise<void> {
  await deps.unitOfWork.run(async ({ tx, emit }) => {
    const activeAdmins = await lockActiveAdmins(tx);
    await currentActor(tx, actorId, { admin: true });
    const target = await findStaffUser(tx, id, true);
    if (!target) throw userMissing();
    const refusal = refusalOf('delete', target, actorId, activeAdmins);
    if (refusal) throw conflict(refusal, 'administrator_required');

    await removeStaffUser(tx, id);
    await revokeSubject(tx, 'staff', id, new Date());
    await emit(
      newEvent(
        StaffUserDeleted,
        { userId: id },
        { aggregateId: id, actor: { kind: 'staff', id: String(actorId) } },
      ),
    );
  });
}
