import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedDateTimeOfInstant } from '@kasa/seed-import';
import { type KasaDocument, type OldDocumentRow, planDocuments } from '../src/import/changes-documents.ts';
import {
  type KasaMemberPrograms,
  type OldProgramRow,
  planMemberPrograms,
} from '../src/import/changes-member-programs.ts';

/**
 * How a switch back makes a member's old `member_program` and `member_identity` rows say what
 * Kasa holds, checked against the import's own reading of them: nothing when they say it already,
 * the seed's own moves otherwise, and nothing at all when the old table cannot say it.
 */
const at = (text: string) => new Date(`${text}Z`);
const kyiv = (text: string) => seedDateTimeOfInstant(at(text));
let order = 0;
const row = (
  id: number | null,
  programId: number,
  flags: 'active' | 'asked' | 'past',
  made: string,
): OldProgramRow => ({
  id,
  programId,
  isActive: flags === 'active',
  isNew: flags === 'asked',
  at: at(made).getTime(),
  order: order++,
});
const kasa = (values: Partial<KasaMemberPrograms>): KasaMemberPrograms => ({
  programId: null,
  pendingProgramId: null,
  changedAt: at('2025-02-01T10:00:00'),
  history: [],
  ...values,
});

test('the old rows already say it, though the import had to read them: nothing to write', () => {
  // Two programs marked active (the later is theirs), a change asked to the program they are on.
  const rows = [
    row(1, 1, 'active', '2023-05-01T07:00:00'),
    row(2, 2, 'active', '2023-06-01T07:00:00'),
    row(3, 2, 'asked', '2024-01-01T07:00:00'),
  ];
  const plan = planMemberPrograms(rows, kasa({ programId: 2 }));
  assert.deepEqual(plan, {
    updates: [],
    inserts: [],
    view: { current: 2, asked: 2, pending: null },
    unrepresentable: null,
  });
});

test('a change approved in Kasa makes the row asked for active, as the seed’s review form did', () => {
  const rows = [
    row(1, 1, 'active', '2023-03-05T10:00:00'),
    row(2, 3, 'asked', '2023-10-01T10:00:00'),
    row(3, 2, 'asked', '2023-11-01T10:00:00'),
  ];
  const plan = planMemberPrograms(
    rows,
    kasa({
      programId: 2,
      history: [
        { programId: 1, startedAt: at('2023-03-05T10:00:00'), endedAt: at('2025-01-10T09:00:00') },
        { programId: 2, startedAt: at('2025-01-10T09:00:00'), endedAt: null },
      ],
    }),
  );
  assert.deepEqual(plan.updates, [
    { id: 1, set: { is_active: 0, updated_at: kyiv('2025-01-10T09:00:00') } },
    // The earlier change, replaced before the cut-over, is no longer asked for.
    { id: 2, set: { is_new: 0, updated_at: kyiv('2025-02-01T10:00:00') } },
    { id: 3, set: { is_active: 1, is_new: 0, updated_at: kyiv('2025-01-10T09:00:00') } },
  ]);
  assert.deepEqual(plan.inserts, []);
  assert.deepEqual(plan.view, { current: 2, asked: null, pending: null });
});

test('a change asked in Kasa takes the place of the one asked before; withdrawn, it is unmarked', () => {
  const rows = () => [row(1, 1, 'active', '2023-03-05T10:00:00'), row(2, 3, 'asked', '2023-10-01T10:00:00')];
  assert.deepEqual(planMemberPrograms(rows(), kasa({ programId: 1, pendingProgramId: 2 })).updates, [
    { id: 2, set: { program_id: 2, updated_at: kyiv('2025-02-01T10:00:00') } },
  ]);
  assert.deepEqual(planMemberPrograms(rows(), kasa({ programId: 1 })).updates, [
    { id: 2, set: { is_new: 0, updated_at: kyiv('2025-02-01T10:00:00') } },
  ]);
  // None asked before: a new row, marked new.
  const first = planMemberPrograms(
    [row(1, 1, 'active', '2023-03-05T10:00:00')],
    kasa({ programId: 1, pendingProgramId: 2 }),
  );
  assert.deepEqual(first.inserts, [
    {
      program_id: 2,
      created_at: kyiv('2025-02-01T10:00:00'),
      updated_at: kyiv('2025-02-01T10:00:00'),
      is_active: 0,
      is_new: 1,
    },
  ]);
});

test('programs a member moved through in Kasa go in as ended rows, the last one active', () => {
  const plan = planMemberPrograms(
    [row(1, 1, 'active', '2023-03-05T10:00:00')],
    kasa({
      programId: 3,
      history: [
        { programId: 1, startedAt: at('2023-03-05T10:00:00'), endedAt: at('2025-01-01T10:00:00') },
        { programId: 2, startedAt: at('2025-01-01T10:00:00'), endedAt: at('2025-01-20T10:00:00') },
        { programId: 3, startedAt: at('2025-01-20T10:00:00'), endedAt: null },
      ],
    }),
  );
  assert.deepEqual(plan.updates, [{ id: 1, set: { is_active: 0, updated_at: kyiv('2025-01-20T10:00:00') } }]);
  assert.deepEqual(plan.inserts, [
    {
      program_id: 2,
      created_at: kyiv('2025-01-01T10:00:00'),
      updated_at: kyiv('2025-01-20T10:00:00'),
      is_active: 0,
      is_new: 0,
    },
    {
      program_id: 3,
      created_at: kyiv('2025-01-20T10:00:00'),
      updated_at: kyiv('2025-01-20T10:00:00'),
      is_active: 1,
      is_new: 0,
    },
  ]);
});

test('an old table without row ids cannot change its rows: nothing is written, and it says why', () => {
  const plan = planMemberPrograms(
    [row(null, 1, 'active', '2023-03-05T10:00:00'), row(null, 2, 'asked', '2023-10-01T10:00:00')],
    kasa({ programId: 2, history: [{ programId: 2, startedAt: at('2025-01-10T09:00:00'), endedAt: null }] }),
  );
  assert.deepEqual(plan.updates, []);
  assert.deepEqual(plan.inserts, []);
  assert.deepEqual(plan.view, { current: 1, asked: 2, pending: 2 });
  assert.match(plan.unrepresentable ?? '', /no ids/);
});

const document = (
  id: number,
  type: KasaDocument['type'],
  status: KasaDocument['status'],
  made: string,
): KasaDocument => ({
  id,
  type,
  fileName: `stored-${id}`,
  status,
  createdAt: at(made),
  updatedAt: at('2025-01-15T10:00:00'),
  mime: 'image/jpeg',
});
const oldDocument = (
  id: number | null,
  fileId: number,
  flags: 'active' | 'new' | 'past',
): OldDocumentRow => ({
  id,
  key: String(id ?? fileId),
  fileId,
  isActive: flags === 'active',
  isNew: flags === 'new',
});
/** The import recorded old row `key` as Kasa's document `stored-<key>`. */
const imported = (key: string) => `stored-${key}`;
/** No `files` row is one a switch back wrote. */
const noneWritten = () => undefined;

test('documents as the import left them, an earlier one marked active among them: nothing to write', () => {
  const plan = planDocuments(
    [oldDocument(1, 100, 'active'), oldDocument(2, 101, 'active')],
    [
      document(1, 'id_card_front', 'current', '2023-03-05T10:00:00'),
      document(2, 'id_card_front', 'history', '2023-02-01T10:00:00'),
    ],
    imported,
    noneWritten,
  );
  assert.deepEqual(plan, { updates: [], made: [], awaiting: false, unrepresentable: null });
});

test('a document approved in Kasa becomes current and the one it replaced past; one sent in Kasa is new', () => {
  const sent = document(7, 'tax_number_card', 'pending', '2025-01-14T10:00:00');
  const plan = planDocuments(
    [oldDocument(1, 100, 'active'), oldDocument(2, 101, 'new')],
    [
      document(1, 'passport_page_1', 'history', '2023-03-05T10:00:00'),
      document(2, 'passport_page_1', 'current', '2023-11-01T10:00:00'),
      sent,
    ],
    imported,
    noneWritten,
  );
  const stamp = kyiv('2025-01-15T10:00:00');
  assert.deepEqual(plan.updates, [
    { id: 1, set: { is_active: 0, updated_at: stamp } },
    { id: 2, set: { is_active: 1, is_new: 0, updated_at: stamp } },
  ]);
  assert.deepEqual(plan.made, [{ document: sent, isActive: 0, isNew: 1 }]);
  assert.equal(plan.awaiting, true);

  // Written back (its file under the id past the old table's largest, 102, named for document 7),
  // its row is found by that file's name.
  const written = (fileId: number) => (fileId === 102 ? 7 : undefined);
  const documentsAfter = [
    document(1, 'passport_page_1', 'history', '2023-03-05T10:00:00'),
    document(2, 'passport_page_1', 'current', '2023-11-01T10:00:00'),
    sent,
  ];
  const rowsAfter = [oldDocument(1, 100, 'past'), oldDocument(2, 101, 'active'), oldDocument(3, 102, 'new')];
  const again = planDocuments(rowsAfter, documentsAfter, imported, written);
  assert.deepEqual(again, { updates: [], made: [], awaiting: true, unrepresentable: null });

  // Not by its id: a row naming a file that is no document written back (a receipt's) is no
  // document of the member's, which is then still to be written.
  const other = planDocuments(rowsAfter, documentsAfter, imported, noneWritten);
  assert.deepEqual(other.made, [{ document: sent, isActive: 0, isNew: 1 }]);
});
