import { staffActor } from '@kasa/contracts';
import type { UnitOfWork } from '@kasa/messaging';
import { nextStatus } from '../domain/request-status.ts';
import { allowed, anyRequest, changeRequest } from './request-access.ts';

/** Staff close an open request, or reopen a closed one (it then waits on staff). */
export async function closeOrReopenRequest(
  deps: { unitOfWork: UnitOfWork },
  staffId: number,
  requestId: number,
  action: 'close' | 'reopen',
): Promise<void> {
  await deps.unitOfWork.run(async ({ tx, emit }) => {
    const request = await anyRequest(tx, requestId, true);
    const status = allowed(nextStatus(request.status, { kind: action }));
    await changeRequest(tx, emit, request, { status }, staffActor(staffId), new Date());
  });
}
