import { CorrectionRequested } from '@kasa/contracts';
import { badRequest } from '@kasa/http';
import { newEvent } from '@kasa/messaging';
import { updateMember } from '../db/members.repository.ts';
import { addProfileCorrection } from '../db/profile-corrections.repository.ts';
import type { MemberDeps } from '../deps.ts';
import { callingMember, memberActor } from './member-access.ts';

export interface Correction {
  firstName?: string;
  middleName?: string;
  lastName?: string;
  /** `YYYY-MM-DD`. */
  birthDate?: string;
}

const FIELD_NAMES: Record<keyof Correction, string> = {
  firstName: 'first_name',
  middleName: 'middle_name',
  lastName: 'last_name',
  birthDate: 'birth_date',
};

/** The member reports that their name or birth date is wrong; staff see it on the attention list. */
export async function requestCorrection(
  deps: MemberDeps,
  memberId: number,
  correction: Correction,
): Promise<void> {
  const fields = (Object.keys(FIELD_NAMES) as (keyof Correction)[]).filter(
    (key) => correction[key] !== undefined,
  );
  if (fields.length === 0) {
    throw badRequest(
      'Give at least one of first_name, middle_name, last_name, birth_date',
      'nothing_to_correct',
    );
  }
  await deps.context.messaging.unitOfWork.run(async ({ tx, emit }) => {
    await callingMember(tx, memberId, true);
    await addProfileCorrection(tx, {
      memberId,
      firstName: correction.firstName ?? null,
      middleName: correction.middleName ?? null,
      lastName: correction.lastName ?? null,
      birthDate: correction.birthDate ?? null,
    });
    await updateMember(tx, memberId, { hasCorrectionRequest: true }, new Date());
    await emit(
      newEvent(
        CorrectionRequested,
        { memberId, fields: fields.map((key) => FIELD_NAMES[key]) },
        memberActor(memberId),
      ),
    );
  });
}
