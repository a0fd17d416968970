import type { IdentityDocument, MemberRecord, Program } from '@kasa/contracts';
import { seedDateOf } from '@kasa/contracts';
import type { Static } from 'typebox';
import type { IdentityDocumentRow } from '../db/identity-documents.repository.ts';
import type { MemberRow } from '../db/members.repository.ts';
import type { ProgramRow } from '../db/programs.repository.ts';
import { SEED_IDENTITY_TYPE_IDS } from '../domain/documents.ts';

export function memberRecordView(member: MemberRow): Static<typeof MemberRecord> {
  return {
    id: member.id,
    first_name: member.firstName,
    middle_name: member.middleName,
    last_name: member.lastName,
    phone: member.phone,
    email: member.email,
    birth_date: member.birthDate,
    passport_data: member.passportData,
    inn: member.taxNumber,
    actual_iban: member.iban,
    photo: member.photoFile,
    certificate: member.certificate,
    expiration_date: member.paidUntil,
    is_active: member.isActive,
    is_submited: member.isSubmitted,
    has_new_request: member.hasNewRequest,
    has_new_program_change: member.hasNewProgramChange,
    has_new_passport_data: member.hasNewDocuments,
    has_correction_request: member.hasCorrectionRequest,
    diia_answer: diiaAnswerOf(member),
    created_at: member.createdAt.toISOString(),
    updated_at: member.updatedAt.toISOString(),
    pricing_program_id: member.programId ?? member.pendingProgramId,
  };
}

/**
 * The seed's `diia_answer`: the request id while a Diia import is awaited, then the decrypted
 * data Diia sent (the seed kept the deeplink's id, then overwrote it with the answer).
 */
function diiaAnswerOf(member: MemberRow): string | null {
  return member.diiaRequestId ?? member.diiaAnswer;
}

export function programView(program: ProgramRow): Static<typeof Program> {
  return {
    program_id: program.id,
    program_name: program.name,
    program_file: program.termsFile,
    month_price: program.monthPrice,
    is_active: program.isActive,
    created_at: program.createdAt.toISOString(),
    updated_at: program.updatedAt.toISOString(),
    created_by: program.createdBy,
    updated_by: program.updatedBy,
  };
}

export function identityDocumentView(document: IdentityDocumentRow): Static<typeof IdentityDocument> {
  return {
    id: document.id,
    identity_type: SEED_IDENTITY_TYPE_IDS[document.type],
    type: document.type,
    file: document.fileName,
    mime: document.mime,
    status: document.status,
    source: document.source,
    is_new: document.status === 'pending',
    created_at: seedDateOf(document.createdAt),
    created: document.createdAt.toISOString(),
    updated: document.updatedAt.toISOString(),
  };
}
