import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { PROCESSES, portVariable } from '@kasa/config';
import { eventually, freePort, REPO_ROOT, testAmqpUrl, testMysqlUrl, testNamespace } from '@kasa/testing';
import { createConnection } from 'mysql2/promise';

const prefix = `t_${randomBytes(4).toString('hex')}_`;
const running = new Map<string, { child: ChildProcess; port: number; output: string[] }>();
let keyFolder: string;

before(async () => {
  keyFolder = await mkdtemp(join(tmpdir(), 'kasa-keys-'));
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  await writeFile(join(keyFolder, 'private.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
  await writeFile(join(keyFolder, 'public.pem'), publicKey.export({ type: 'spki', format: 'pem' }));
  const ports = Object.fromEntries(
    await Promise.all(PROCESSES.map(async ({ name }) => [portVariable(name), String(await freePort())])),
  );
  const env = {
    ...process.env,
    ...ports,
    MYSQL_URL: testMysqlUrl(),
    AMQP_URL: testAmqpUrl(),
    MYSQL_SCHEMA_PREFIX: prefix,
    AMQP_NAMESPACE: testNamespace(),
    JWT_PRIVATE_KEY: join(keyFolder, 'private.pem'),
    JWT_PUBLIC_KEY: join(keyFolder, 'public.pem'),
    FILES_DIR: join(keyFolder, 'files'),
    FILES_KEY: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'info',
  };
  for (const { name } of PROCESSES) {
    const child = spawn(process.execPath, [`${REPO_ROOT}services/${name}/src/main.ts`], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    running.set(name, { child, port: Number(ports[portVariable(name)]), output });
  }
});

after(async () => {
  for (const { child } of running.values()) if (child.exitCode === null) child.kill('SIGKILL');
  const connection = await createConnection({ uri: testMysqlUrl() });
  const [schemas] = await connection.query(`SHOW DATABASES LIKE '${prefix}%'`);
  for (const row of schemas as Record<string, string>[]) {
    await connection.query(`DROP DATABASE \`${Object.values(row)[0]}\``);
  }
  await connection.end();
  await rm(keyFolder, { recursive: true, force: true });
});

test('each process becomes ready, with its API described', async () => {
  for (const [name, { port, output }] of running) {
    const ready = await eventually(
      async () => {
        const response = await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => null);
        return response?.status === 200
          ? ((await response.json()) as { checks: Record<string, string> })
          : null;
      },
      { timeoutMs: 60_000, intervalMs: 200, message: `${name} ready; output so far:\n${output.join('')}` },
    );
    const expectedChecks = name.endsWith('gateway') ? {} : { database: 'ok', broker: 'ok' };
    assert.deepEqual(ready.checks, expectedChecks, name);
    const docs = (await (await fetch(`http://127.0.0.1:${port}/docs/json`)).json()) as {
      info: { title: string };
    };
    assert.equal(docs.info.title, `Kasa ${name}`);
  }
});

test('each service migrated its own schema, with the outbox and inbox every service has', async () => {
  const connection = await createConnection({ uri: testMysqlUrl() });
  try {
    for (const { name, gateway } of PROCESSES) {
      const [tables] = await connection.query(
        'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ?',
        [`${prefix}${name}`],
      );
      const names = (tables as { name: string }[]).map((table) => table.name).sort();
      if (gateway) assert.deepEqual(names, [], `${name} owns no data`);
      else
        for (const table of ['__drizzle_migrations', 'inbox', 'outbox'])
          assert.ok(names.includes(table), `${name}.${table}`);
    }
  } finally {
    await connection.end();
  }
});

test('each process stops cleanly on SIGTERM', async () => {
  for (const [name, { child, output }] of running) {
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    assert.equal(code, 0, `${name} exit code; output:\n${output.join('').slice(-2000)}`);
    assert.match(output.join(''), /"msg":"shut down"/, name);
  }
});
