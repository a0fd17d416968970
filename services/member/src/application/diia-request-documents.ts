import { serviceUnavailable } from '@kasa/http';
import { updateMember } from '../db/members.repository.ts';
import type { MemberDeps } from '../deps.ts';
import type { DiiaSharingRequest } from '../diia/diia-client.ts';
import { callingMember } from './member-access.ts';
import { profileAlreadyApproved } from './submit-profile.ts';

export const diiaNotAvailable = () =>
  serviceUnavailable(
    'Import from Diia is not available: please fill in the profile by hand',
    'diia_not_configured',
  );

/**
 * The member asks to share the ID card and the tax number from Diia: Diia gives a deeplink
 * for the app to open, and the request id it will send the documents back with. Only the
 * latest request is remembered, so a callback for an older one finds nobody.
 */
export async function requestDiiaDocuments(deps: MemberDeps, memberId: number): Promise<DiiaSharingRequest> {
  const diia = deps.diia;
  if (!diia) throw diiaNotAvailable();
  const { db } = deps.context.database;
  // Checked before Diia is asked, so a blocked member costs the fund no offer request.
  const member = await callingMember(db, memberId);
  if (member.isSubmitted) throw profileAlreadyApproved();
  const sharing = await diia.requestDocuments();
  await db.transaction(async (tx) => {
    await callingMember(tx, memberId, true);
    await updateMember(tx, memberId, { diiaRequestId: sharing.requestId }, new Date());
  });
  return sharing;
}
