import { DocumentsUploaded, ProfileSubmitted } from '@kasa/contracts';
import type { StoredFile } from '@kasa/files';
import { badRequest, conflict, unprocessable } from '@kasa/http';
import { newEvent } from '@kasa/messaging';
import { addPendingDocuments } from '../db/identity-documents.repository.ts';
import { recordMemberFiles } from '../db/member-files.repository.ts';
import { type MemberPatch, updateMember } from '../db/members.repository.ts';
import { findProgram } from '../db/programs.repository.ts';
import type { MemberDeps } from '../deps.ts';
import { normalizeIban } from '../domain/bank-details.ts';
import { type DocumentType, missingForProfile } from '../domain/documents.ts';
import { creditWaitingContributions } from './extend-membership.ts';
import { callingMember, memberActor } from './member-access.ts';
import { contactChanges } from './member-contact.ts';

export interface ProfileForm {
  firstName: string;
  middleName: string | null;
  lastName: string;
  email: string;
  programId: number;
  iban: string;
  documents: readonly { type: DocumentType; file: StoredFile }[];
}

export const programNotFound = () => unprocessable('Program not found', 'program_not_found');

/** Once approved, the profile changes through staff: the member reports mistakes instead. */
export const profileAlreadyApproved = () =>
  conflict(
    'Your profile is already approved: change your email or phone in your profile, or report a mistake to the fund',
    'profile_approved',
  );

/**
 * The member sends the profile form with the identity documents and the chosen program.
 * The documents wait for staff as pending, the program as a pending change; the member
 * joins the attention list. Sending again before approval replaces the pending documents
 * of the same types; once approved, the profile changes only through staff.
 */
export async function submitProfile(deps: MemberDeps, memberId: number, form: ProfileForm): Promise<void> {
  const missing = missingForProfile(new Set(form.documents.map(({ type }) => type)));
  if (missing) throw badRequest(missing, 'documents_missing');
  const iban = normalizeIban(form.iban);
  if (!iban) throw badRequest('IBAN is not a valid Ukrainian IBAN (UA and 27 digits)', 'invalid_iban');

  await deps.context.messaging.unitOfWork.run(async (context) => {
    const { tx, emit } = context;
    const member = await callingMember(tx, memberId, true);
    if (member.isSubmitted) throw profileAlreadyApproved();
    const program = await findProgram(tx, form.programId);
    if (!program?.isActive) throw programNotFound();

    const now = new Date();
    await recordMemberFiles(
      tx,
      memberId,
      form.documents.map(({ file }) => file),
    );
    await addPendingDocuments(
      tx,
      memberId,
      form.documents.map(({ type, file }) => ({ type, fileName: file.name })),
      'upload',
      now,
    );
    const pendingProgramId = program.id === member.programId ? null : program.id;
    const patch: MemberPatch = {
      firstName: form.firstName,
      middleName: form.middleName,
      lastName: form.lastName,
      email: form.email,
      iban,
      profileSentAt: now,
      pendingProgramId,
      hasNewProgramChange: pendingProgramId !== null,
      hasNewDocuments: true,
    };
    await updateMember(tx, memberId, patch, now);
    const documentTypes = form.documents.map(({ type }) => type);
    const meta = memberActor(memberId);
    await emit(
      newEvent(ProfileSubmitted, { memberId, programId: program.id, documentTypes }, meta),
      newEvent(DocumentsUploaded, { memberId, documentTypes, source: 'upload' }, meta),
      ...contactChanges(member, patch, meta),
    );
    // What the member paid before choosing a program now has one to price it.
    await creditWaitingContributions(context, memberId);
  });
}
