import type { Static } from 'typebox';
import type { IdentityDocument, MemberProgram } from '../http/members.ts';
import { httpDateOf } from './seed-formats.ts';
import { seedFileRow } from './seed-request-rows.ts';
import type {
  SeedMemberIdentityRow,
  SeedMemberProgramRow,
  SeedMemberRow,
  SeedProgramRow,
} from './seed-rows.ts';

/**
 * Builders of the seed's rows of a member's own things (tables 2.8, 2.11, 2.12) from the member
 * service's answers: the admin member card and the app's `/program/change` nest them.
 */

/**
 * Table 2.11 as the seed's fund filled it, by the ids its mobile app wrote (kasa-app
 * `profile/edit`: 1, 2 the ID card's sides, 3–5 the passport book's pages, 6 the tax number
 * card). The seed's code names two of them (`IdentityTypes.get(name=…)` in the Diia callback):
 * "ID-картка, аверс" and "Ідентифікаційний код"; the other four are named alike.
 */
export const SEED_IDENTITY_TYPES = [
  { id: 1, name: 'ID-картка, аверс' },
  { id: 2, name: 'ID-картка, реверс' },
  { id: 3, name: 'Паспорт, 1 сторінка' },
  { id: 4, name: 'Паспорт, 2 сторінка' },
  { id: 5, name: 'Паспорт, прописка' },
  { id: 6, name: 'Ідентифікаційний код' },
] as const satisfies readonly { id: number; name: string }[];

/** The identity type row of an id (1–6). */
export function seedIdentityTypeRow(id: number): { id: number; name: string } {
  const type = SEED_IDENTITY_TYPES.find((candidate) => candidate.id === id);
  if (!type) throw new RangeError(`No identity type ${id}`);
  return { id: type.id, name: type.name };
}

/**
 * A document as `model_to_dict(MemberIdentity)` with the card's booleans: its file row (the
 * document's id, its stored name, no request, the member), its type row, `is_active` for the
 * current one, `is_new` for one awaiting approval.
 */
export function seedMemberIdentityRow(
  document: Static<typeof IdentityDocument>,
  member: SeedMemberRow,
): SeedMemberIdentityRow {
  return {
    id: document.id,
    member,
    file: seedFileRow(
      { id: document.id, filename: document.file, created: document.created },
      { request: null, member },
    ),
    identity_type: seedIdentityTypeRow(document.identity_type),
    created_at: httpDateOf(document.created),
    updated_at: httpDateOf(document.updated),
    is_active: document.status === 'current',
    is_new: document.status === 'pending',
  };
}

/**
 * A member's program as `model_to_dict(MemberPrograms)` with the card's booleans, its member
 * and program rows nested (built by the caller, who knows the staff and the public URL that
 * the program row needs).
 */
export function seedMemberProgramRow(
  memberProgram: Pick<
    Static<typeof MemberProgram>,
    'id' | 'created_at' | 'updated_at' | 'is_active' | 'is_new'
  >,
  rows: { member: SeedMemberRow; program: SeedProgramRow },
): SeedMemberProgramRow {
  return {
    id: memberProgram.id,
    member: rows.member,
    program: rows.program,
    created_at: httpDateOf(memberProgram.created_at),
    updated_at: httpDateOf(memberProgram.updated_at),
    is_active: memberProgram.is_active,
    is_new: memberProgram.is_new,
  };
}
