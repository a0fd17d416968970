import { hryvniasOf, RequestAssessed, staffActor } from '@kasa/contracts';
import { conflict } from '@kasa/http';
import { newEvent, type UnitOfWork } from '@kasa/messaging';
import type { RequestPatch } from '../db/requests.repository.ts';
import { nextStatus } from '../domain/request-status.ts';
import { allowed, anyRequest, changeRequest } from './request-access.ts';

export interface Assessment {
  requestText?: string;
  diagnosis?: string;
  /** Kopiyky. */
  grantedAmount?: number;
}

/**
 * Staff set the diagnosis and the granted amount, or correct the request's text; a closed
 * request must be reopened first. Fields equal to the request's change nothing.
 */
export async function assessRequest(
  deps: { unitOfWork: UnitOfWork },
  staffId: number,
  requestId: number,
  assessment: Assessment,
): Promise<void> {
  await deps.unitOfWork.run(async ({ tx, emit }) => {
    const request = await anyRequest(tx, requestId, true);
    allowed(nextStatus(request.status, { kind: 'assess' }));
    const patch: RequestPatch = {};
    if (assessment.requestText !== undefined && assessment.requestText !== request.requestText)
      patch.requestText = assessment.requestText;
    if (assessment.diagnosis !== undefined && assessment.diagnosis !== request.diagnosis)
      patch.diagnosis = assessment.diagnosis;
    if (assessment.grantedAmount !== undefined && assessment.grantedAmount !== request.grantedAmount) {
      if (assessment.grantedAmount < request.paidAmount)
        throw conflict(
          `${hryvniasOf(request.paidAmount).toFixed(2)} UAH has already been paid out: grant at least that`,
          'granted_below_paid',
        );
      patch.grantedAmount = assessment.grantedAmount;
    }
    if (Object.keys(patch).length === 0) return;

    const actor = staffActor(staffId);
    await changeRequest(tx, emit, request, patch, actor, new Date());
    const diagnosis = patch.diagnosis ?? request.diagnosis;
    await emit(
      newEvent(
        RequestAssessed,
        {
          requestId,
          memberId: request.memberId,
          grantedAmount: patch.grantedAmount ?? request.grantedAmount,
          diagnosisSet: diagnosis !== '',
        },
        { aggregateId: requestId, actor },
      ),
    );
  });
}
