import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { AidRequest, AidRequestDetail, StaffAidRequest } from '@kasa/contracts';
import { type RunningService, startService } from '@kasa/runtime';
import {
  type ImportOutcome,
  openSeedSource,
  runSeedImport,
  type SeedSource,
  type ServiceImport,
} from '@kasa/seed-import';
import {
  bearerTokens,
  createSeedDatabase,
  fillSeedFixture,
  generateEd25519Keys,
  type SeedDatabase,
  type TestFileStore,
  testFileStore,
  testNamespace,
  testSchemaPrefix,
  testServiceEnv,
} from '@kasa/testing';
import { pdf } from '@kasa/testing/sample-files';
import { Value } from 'typebox/value';
import type { RequestDeps } from '../src/deps.ts';
import { openSeedImport } from '../src/import/seed-import.ts';
import { requestService } from '../src/service.ts';

/**
 * The seed's requests, conversations and receipts brought over into the request service, then
 * read back through the service's own member and staff routes, as the gateways read them.
 */
let seed: SeedDatabase;
let source: SeedSource;
let kasa: KasaUnderTest;
let service: RunningService<unknown, RequestDeps>;
let first: ImportOutcome;
const keys = generateEd25519Keys();
const token = bearerTokens(keys);
const asMember = (id: number) => token(id, 'member', 'member');
const asStaff = (id: number) => token(id, 'staff', 'staff');

interface KasaUnderTest {
  env: Record<string, string>;
  files: TestFileStore;
  query<T>(sql: string, values?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

/** A request service's schema and file store of its own, empty until an import or the service fills them. */
async function emptyKasa(): Promise<KasaUnderTest> {
  const schemas = testSchemaPrefix();
  const files = await testFileStore('request-import');
  const env = {
    ...testServiceEnv({
      schemaPrefix: schemas.prefix,
      namespace: testNamespace(),
      publicKeyPem: keys.publicKeyPem,
    }),
    ...files.env,
  };
  const imported = await openSeedImport(env);
  return {
    env,
    files,
    async query<T>(sql: string, values: unknown[] = []) {
      const [rows] = await imported.database.pool.query(sql, values);
      return rows as T[];
    },
    async drop() {
      await imported.close();
      await schemas.drop();
      await files.remove();
    },
  };
}

async function importInto(target: KasaUnderTest, options: { batch?: number; crash?: CrashAt } = {}) {
  const imported = await openSeedImport(target.env);
  try {
    return await runSeedImport({
      source,
      services: [options.crash ? crashing(imported, options.crash) : imported],
      filesDir: seed.filesDir,
      ...(options.batch ? { batch: options.batch } : {}),
    });
  } finally {
    await imported.close();
  }
}

/** A process that dies in a step, after the batch holding `id` was written but before it committed. */
type CrashAt = { step: string; id: number };
function crashing(imported: ServiceImport, at: CrashAt): ServiceImport {
  return {
    ...imported,
    steps: imported.steps.map((step) =>
      step.name !== at.step
        ? step
        : {
            ...step,
            async write(tx, rows, context) {
              const written = await step.write(tx, rows, context);
              if (rows.some((row) => Number(row.id) === at.id)) throw new Error('the process died');
              return written;
            },
          },
    ),
  };
}

/** What the fixture lacks and real funds have: staff's diagnosis, the seed's per-member upload folders. */
async function addSeedQuirks(): Promise<void> {
  const db = seed.connection;
  await db.query('ALTER TABLE requests ADD COLUMN diagnos VARCHAR(255)');
  await db.query("UPDATE requests SET diagnos = 'Перелом' WHERE id = 200");
  await db.query(
    `INSERT INTO requests (id, request_text, member_id, created_at, updated_at, suma, status_id) VALUES
     (203, 'Запит зі статусом, якого немає', 11, '2024-03-01 09:00:00', NULL, NULL, 9)`,
  );
  // The seed saved uploads under UPLOAD_FOLDER/<member id>/.
  await mkdir(join(seed.filesDir, '10'));
  await mkdir(join(seed.filesDir, '11'));
  await writeFile(join(seed.filesDir, '10', '1709640700_scan.pdf'), pdf());
  await writeFile(join(seed.filesDir, '10', '1709640800_note.jpg'), 'a text named like a photo');
  // The same receipt sent again with another request: the service's duplicate flag shows it.
  await copyFile(
    join(seed.filesDir, '1709640500_receipt.jpg'),
    join(seed.filesDir, '11', '1709640900_again.jpg'),
  );
  await db.query(
    `INSERT INTO files (id, filename, request_id, created_at, updated_at, member_id) VALUES
     (105, '1709640700_scan.pdf', 201, '2024-02-01 08:00:00', NULL, 10),
     (106, '1709640800_note.jpg', 201, '2024-02-01 08:01:00', NULL, 10),
     (107, '1709640900_again.jpg', 203, NULL, NULL, 11)`,
  );
  await db.query(
    `INSERT INTO request_messages (id, created_at, updated_at, message, request_id, member_id, user_id) VALUES
     (303, '2024-02-03 12:00:00', NULL, 'Запит закрито', 202, NULL, 1)`,
  );
}

before(async () => {
  seed = await createSeedDatabase();
  await fillSeedFixture(seed);
  await addSeedQuirks();
  source = await openSeedSource(seed.url);
  kasa = await emptyKasa();
  first = await importInto(kasa);
  service = await startService(requestService, { env: kasa.env, listen: false });
});
after(async () => {
  await service?.stop();
  await kasa?.drop();
  await source?.close();
  await seed?.drop();
});

const call = (url: string, auth: string, method: 'GET' | 'POST' = 'GET', payload?: object) =>
  service.app.inject({ method, url, headers: { authorization: auth }, ...(payload ? { payload } : {}) });
const written = (outcome: ImportOutcome) =>
  Object.fromEntries(outcome.written.map(({ step, written }) => [step, written]));
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

test('every request, message, receipt found and current program comes over, without one event', async () => {
  assert.deepEqual(written(first), {
    'request statuses (read)': 0,
    'members (read: who exists)': 0,
    'payouts (read: paid per request)': 0,
    'member programs': 1,
    requests: 4,
    'request messages': 4,
    // 103, 105 and 107; 104's file is missing, 106's is no picture; 100-102 are members' documents.
    'receipt files': 3,
  });
  assert.deepEqual(await kasa.query('SELECT COUNT(*) AS n FROM outbox'), [{ n: 0 }]);
  assert.equal((await kasa.files.storedFiles()).length, 3);
});

test("the member's own routes answer for imported requests with their messages and files", async () => {
  const list = await call('/me/requests', asMember(10));
  assert.equal(list.statusCode, 200, list.body);
  const requests = list.json();
  assert.ok(requests.every((request: unknown) => Value.Check(AidRequest, request)));
  assert.deepEqual(
    requests.map(({ id, status, sum }: { id: number; status: string; sum: number }) => ({ id, status, sum })),
    [
      { id: 201, status: 'opened', sum: 0 },
      { id: 200, status: 'awaiting_client', sum: 125_050 },
    ],
  );

  const answer = await call('/me/requests/200', asMember(10));
  assert.equal(answer.statusCode, 200, answer.body);
  const detail = answer.json();
  assert.ok(
    Value.Check(AidRequestDetail, detail),
    JSON.stringify([...Value.Errors(AidRequestDetail, detail)]),
  );
  assert.equal(detail.comment, 'Ліки після операції');
  assert.equal(detail.diagnos, 'Перелом');
  assert.equal(detail.date, '15.01.2024');
  assert.equal(detail.created, '2024-01-15T16:45:00.000Z');
  assert.equal(detail.updated, '2024-01-20T08:00:00.000Z');
  assert.deepEqual(
    detail.messages.map(({ id, author, member_id, user_id, message }: Record<string, unknown>) => ({
      id,
      author,
      member_id,
      user_id,
      message,
    })),
    [
      { id: 300, author: 'member', member_id: 10, user_id: null, message: 'Додаю чек' },
      { id: 301, author: 'staff', member_id: null, user_id: 2, message: 'Потрібен ще висновок лікаря' },
      { id: 302, author: 'member', member_id: 10, user_id: null, message: 'Надіслала' },
    ],
  );
  assert.equal(detail.messages[1]!.created_at, '2024-01-16T07:00:00.000Z');
  assert.deepEqual(
    detail.files.map(({ id, mime, member_id }: Record<string, unknown>) => ({ id, mime, member_id })),
    [{ id: 103, mime: 'image/jpeg', member_id: 10 }],
  );

  const file = await call(`/me/requests/200/files/${detail.files[0]!.filename}`, asMember(10));
  assert.equal(file.statusCode, 200);
  assert.equal(file.headers['content-type'], 'image/jpeg');
  const [row] = await kasa.query<{ sha256: string }>('SELECT sha256 FROM request_files WHERE id = 103');
  assert.equal(sha256(file.rawPayload), row!.sha256);

  const scan = (await call('/me/requests/201', asMember(10))).json().files;
  assert.deepEqual(
    scan.map(({ id, mime }: Record<string, unknown>) => ({ id, mime })),
    [{ id: 105, mime: 'application/pdf' }],
  );
  const pdfFile = await call(`/me/requests/201/files/${scan[0].filename}`, asMember(10));
  assert.deepEqual(pdfFile.rawPayload, pdf());

  assert.equal((await call('/me/requests/200', asMember(11))).statusCode, 404, "another member's request");
});

test("staff's routes answer for imported requests: conversation, files, paid out, duplicate receipts", async () => {
  const answer = await call('/staff/requests/200', asStaff(1));
  assert.equal(answer.statusCode, 200, answer.body);
  const card = answer.json();
  assert.ok(Value.Check(StaffAidRequest, card), JSON.stringify([...Value.Errors(StaffAidRequest, card)]));
  assert.equal(card.paid, 100_025);
  assert.equal(card.messages.length, 3);
  assert.deepEqual(card.flags.duplicate_files, [{ filename: card.files[0]!.filename, request_ids: [203] }]);
  const file = await call(`/staff/requests/200/files/${card.files[0]!.filename}`, asStaff(1));
  assert.equal(file.statusCode, 200);
  const byMember = await call(`/staff/members/10/request-files/${card.files[0]!.filename}`, asStaff(1));
  assert.equal(byMember.statusCode, 200);

  // The request of a member long gone, with a staff message.
  const orphan = (await call('/staff/requests/202', asStaff(1))).json();
  assert.equal(orphan.member_id, 99);
  assert.equal(orphan.status, 'closed');
  assert.equal(orphan.sum, 0);
  assert.deepEqual(
    orphan.messages.map(({ author, user_id }: Record<string, unknown>) => ({ author, user_id })),
    [{ author: 'staff', user_id: 1 }],
  );
  // The seed's status 9 is no status: the request waits on staff.
  const unknown = (await call('/staff/requests/203', asStaff(1))).json();
  assert.equal(unknown.status, 'awaiting_agent');
  assert.equal(unknown.files[0].created, unknown.created, 'a receipt without dates is dated by its request');

  const search = await call('/staff/requests/search', asStaff(1), 'POST', { member_ids: [99] });
  assert.deepEqual(
    search.json().data.map(({ id }: { id: number }) => id),
    [202],
  );
  const counts = await call('/staff/requests/counts', asStaff(1));
  assert.deepEqual(counts.json(), { opened: 1, awaiting_agent: 1, awaiting_client: 1, closed: 1 });
});

test('what could not come over as it was is reported by its row', () => {
  const has = (wanted: object) =>
    assert.ok(
      first.problems.some((found) =>
        Object.entries(wanted).every(
          ([key, value]) => JSON.stringify((found as Record<string, unknown>)[key]) === JSON.stringify(value),
        ),
      ),
      `${JSON.stringify(wanted)} in ${JSON.stringify(first.problems)}`,
    );
  has({ kind: 'orphan', table: 'requests', id: 202, column: 'member_id', value: 99 });
  has({ kind: 'inexact_amount', table: 'requests', id: 202, column: 'suma', kopiyky: 0 });
  has({ kind: 'value_replaced', table: 'requests', id: 203, column: 'status_id' });
  has({ kind: 'file_missing', table: 'files', id: 104, file: '1709640600_receipt_lost.jpg' });
  has({ kind: 'file_unreadable', table: 'files', id: 106, file: '1709640800_note.jpg' });
  has({ kind: 'date_unknown', table: 'files', id: 107, taken: 'its request’s created_at' });
  assert.equal(first.problems.length, 6, JSON.stringify(first.problems));
});

test('the verification agrees on everything but the two receipts whose files did not come', () => {
  const disagreeing = first.verification.filter(({ agrees }) => !agrees);
  assert.deepEqual(
    disagreeing.map(({ what, seed, kasa, note }) => ({ what, seed, kasa, note })),
    [
      {
        what: 'receipt files',
        seed: 5,
        kasa: 3,
        note: 'not stored (each reported: file missing or unreadable, or not imported): 104, 106',
      },
    ],
  );
  const line = (what: string) => first.verification.find((found) => found.what === what);
  assert.deepEqual(line('requests'), {
    what: 'requests',
    seed: 4,
    kasa: 4,
    agrees: true,
    service: 'request',
  });
  assert.equal(line('receipt files: decrypted, match their checksum')?.kasa, 3);
  assert.equal(line('paid out per request (kopiyky)')?.kasa, 100_025);
});

test('a second run writes nothing, stores no file again and changes nothing', async () => {
  const before = await snapshot(kasa);
  const filesBefore = (await kasa.files.storedFiles()).sort();
  const again = await importInto(kasa);
  assert.ok(
    Object.values(written(again)).every((rows) => rows === 0),
    JSON.stringify(written(again)),
  );
  assert.deepEqual(await snapshot(kasa), before);
  assert.deepEqual((await kasa.files.storedFiles()).sort(), filesBefore);
});

test('a run that died half way is finished by running again, as if it had never stopped', async () => {
  const other = await emptyKasa();
  try {
    await assert.rejects(
      importInto(other, { batch: 1, crash: { step: 'request messages', id: 302 } }),
      /died/,
    );
    const [messages] = await other.query<{ n: number }>('SELECT COUNT(*) AS n FROM request_messages');
    assert.equal(messages!.n, 2, 'the batches before the crash were kept');
    await assert.rejects(importInto(other, { batch: 1, crash: { step: 'receipt files', id: 105 } }), /died/);
    const finished = await importInto(other, { batch: 1 });
    assert.equal(written(finished).requests, 0);
    assert.equal(written(finished)['request messages'], 0, 'the second run brought the rest');
    assert.equal(written(finished)['receipt files'], 2, '105, whose batch died, and 107');
    assert.deepEqual(await snapshot(other), await snapshot(kasa));
  } finally {
    await other.drop();
  }
});

test('Kasa carries on from the imported requests: new ids past them, the same rules', async () => {
  const opened = await call('/me/requests', asMember(10), 'POST', { comment: 'Новий запит' });
  assert.equal(opened.statusCode, 201, opened.body);
  assert.ok(opened.json().id > 203);

  const posted = await call('/me/requests/200/messages', asMember(10), 'POST', { message: 'Ось висновок' });
  assert.equal(posted.statusCode, 200, posted.body);
  const [event] = await kasa.query<{ payload: string }>(
    "SELECT payload FROM outbox WHERE type = 'request.status_changed' AND aggregate_id = '200'",
  );
  assert.deepEqual(JSON.parse(event!.payload).data, {
    requestId: 200,
    memberId: 10,
    from: 'awaiting_client',
    to: 'awaiting_agent',
    version: 3,
  });
  const closed = await call('/me/requests/202/messages', asMember(99), 'POST', { message: 'Ще питання' });
  assert.equal(closed.statusCode, 409, 'a closed imported request takes no message');
});

/** What the import wrote, with each stored file's random name left out (a new store gives new names). */
async function snapshot(target: KasaUnderTest) {
  return {
    requests: await target.query('SELECT * FROM requests ORDER BY id'),
    messages: await target.query('SELECT * FROM request_messages ORDER BY id'),
    files: await target.query(
      'SELECT id, request_id, member_id, mime, size, sha256, created_at FROM request_files ORDER BY id',
    ),
    programs: await target.query('SELECT * FROM member_programs ORDER BY member_id'),
  };
}
