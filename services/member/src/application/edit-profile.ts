import { MemberUpdated, PhoneChanged } from '@kasa/contracts';
import type { StoredFile } from '@kasa/files';
import { badRequest } from '@kasa/http';
import { newEvent } from '@kasa/messaging';
import { forgetMemberFile, recordMemberFiles } from '../db/member-files.repository.ts';
import {
  findMemberByPhone,
  isDuplicateOn,
  type MemberPatch,
  updateMember,
} from '../db/members.repository.ts';
import type { MemberDeps } from '../deps.ts';
import { normalizePhone } from '../domain/bank-details.ts';
import { checkPhoneChange, type PhoneProof } from '../domain/phone-change.ts';
import {
  callingMember,
  memberActor,
  phoneProofInvalid,
  phoneTaken,
  phoneUnconfirmed,
} from './member-access.ts';
import { contactChanges } from './member-contact.ts';

export interface ProfileEdit {
  email?: string;
  phone?: string;
  /** The auth service's proof that the member holds `phone`, as read; none sent when absent. */
  phoneProof?: PhoneProof;
  photo?: StoredFile;
}

/**
 * The member changes their email, phone or photo. A phone belongs to one member (it is how
 * they sign in): a new one is taken only with proof that the member holds it, and auth follows
 * the change by event. Without that proof nothing of the edit is kept, the other fields neither:
 * the app sends the whole form again with the code. The photo replaced is deleted once the new
 * one is recorded; it is no document staff must keep.
 */
export async function editProfile(deps: MemberDeps, memberId: number, edit: ProfileEdit): Promise<void> {
  // A form with none of the fields (empty, or only fields we do not know) changes nothing:
  // answering "updated" would tell the app its edit was saved. Sending the values the member
  // already has is still a success, and changes nothing either.
  if (edit.email === undefined && edit.phone === undefined && edit.photo === undefined)
    throw badRequest('Nothing to change: send an email, a phone or a photo', 'nothing_to_change');
  const phone = edit.phone === undefined ? undefined : normalizePhone(edit.phone);
  if (phone === null)
    throw badRequest('Phone must be in international format, e.g. +380671234567', 'invalid_phone');

  const replacedPhoto = await deps.context.messaging.unitOfWork.run(async ({ tx, emit }) => {
    const member = await callingMember(tx, memberId, true);
    const patch: MemberPatch = {};
    const fields: string[] = [];
    if (edit.email !== undefined && edit.email !== member.email) {
      patch.email = edit.email;
      fields.push('email');
    }
    if (phone !== undefined && phone !== member.phone) {
      const holder = await findMemberByPhone(tx, phone);
      if (holder && holder.id !== memberId) throw phoneTaken();
      const change = { memberId, from: member.phone, to: phone };
      const check = checkPhoneChange(change, edit.phoneProof);
      if (check === 'unconfirmed') throw phoneUnconfirmed();
      if (check === 'invalid') throw phoneProofInvalid();
      patch.phone = phone;
      fields.push('phone');
    }
    if (edit.photo) {
      await recordMemberFiles(tx, memberId, [edit.photo]);
      patch.photoFile = edit.photo.name;
      fields.push('photo');
      if (member.photoFile) await forgetMemberFile(tx, member.photoFile);
    }
    if (fields.length === 0) return null;

    try {
      await updateMember(tx, memberId, patch, new Date());
    } catch (error) {
      if (isDuplicateOn(error, 'members_phone')) throw phoneTaken();
      throw error;
    }
    const meta = memberActor(memberId);
    await emit(newEvent(MemberUpdated, { memberId, fields }, meta), ...contactChanges(member, patch, meta));
    if (patch.phone) await emit(newEvent(PhoneChanged, { memberId, phone: patch.phone }, meta));
    return edit.photo ? member.photoFile : null;
  });
  if (replacedPhoto) await deps.files.remove(replacedPhoto);
}
