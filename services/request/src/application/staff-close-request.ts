import { staffActor } from '@kasa/contracts';
import { nextStatus } from '../domain/request-status.ts';
import { allowed, anyRequest, changeRequest } from './request-access.ts';
import type { RequestDeps } from './request-deps.ts';

/** Staff close an open request, or reopen a closed one (it then waits on staff). */
export async function closeOrReopenRequest(
  deps: RequestDeps,
  staffId: number,
  requestId: number,
  action: 'close' | 'reopen',
): Promise<void> {
  await deps.context.messaging.unitOfWork.run(async ({ tx, emit }) => {
    const request = await anyRequest(tx, requestId, true);
    const status = allowed(nextStatus(request.status, { kind: action }));
    await changeRequest(tx, emit, request, { status }, staffActor(staffId), new Date());
  });
}
