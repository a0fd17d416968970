import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type RunningService, startService } from '@kasa/runtime';
import {
  openSeedSource,
  runSeedImport,
  type SeedChange,
  type SeedChanges,
  type SeedSource,
  type ServiceImport,
  seedContextOf,
  seedDateTimeOfInstant,
} from '@kasa/seed-import';
import {
  bearerTokens,
  createSeedDatabase,
  type FilePart,
  fillSeedFixture,
  generateEd25519Keys,
  multipartBody,
  type SeedDatabase,
  type TestFileStore,
  testFileStore,
  testNamespace,
  testSchemaPrefix,
  testServiceEnv,
} from '@kasa/testing';
import { jpeg, pdf, png } from '@kasa/testing/sample-files';
import type { RequestDeps } from '../src/deps.ts';
import { openSeedImport } from '../src/import/seed-import.ts';
import { requestService } from '../src/service.ts';

/**
 * The request service's side of a switch back: after the import and a time on Kasa, what Kasa
 * did (requests, their status, amount and text, messages by members and by staff, receipts with
 * their files) as rows of the seed's tables; written into the old database, nothing is left to
 * take back; what the old system cannot hold is left behind by row.
 */
let seed: SeedDatabase;
let source: SeedSource;
let files: TestFileStore;
let imported: ServiceImport;
let service: RunningService<unknown, RequestDeps>;
let dropSchemas: () => Promise<void>;
const keys = generateEd25519Keys();
const token = bearerTokens(keys);
const asMember = (id: number) => token(id, 'member', 'member');
const asStaff = (id: number) => token(id, 'staff', 'staff');

/**
 * The real data's quirks the round trip must survive, and rows the import could not take, at the
 * top of their tables: Kasa's ids start past them, so a Kasa row under an old id is the old row.
 */
async function addSeedQuirks(): Promise<void> {
  const db = seed.connection;
  await db.query(
    `INSERT INTO requests (id, request_text, member_id, created_at, updated_at, suma, status_id) VALUES
     (203, NULL, 11, NULL, NULL, 16777.23, 9),
     (204, 'Осінній запит', 11, '2023-10-29 03:30:00', '2024-03-31 03:30:00', -5, 3),
     (205, 'Без учасника', NULL, '2024-03-02 09:00:00', NULL, NULL, 1)`,
  );
  await db.query(
    `INSERT INTO request_messages (id, created_at, updated_at, message, request_id, member_id, user_id) VALUES
     (303, NULL, NULL, NULL, 203, 0, 1),
     (304, '2024-03-03 10:00:00', NULL, 'Загублене', NULL, 10, NULL)`,
  );
  await mkdir(join(seed.filesDir, '11'));
  await copyFile(
    join(seed.filesDir, '1709640500_receipt.jpg'),
    join(seed.filesDir, '11', '1709640900_again.jpg'),
  );
  await db.query(
    `INSERT INTO files (id, filename, request_id, created_at, updated_at, member_id) VALUES
     (105, '1709640900_again.jpg', 203, NULL, NULL, 11),
     (106, '1709641000_gone.jpg', 201, '2024-02-01 08:02:00', NULL, 10)`,
  );
  // A row deleted at the end: the old sequence gives 108 next, Kasa's starts at 107.
  await db.query('ALTER TABLE files AUTO_INCREMENT = 108');
}

before(async () => {
  seed = await createSeedDatabase();
  await fillSeedFixture(seed);
  await addSeedQuirks();
  source = await openSeedSource(seed.url);
  const schemas = testSchemaPrefix();
  dropSchemas = schemas.drop;
  files = await testFileStore('request-switch-back');
  const env = {
    ...testServiceEnv({
      schemaPrefix: schemas.prefix,
      namespace: testNamespace(),
      publicKeyPem: keys.publicKeyPem,
    }),
    ...files.env,
  };
  imported = await openSeedImport(env);
  await runSeedImport({ source, services: [imported], filesDir: seed.filesDir });
  service = await startService(requestService, { env, listen: false });
});
after(async () => {
  await service?.stop();
  await imported?.close();
  await source?.close();
  await seed?.drop();
  await dropSchemas?.();
  await files?.remove();
});

const changesSince = (from = source) => imported.changesSince!(seedContextOf(from));
const kasa = async <T>(sql: string, values: unknown[] = []) =>
  (await imported.database.pool.query(sql, values))[0] as T[];
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** A receipt photo of its own: no two are the same bytes. */
const photo = (): FilePart => ({
  bytes: jpeg(undefined, { scan: Buffer.from(randomBytes(24).map((byte) => byte & 0x7f)) }),
  filename: 'receipt.jpg',
  type: 'image/jpeg',
});

type Form = Awaited<ReturnType<typeof multipartBody>>;
async function call(method: 'POST' | 'PATCH', url: string, auth: string, body: object | Form) {
  const form = 'payload' in body && Buffer.isBuffer(body.payload) ? (body as Form) : null;
  const answer = await service.app.inject({
    method,
    url,
    headers: { authorization: auth, ...(form?.headers ?? {}) },
    payload: form ? form.payload : body,
  });
  assert.ok(answer.statusCode < 300, `${method} ${url}: ${answer.statusCode} ${answer.body}`);
  return answer.json();
}

/** Kasa's times of a row, as the seed's columns hold them. */
async function timesOf(table: 'requests' | 'request_messages', id: number) {
  const [row] = await kasa<{ created_at: Date; updated_at?: Date }>(`SELECT * FROM ${table} WHERE id = ?`, [
    id,
  ]);
  return {
    created_at: seedDateTimeOfInstant(row!.created_at),
    updated_at: seedDateTimeOfInstant(row!.updated_at ?? row!.created_at),
  };
}

/** The changes as plain rows, by what they are. */
const byWhat = (since: SeedChanges) =>
  Object.fromEntries(since.changes.map(({ what, table, action, rows }) => [what, { table, action, rows }]));
const leftBehind = (since: SeedChanges) =>
  Object.fromEntries(
    since.leftBehind.map(({ what, table, ids, why }) => [`${table}: ${why}`, { what, ids }]),
  );

/** Writes the changes into the old database as the switch back would: plain INSERTs and UPDATEs. */
async function writeIntoSeed(changes: readonly SeedChange[]): Promise<void> {
  for (const change of changes) {
    for (const row of change.rows) {
      if (change.action === 'insert') {
        const columns = Object.keys(row);
        await seed.connection.query(`INSERT INTO ${change.table} (${columns.join(', ')}) VALUES (?)`, [
          columns.map((column) => row[column]),
        ]);
      } else {
        const { id, ...set } = row;
        await seed.connection.query(`UPDATE ${change.table} SET ? WHERE id = ?`, [set, id]);
      }
    }
    for (const file of change.files ?? []) {
      const folder = join(seed.filesDir, String(file.memberId));
      await mkdir(folder, { recursive: true });
      await writeFile(join(folder, file.name), await file.bytes());
    }
  }
}

test('right after the import there is nothing to take back: every compared value round-trips', async () => {
  assert.deepEqual(await changesSince(), { changes: [], leftBehind: [] });
});

let firstSince: SeedChanges;
let sent: Array<{ memberId: number | null; name: string; bytes: Buffer }> = [];

test('what members and staff did in Kasa goes back as rows of the seed, under its ids, and only once', async () => {
  const added = photo();
  await call('POST', '/me/request-files', asMember(10), await multipartBody({ id: '201', files: [added] }));
  const other = await call(
    'POST',
    '/me/requests',
    asMember(11),
    await multipartBody({ comment: 'Запит після пропуску', files: [photo()] }),
  );
  const scan = { bytes: pdf(), filename: 'scan.pdf', type: 'application/pdf' };
  const fresh = await call(
    'POST',
    '/me/requests',
    asMember(10),
    await multipartBody({
      comment: 'Ще один запит',
      files: [{ bytes: png(), filename: 'r.png', type: 'image/png' }, scan],
    }),
  );
  assert.deepEqual([other.id, fresh.id], [206, 207]);
  await call('POST', '/me/requests/200/messages', asMember(10), { message: 'Ось висновок' });
  await call('POST', '/staff/requests/200/messages', asStaff(1), { message: 'Перевірити', internal: true });
  await call('POST', '/staff/requests/207/messages', asStaff(2), { message: 'Додайте виписку' });
  await call('POST', '/me/requests/206/messages', asMember(11), { message: 'Чекаю' });
  await call('PATCH', '/staff/requests/201', asStaff(1), {
    request_text: 'Аналізи крові',
    diagnosis: 'Анемія',
    granted_amount: 15_000_001,
  });
  await call('POST', '/staff/requests/202/reopen', asStaff(1), {});
  await call('PATCH', '/staff/requests/204', asStaff(1), { granted_amount: 150_000 });

  // Kasa's ids start past the old tables' largest, the rows the import could not take included
  // (request 205, message 304, receipts 104 and 106): none of theirs is given to a new row.
  const ids = async (table: string, above: number) =>
    (await kasa<{ id: number }>(`SELECT id FROM ${table} WHERE id > ? ORDER BY id`, [above])).map(
      ({ id }) => id,
    );
  assert.deepEqual(await ids('requests', 202), [203, 204, 206, 207]);
  assert.deepEqual(await ids('request_messages', 302), [303, 305, 306, 307, 308]);
  assert.deepEqual(await ids('request_files', 103), [105, 107, 108, 109, 110]);

  const since = await changesSince();
  firstSince = since;
  const receiptRow = async (id: number, requestId: number, memberId: number, ext: string) => {
    const [row] = await kasa<{ created_at: Date }>('SELECT created_at FROM request_files WHERE id = ?', [id]);
    const at = seedDateTimeOfInstant(row!.created_at);
    return {
      filename: `${Math.floor(row!.created_at.getTime() / 1000)}_kasa-receipt-${id}.${ext}`,
      request_id: requestId,
      member_id: memberId,
      created_at: at,
      updated_at: at,
    };
  };
  assert.deepEqual(byWhat(since), {
    'requests made in Kasa': {
      table: 'requests',
      action: 'insert',
      rows: [
        {
          id: 206,
          member_id: 11,
          request_text: 'Запит після пропуску',
          suma: null,
          status_id: 2,
          ...(await timesOf('requests', 206)),
        },
        {
          id: 207,
          member_id: 10,
          request_text: 'Ще один запит',
          suma: null,
          status_id: 3,
          ...(await timesOf('requests', 207)),
        },
      ],
    },
    'requests whose status, granted amount, text or diagnosis changed in Kasa': {
      table: 'requests',
      action: 'update',
      rows: [
        { id: 200, status_id: 2, updated_at: (await timesOf('requests', 200)).updated_at },
        {
          id: 201,
          request_text: 'Аналізи крові',
          suma: 150000.01,
          updated_at: (await timesOf('requests', 201)).updated_at,
        },
        { id: 202, status_id: 2, updated_at: (await timesOf('requests', 202)).updated_at },
        { id: 204, suma: 1500, updated_at: (await timesOf('requests', 204)).updated_at },
      ],
    },
    'request messages written in Kasa': {
      table: 'request_messages',
      action: 'insert',
      rows: [
        {
          id: 305,
          ...(await timesOf('request_messages', 305)),
          message: 'Ось висновок',
          request_id: 200,
          member_id: 10,
          user_id: null,
        },
        {
          id: 307,
          ...(await timesOf('request_messages', 307)),
          message: 'Додайте виписку',
          request_id: 207,
          member_id: null,
          user_id: 2,
        },
        {
          id: 308,
          ...(await timesOf('request_messages', 308)),
          message: 'Чекаю',
          request_id: 206,
          member_id: 11,
          user_id: null,
        },
      ],
    },
    'receipts attached in Kasa': {
      table: 'files',
      action: 'insert',
      rows: [
        await receiptRow(107, 201, 10, 'jpg'),
        await receiptRow(108, 206, 11, 'jpg'),
        await receiptRow(109, 207, 10, 'png'),
        await receiptRow(110, 207, 10, 'pdf'),
      ],
    },
  });
  assert.deepEqual(leftBehind(since), {
    'requests: the old requests table has no diagnos column': { what: 'diagnoses', ids: [201] },
    'requests: the old suma column is a FLOAT, which from about 131,072 UAH on holds them only to the nearest 2 kopiyky or more':
      {
        what: 'granted amounts',
        ids: [201],
      },
    'request_messages: the old system has no internal notes: every message there is the member’s to read': {
      what: 'internal notes of staff',
      ids: [306],
    },
  });

  // The files, decrypted from the service's store, are the receipts as Kasa keeps them.
  const receipts = since.changes.find(({ table }) => table === 'files')!.files!;
  assert.deepEqual(
    receipts.map(({ name, memberId, row }) => ({ name, memberId, row })),
    byWhat(since)['receipts attached in Kasa']!.rows.map((row, index) => ({
      name: row.filename,
      memberId: row.member_id,
      row: `request files ${[107, 108, 109, 110][index]}`,
    })),
  );
  const stored = await kasa<{ id: number; sha256: string }>(
    'SELECT id, sha256 FROM request_files WHERE id IN (107, 108, 109, 110) ORDER BY id',
  );
  for (const [index, file] of receipts.entries())
    assert.equal(sha256(await file.bytes()), stored[index]!.sha256);
  assert.deepEqual(await receipts[0]!.bytes(), added.bytes);
  assert.deepEqual(await receipts[3]!.bytes(), pdf());
  sent = await Promise.all(
    receipts.map(async ({ memberId, name, bytes }) => ({ memberId, name, bytes: await bytes() })),
  );

  await writeIntoSeed(since.changes);
  const again = await changesSince();
  assert.deepEqual(again.changes, [], JSON.stringify(again.changes));
  assert.deepEqual(again.leftBehind, since.leftBehind, 'what cannot go back is said again, by the same rows');
});

test('what was written back reads as the seed held it: under Kasa’s ids, the FLOAT amount rounded, the files in the members’ folders', async () => {
  assert.ok(firstSince, 'runs after the switch back above');
  const rows = async (sql: string) =>
    ((await seed.connection.query(sql))[0] as object[]).map((row) => ({ ...row }));
  assert.deepEqual(
    await rows('SELECT CAST(suma AS DOUBLE) AS suma, status_id, request_text FROM requests WHERE id = 201'),
    [{ suma: 150000.015625, status_id: 1, request_text: 'Аналізи крові' }],
  );
  assert.deepEqual(
    await rows('SELECT id, member_id, request_text FROM requests WHERE id >= 205 ORDER BY id'),
    [
      { id: 205, member_id: null, request_text: 'Без учасника' },
      { id: 206, member_id: 11, request_text: 'Запит після пропуску' },
      { id: 207, member_id: 10, request_text: 'Ще один запит' },
    ],
    'the old row 205 is untouched, the new requests are under their Kasa ids',
  );
  assert.deepEqual(
    await rows('SELECT id, request_id, message FROM request_messages WHERE id >= 304 ORDER BY id'),
    [
      { id: 304, request_id: null, message: 'Загублене' },
      { id: 305, request_id: 200, message: 'Ось висновок' },
      { id: 307, request_id: 207, message: 'Додайте виписку' },
      { id: 308, request_id: 206, message: 'Чекаю' },
    ],
    'the old row 304 is untouched, the new messages are under their Kasa ids',
  );
  // Receipts take the ids the old sequence gives (108 on): each is known by its name.
  assert.deepEqual(
    (await rows('SELECT id, filename FROM files WHERE id > 106 ORDER BY id')).map(
      (row) =>
        `${(row as { id: number }).id} ${String((row as { filename: string }).filename).split('_')[1]}`,
    ),
    [
      '108 kasa-receipt-107.jpg',
      '109 kasa-receipt-108.jpg',
      '110 kasa-receipt-109.png',
      '111 kasa-receipt-110.pdf',
    ],
  );
  for (const { memberId, name, bytes } of sent)
    assert.deepEqual(await readFile(join(seed.filesDir, String(memberId), name)), bytes);
});

test('a receipt attached after a switch back goes back too, though the old table gave its id to another', async () => {
  assert.ok(firstSince, 'runs after the switch back above');
  await call('POST', '/me/request-files', asMember(10), await multipartBody({ id: '207', files: [photo()] }));
  assert.deepEqual(await kasa('SELECT id FROM request_files WHERE id > 110'), [{ id: 111 }]);
  const since = await changesSince();
  const [row] = await kasa<{ created_at: Date }>('SELECT created_at FROM request_files WHERE id = 111');
  const at = seedDateTimeOfInstant(row!.created_at);
  assert.deepEqual(byWhat(since)['receipts attached in Kasa']?.rows, [
    {
      filename: `${Math.floor(row!.created_at.getTime() / 1000)}_kasa-receipt-111.jpg`,
      request_id: 207,
      member_id: 10,
      created_at: at,
      updated_at: at,
    },
  ]);
  await writeIntoSeed(since.changes);
  assert.deepEqual((await changesSince()).changes, []);
});

test('once the old table has a diagnos column, the diagnosis goes back, cut to what it holds', async () => {
  assert.ok(firstSince, 'runs after the switch back above');
  await seed.connection.query('ALTER TABLE requests ADD COLUMN diagnos VARCHAR(4)');
  const reopened = await openSeedSource(seed.url);
  try {
    const since = await changesSince(reopened);
    assert.deepEqual(byWhat(since), {
      'requests whose status, granted amount, text or diagnosis changed in Kasa': {
        table: 'requests',
        action: 'update',
        rows: [{ id: 201, diagnos: 'Анем', updated_at: (await timesOf('requests', 201)).updated_at }],
      },
    });
    const left = leftBehind(since);
    assert.deepEqual(left['requests: longer than the old diagnos column holds: they go back cut'], {
      what: 'diagnoses',
      ids: [201],
    });
    assert.equal(left['requests: the old requests table has no diagnos column'], undefined);
    assert.deepEqual(
      Object.keys(left).filter((key) => !key.includes('diagnos')),
      Object.keys(leftBehind(firstSince)).filter((key) => !key.includes('diagnos')),
      'the rest is as before',
    );
    await writeIntoSeed(since.changes);
    assert.deepEqual((await changesSince(reopened)).changes, []);
  } finally {
    await reopened.close();
  }
});
