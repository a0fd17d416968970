import {
  CertificateAssigned,
  calendarDateOfSeedDate,
  MemberApproved,
  MemberBlocked,
  MemberUnblocked,
  MemberUpdated,
  PhoneChanged,
  seedDateOf,
  staffActor,
} from '@kasa/contracts';
import type { Tx } from '@kasa/db';
import { badRequest, conflict, unprocessable } from '@kasa/http';
import { type AnyEvent, newEvent } from '@kasa/messaging';
import { certificateHolder } from '../db/certificates.repository.ts';
import { promotePendingDocuments } from '../db/identity-documents.repository.ts';
import {
  findMember,
  findMemberByPhone,
  isDuplicateOn,
  type MemberPatch,
  type MemberRow,
  updateMember,
} from '../db/members.repository.ts';
import { resolveCorrections } from '../db/profile-corrections.repository.ts';
import { switchMemberProgram } from '../db/programs.repository.ts';
import type { MemberDeps } from '../deps.ts';
import {
  awaitsApproval,
  checkProfileEdit,
  PROFILE_FIELD_NAMES,
  type ProfileEdit,
  type ProfileFields,
  profileChanges,
} from '../domain/member-edit.ts';
import { type ApprovalPlan, planApproval } from '../domain/member-review.ts';
import { phoneTaken } from './member-access.ts';
import { contactChanges } from './member-contact.ts';
import { memberNotFound } from './staff-member-card.ts';

export interface StaffMemberEdit {
  profile: ProfileEdit;
  /** False blocks the member, true unblocks. */
  isActive?: boolean;
  /** True approves the pending program and documents; false withdraws the approval. */
  isSubmitted?: boolean;
  /**
   * True: an approved member's pending program and documents become current with this edit,
   * as saving the seed's review form did (admin `PUT /member`), unless `isSubmitted` is false.
   */
  approvePending?: boolean;
}

type Approval = Extract<ApprovalPlan, { ok: true }>;

const certificateTaken = () => unprocessable('This certificate number is already taken', 'certificate_taken');

/** The fund's calendar day, `YYYY-MM-DD`. */
const todayInKyiv = () => calendarDateOfSeedDate(seedDateOf(new Date()))!;

/**
 * Staff edit a member's profile, approve it (the pending program and documents become
 * current; for an approved member, also with any edit that asks it), withdraw the approval,
 * block or unblock the member, in any combination and in one
 * transaction. The member's row is locked first, so that edits of one member queue up. Only
 * what differs is changed and announced: sending the whole form back again does nothing.
 */
export async function updateMemberByStaff(
  deps: MemberDeps,
  staffId: number,
  memberId: number,
  edit: StaffMemberEdit,
): Promise<void> {
  const checked = checkProfileEdit(edit.profile, todayInKyiv());
  if (!checked.ok) throw badRequest(checked.message, checked.code);

  await deps.context.messaging.unitOfWork.run(async ({ tx, emit }) => {
    const member = await findMember(tx, memberId, true);
    if (!member) throw memberNotFound();

    const changes = profileChanges(member, checked.edit);
    await assertUnique(tx, memberId, changes);
    const approval = approvalFor(edit, member);
    const unapproves = edit.isSubmitted === false && member.isSubmitted;
    const blocks = edit.isActive !== undefined && edit.isActive !== member.isActive ? !edit.isActive : null;

    const patch: MemberPatch = { ...changes };
    if (approval) Object.assign(patch, approvedPatch(approval));
    if (unapproves) patch.isSubmitted = false;
    if (blocks !== null) patch.isActive = !blocks;
    if (Object.keys(patch).length === 0) return;

    const now = new Date();
    if (approval) await applyApproval(tx, memberId, approval, now);
    try {
      await updateMember(tx, memberId, patch, now);
    } catch (error) {
      if (isDuplicateOn(error, 'members_phone')) throw phoneTaken();
      if (isDuplicateOn(error, 'members_certificate')) throw certificateTaken();
      throw error;
    }

    const meta = { aggregateId: memberId, actor: staffActor(staffId) };
    const fields = (Object.keys(changes) as (keyof ProfileFields)[]).map(
      (field) => PROFILE_FIELD_NAMES[field],
    );
    if (unapproves) fields.push('is_submited');
    const events: AnyEvent[] = [];
    if (fields.length > 0) events.push(newEvent(MemberUpdated, { memberId, fields }, meta));
    events.push(...contactChanges(member, patch, meta));
    if (changes.phone) events.push(newEvent(PhoneChanged, { memberId, phone: changes.phone }, meta));
    if (changes.certificate) {
      events.push(newEvent(CertificateAssigned, { memberId, certificate: changes.certificate }, meta));
    }
    if (approval) events.push(newEvent(MemberApproved, { memberId, programId: approval.programId }, meta));
    if (blocks !== null) events.push(newEvent(blocks ? MemberBlocked : MemberUnblocked, { memberId }, meta));
    await emit(...events);
  });
}

/** A phone signs one member in, a certificate names one member in the fund's paperwork. */
async function assertUnique(tx: Tx, memberId: number, changes: ProfileEdit): Promise<void> {
  if (changes.phone !== undefined) {
    const holder = await findMemberByPhone(tx, changes.phone);
    if (holder && holder.id !== memberId) throw phoneTaken();
  }
  if (changes.certificate) {
    const holder = await certificateHolder(tx, changes.certificate);
    if (holder !== undefined && holder !== memberId) throw certificateTaken();
  }
}

/**
 * What the edit approves, if anything awaits approval: all of it with `is_submited: true`; with
 * `approvePending` alone, an approved member's pending program and documents when they can be
 * approved (else the edit goes ahead alone, as the seed's save did).
 */
function approvalFor(edit: StaffMemberEdit, member: MemberRow): (Approval & { programId: number }) | null {
  if (!awaitsApproval(member)) return null;
  if (edit.isSubmitted === true) return approvalOf(member);
  const saved = edit.approvePending === true && edit.isSubmitted !== false && member.isSubmitted;
  return saved && planApproval(member).ok ? approvalOf(member) : null;
}

function approvalOf(member: MemberRow): Approval & { programId: number } {
  const plan = planApproval(member);
  if (!plan.ok) throw conflict(plan.message, 'approval_refused');
  // planApproval refuses a member without a program: after approval there is one.
  return { ...plan, programId: (plan.newProgramId ?? member.programId)! };
}

function approvedPatch(approval: Approval): MemberPatch {
  return {
    isSubmitted: true,
    ...(approval.newProgramId === null ? {} : { programId: approval.newProgramId }),
    pendingProgramId: null,
    hasNewProgramChange: false,
    hasNewDocuments: false,
    hasCorrectionRequest: false,
  };
}

/** The pending program and documents become current; the reported mistakes count as dealt with. */
async function applyApproval(tx: Tx, memberId: number, approval: Approval, now: Date): Promise<void> {
  if (approval.newProgramId !== null) await switchMemberProgram(tx, memberId, approval.newProgramId, now);
  if (approval.promoteDocuments) await promotePendingDocuments(tx, memberId, now);
  await resolveCorrections(tx, memberId, now);
}
