/**
 * The switch-over's import at a fund's full size (issue 19): a seed database of BENCH_MEMBERS
 * members (each on a program, one in ten with a change pending), BENCH_REQUESTS requests with
 * three messages each, and BENCH_PAYMENTS payments (one in ten a payout for a request), files
 * aside, made by SQL from MariaDB's sequence tables; then the dry run and the import into fresh
 * `bench_seed_*` schemas, step by step, with the verification. Target: under 10 minutes for
 * 100,000 members, 1,000,000 payments and 50,000 requests. Drops everything it made.
 *
 *   ./kasa bench seed-import   (BENCH_MEMBERS, BENCH_PAYMENTS, BENCH_REQUESTS)
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@kasa/config';
import { openSeedSource, runSeedImport, surveySeed } from '@kasa/seed-import';
import { createSeedDatabase } from '@kasa/testing';
import { createConnection } from 'mysql2/promise';
import { Type } from 'typebox';
import { openServiceImports } from '../../scripts/seed-import-services.ts';
import { loadLine, out, verdict, whole } from '../support/report.ts';

const config = loadConfig(
  Type.Object({
    MYSQL_URL: Type.String({ default: 'mysql://root@127.0.0.1:3306' }),
    BENCH_MEMBERS: Type.Integer({ minimum: 10, default: 100_000 }),
    BENCH_PAYMENTS: Type.Integer({ minimum: 10, default: 1_000_000 }),
    BENCH_REQUESTS: Type.Integer({ minimum: 10, default: 50_000 }),
  }),
);
const TARGET_SECONDS = 600;
const PREFIX = 'bench_seed_';
const seconds = (since: number) => (Date.now() - since) / 1000;

out(
  `seed-import bench: ${whole(config.BENCH_MEMBERS)} members, ${whole(config.BENCH_PAYMENTS)} payments, ${whole(config.BENCH_REQUESTS)} requests`,
);
await dropBenchSchemas();
const seed = await createSeedDatabase(config.MYSQL_URL);
const filesDir = await mkdtemp(join(tmpdir(), 'kasa-bench-files-'));
try {
  let started = Date.now();
  await fill(seed.connection);
  out(`seed database made in ${seconds(started).toFixed(1)} s`);

  const source = await openSeedSource(seed.url);
  try {
    started = Date.now();
    const survey = await surveySeed(source, null);
    const dryRun = seconds(started);
    out(`dry run: ${dryRun.toFixed(1)} s, ${survey.problems.length} problems`);

    const env = {
      ...process.env,
      MYSQL_URL: config.MYSQL_URL,
      MYSQL_SCHEMA_PREFIX: PREFIX,
      FILES_DIR: filesDir,
      FILES_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: 'silent',
    };
    const services = await openServiceImports(env);
    try {
      started = Date.now();
      const outcome = await runSeedImport({
        source,
        services,
        filesDir: null,
        progress: (line) => out(`  ${line}`),
      });
      const imported = seconds(started);
      const differing = outcome.verification.filter((line) => !line.agrees);
      for (const line of differing)
        out(`  DIFF ${line.service} ${line.what}: ${line.seed} / ${line.kasa} ${line.note ?? ''}`);
      started = Date.now();
      const again = await runSeedImport({ source, services, filesDir: null });
      const second = seconds(started);
      const rewritten = again.written.reduce((sum, step) => sum + step.written, 0);
      out('');
      out(`| figure | target | measured | verdict |`);
      out(`|---|---|---|---|`);
      out(
        `| import, first run (steps + verification) | < ${TARGET_SECONDS} s | ${imported.toFixed(1)} s | ${verdict(imported < TARGET_SECONDS)} |`,
      );
      out(`| dry run | — | ${dryRun.toFixed(1)} s | — |`);
      out(
        `| second run writes nothing | 0 rows | ${rewritten} rows in ${second.toFixed(1)} s | ${verdict(rewritten === 0)} |`,
      );
      out(
        `| verification lines that agree | all | ${outcome.verification.length - differing.length} of ${outcome.verification.length} | ${verdict(differing.length === 0)} |`,
      );
      out(loadLine());
    } finally {
      for (const service of services) await service.close();
    }
  } finally {
    await source.close();
  }
} finally {
  await seed.drop();
  await rm(filesDir, { recursive: true, force: true });
  await dropBenchSchemas();
}

/** The fund, by SQL: each table from a sequence, with the seed's values and spellings. */
async function fill(db: Awaited<ReturnType<typeof createConnection>>): Promise<void> {
  const { BENCH_MEMBERS: members, BENCH_PAYMENTS: payments, BENCH_REQUESTS: requests } = config;
  await db.query(`INSERT INTO users (id, login, password, name, email, is_active, created_at)
    VALUES (1, 'admin', SHA2('admin', 256), 'Адміністратор', 'admin@fund.example', 1, '2022-01-01 09:00:00')`);
  await db.query(`INSERT INTO programs (id, program_name, month_price, is_active, created_at, created_by) VALUES
    (1, 'Базова', 300, 1, '2022-01-01 09:00:00', 1), (2, 'Розширена', 499.99, 1, '2022-01-01 09:00:00', 1),
    (3, 'Сімейна', 750.5, 1, '2022-01-01 09:00:00', 1)`);
  await db.query(`INSERT INTO members (id, first_name, last_name, phone, email, birth_date, inn, actual_iban, created_at,
      updated_at, certificate, expiration_date, has_new_request, is_active, is_submited, has_new_program_change, has_new_passport_data)
    SELECT seq, 'Олена', CONCAT('Учасниця ', seq), CONCAT('38067', LPAD(seq, 7, '0')), CONCAT('m', seq, '@example.org'),
      DATE_ADD('1960-01-01', INTERVAL seq % 15000 DAY), LPAD(seq, 10, '3'), 'UA213223130000026007233566001',
      DATE_ADD('2022-01-01 10:00:00', INTERVAL seq MINUTE), NULL, LPAD(seq, 6, '0'),
      DATE_ADD('2025-01-01', INTERVAL seq % 700 DAY), 0, 1, 1, seq % 10 = 0, 0
    FROM seq_1_to_${members}`);
  await db.query(`INSERT INTO member_program (member_id, program_id, created_at, is_active, is_new)
    SELECT seq, 1 + seq % 3, DATE_ADD('2022-01-01 10:00:00', INTERVAL seq MINUTE), 1, 0 FROM seq_1_to_${members}`);
  await db.query(`INSERT INTO member_program (member_id, program_id, created_at, is_active, is_new)
    SELECT seq, 1 + (seq + 1) % 3, '2024-06-01 10:00:00', 0, 1 FROM seq_1_to_${members} WHERE seq % 10 = 0`);
  await db.query(`INSERT INTO requests (id, request_text, member_id, created_at, updated_at, suma, status_id)
    SELECT seq, CONCAT('Звернення ', seq), 1 + (seq * 7) % ${members}, DATE_ADD('2023-01-01 10:00:00', INTERVAL seq MINUTE),
      NULL, IF(seq % 2 = 0, 1000 + seq % 5000, NULL), 1 + seq % 4
    FROM seq_1_to_${requests}`);
  await db.query(`INSERT INTO request_messages (created_at, message, request_id, member_id, user_id)
    SELECT DATE_ADD('2023-01-01 11:00:00', INTERVAL seq MINUTE), CONCAT('Повідомлення ', seq), 1 + seq % ${requests},
      IF(seq % 3 = 0, NULL, 1 + ((1 + seq % ${requests}) * 7) % ${members}), IF(seq % 3 = 0, 1, NULL)
    FROM seq_1_to_${requests * 3}`);
  await db.query(`INSERT INTO payments (id, created_at, iban, payment_type, payment_identifier, member_id, request_id, payment_date, amount)
    SELECT seq, DATE_ADD('2022-02-01 10:00:00', INTERVAL seq MINUTE),
      IF(seq % 10 = 0, 'UA213223130000026007233566001', NULL), IF(seq % 10 = 0, 3, 1),
      IF(seq % 10 = 0, NULL, CONCAT('order-', seq)), 1 + seq % ${members},
      IF(seq % 10 = 0, 1 + (seq DIV 10) % ${requests}, NULL), DATE_ADD('2022-02-01 10:00:00', INTERVAL seq MINUTE),
      IF(seq % 10 = 0, 1 + seq % 50, 300)
    FROM seq_1_to_${payments}`);
}

async function dropBenchSchemas(): Promise<void> {
  const connection = await createConnection({ uri: config.MYSQL_URL });
  try {
    const [rows] = await connection.query(
      'SELECT schema_name AS name FROM information_schema.schemata WHERE schema_name LIKE ?',
      [`${PREFIX}%`],
    );
    for (const { name } of rows as { name: string }[]) await connection.query(`DROP DATABASE \`${name}\``);
  } finally {
    await connection.end();
  }
}
