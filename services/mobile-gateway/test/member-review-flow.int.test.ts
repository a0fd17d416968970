import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type RunningGateway, type RunningService, startGateway, startService } from '@kasa/runtime';
import {
  claimsFor,
  eventually,
  type FakeTwilio,
  freePort,
  generateEd25519Keys,
  signToken,
  startFakeTwilio,
  testAmqpUrl,
  testMysqlUrl,
  testNamespace,
  testSchemaPrefix,
} from '@kasa/testing';
import { jpeg, pdf, png } from '@kasa/testing/sample-files';
import { adminGateway } from '../../admin-gateway/src/gateway.ts';
import { authService } from '../../auth/src/service.ts';
import { memberService } from '../../member/src/service.ts';
import { notificationService } from '../../notification/src/service.ts';
import { mobileGateway } from '../src/gateway.ts';

/**
 * Issue 4's story through both gateways: a new member signs up by SMS, sends the profile with
 * photos, an administrator finds them on the attention list and approves them, and the member's
 * `profile/get` answers with the program. Real services, RabbitMQ and MariaDB; Twilio is local.
 */
const schemas = testSchemaPrefix();
const keys = generateEd25519Keys();
const running: { stop(): Promise<void> }[] = [];
let twilio: FakeTwilio;
let filesDir: string;
let mobileUrl: string;
let adminUrl: string;
const adminToken = signToken(keys.privateKey, claimsFor({ sub: '1', aud: 'staff', role: 'admin' }));
const staffToken = signToken(keys.privateKey, claimsFor({ sub: '2', aud: 'staff', role: 'staff' }));

before(async () => {
  twilio = await startFakeTwilio();
  filesDir = await mkdtemp(join(tmpdir(), 'kasa-flow-files-'));
  const shared = {
    MYSQL_URL: testMysqlUrl(),
    AMQP_URL: testAmqpUrl(),
    MYSQL_SCHEMA_PREFIX: schemas.prefix,
    AMQP_NAMESPACE: testNamespace(),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    JWT_PUBLIC_KEY: keys.publicKeyPem,
  };
  const [authPort, memberPort, mobilePort, adminPort] = await Promise.all([
    freePort(),
    freePort(),
    freePort(),
    freePort(),
  ]);
  const services = {
    AUTH_URL: `http://127.0.0.1:${authPort}`,
    MEMBER_URL: `http://127.0.0.1:${memberPort}`,
  };
  running.push(
    (await startService(authService, {
      env: {
        ...shared,
        AUTH_PORT: String(authPort),
        JWT_PRIVATE_KEY: keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      },
    })) as RunningService,
    (await startService(notificationService, {
      env: {
        ...shared,
        NOTIFICATION_PORT: String(await freePort()),
        TWILIO_ACCOUNT_SID: twilio.accountSid,
        TWILIO_AUTH_TOKEN: twilio.authToken,
        TWILIO_FROM: '+380441234567',
        TWILIO_API_URL: twilio.url,
      },
    })) as RunningService,
    (await startService(memberService, {
      env: {
        ...shared,
        MEMBER_PORT: String(memberPort),
        FILES_DIR: filesDir,
        FILES_KEY: randomBytes(32).toString('base64'),
      },
    })) as RunningService,
  );
  const gatewayEnv = { ...services, JWT_PUBLIC_KEY: keys.publicKeyPem, LOG_LEVEL: shared.LOG_LEVEL };
  running.push(
    (await startGateway(mobileGateway, {
      env: {
        ...gatewayEnv,
        MOBILE_GATEWAY_PORT: String(mobilePort),
        PUBLIC_URL: `http://127.0.0.1:${mobilePort}`,
      },
    })) as RunningGateway,
    (await startGateway(adminGateway, {
      env: { ...gatewayEnv, ADMIN_GATEWAY_PORT: String(adminPort) },
    })) as RunningGateway,
  );
  mobileUrl = `http://127.0.0.1:${mobilePort}`;
  adminUrl = `http://127.0.0.1:${adminPort}`;
});

after(async () => {
  for (const process of running.reverse()) await process.stop();
  await twilio?.close();
  await schemas.drop();
  await rm(filesDir, { recursive: true, force: true });
});

type Body = object | FormData | undefined;

async function call(base: string, method: string, path: string, body: Body, token?: string) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(body && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body instanceof FormData ? { body } : body ? { body: JSON.stringify(body) } : {}),
  });
  const type = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    headers: response.headers,
    // biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field below
    body: (type.includes('json') ? await response.json() : Buffer.from(await response.arrayBuffer())) as any,
  };
}
const mobile = (method: string, path: string, body?: Body, token?: string) =>
  call(mobileUrl, method, path, body, token);
const admin = (method: string, path: string, body?: Body, token = adminToken) =>
  call(adminUrl, method, path, body, token);

const file = (bytes: Buffer, name: string, type: string) => new File([bytes], name, { type });

async function signUp(phone: string): Promise<string> {
  assert.equal((await mobile('POST', '/user/signrequest', { phone, create: true })).status, 200);
  const text = await eventually(async () => twilio.messages.find((message) => message.to === phone) ?? null, {
    timeoutMs: 15_000,
    message: 'the sign-in SMS',
  });
  const code = /\b(\d{6})\b/.exec(text.body)![1]!;
  const signedIn = await mobile('POST', '/user/signin', { phone, code });
  assert.equal(signedIn.status, 200);
  return signedIn.body.access_token;
}

test('sign up, send the profile with photos, be approved by staff, read the profile with the program', async () => {
  const terms = new FormData();
  terms.append('program_name', 'Базова');
  terms.append('month_price', '200.50');
  terms.append('is_active', 'true');
  terms.append('new_program_file', file(pdf(), 'terms.pdf', 'application/pdf'));
  const created = await admin('PUT', '/program', terms);
  assert.equal(created.status, 200, JSON.stringify(created.body));
  const program = created.body.data;
  assert.equal(program.month_price, 200.5);
  assert.equal(
    (await admin('PUT', '/program', terms, staffToken)).status,
    403,
    'only administrators edit programs',
  );

  const catalogue = await mobile('GET', '/program/list');
  assert.equal(catalogue.status, 200);
  const listed = catalogue.body.find(
    (entry: { program_id: number }) => entry.program_id === program.program_id,
  );
  assert.equal(listed.month_price, 200.5);
  const termsFile = await mobile('GET', `/program/${listed.program_file}`);
  assert.equal(termsFile.status, 200);
  assert.equal(termsFile.headers.get('content-type'), 'application/pdf');

  const token = await signUp('+380671230001');
  const memberId = (await mobile('GET', '/user/session', undefined, token)).body.member_id;
  const early = await mobile('GET', '/user/profile/get', undefined, token);
  assert.equal(early.status, 403);
  assert.deepEqual(early.body, { message: 'Your profile is not approved yet' });

  const form = new FormData();
  for (const [name, value] of Object.entries({
    first_name: 'Олена',
    middle_name: 'Петрівна',
    last_name: 'Коваль',
    email: 'olena@example.org',
    program_id: String(program.program_id),
    iban: 'UA213223130000026007233566001',
  })) {
    form.append(name, value);
  }
  form.append('inn', file(pdf(), 'inn.pdf', 'application/pdf'));
  form.append('id_1', file(jpeg(), 'front.jpg', 'image/jpeg'));
  form.append('id_2', file(png(), 'back.png', 'image/png'));
  const sent = await mobile('POST', '/user/profile/create', form, token);
  assert.equal(sent.status, 200, JSON.stringify(sent.body));
  assert.deepEqual(sent.body, { message: 'Profile successfully created' });

  const attention = await admin('POST', '/members', { filter: { query: '' } });
  assert.equal(attention.status, 200, JSON.stringify(attention.body));
  assert.ok(
    attention.body.data.some((entry: { id: number }) => entry.id === memberId),
    'on the attention list',
  );
  const found = await admin('POST', '/members', {
    filter: { query: 'коваль олена', fields: { name: true } },
  });
  assert.deepEqual(
    found.body.data.map((entry: { id: number }) => entry.id),
    [memberId],
  );

  const card = await admin('POST', '/member', { id: memberId });
  assert.equal(card.status, 200, JSON.stringify(card.body));
  assert.equal(card.body.new_program.program_id, program.program_id);
  assert.equal(card.body.new_identities.length, 3);
  assert.deepEqual(card.body.requests, []);
  const scan = await admin('POST', '/files', {
    user_id: memberId,
    filename: card.body.new_identities[0].file,
  });
  assert.equal(scan.status, 200);
  assert.equal(scan.headers.get('x-content-type-options'), 'nosniff');

  const certificate = await admin('GET', '/member/generate_certificate');
  assert.equal(certificate.status, 200);
  const approved = await admin('PUT', '/member', {
    id: memberId,
    certificate: certificate.body.data,
    is_submited: true,
  });
  assert.equal(approved.status, 200, JSON.stringify(approved.body));

  const profile = await mobile('GET', '/user/profile/get', undefined, token);
  assert.equal(profile.status, 200, JSON.stringify(profile.body));
  assert.equal(profile.body.first_name, 'Олена');
  assert.equal(profile.body.certificate, certificate.body.data);
  assert.deepEqual(
    { ...profile.body.program, program_file_url: undefined },
    { ...listed, program_file_url: undefined },
  );

  // The seed's app sends these forms urlencoded.
  const urlencoded = (fields: Record<string, string>) => ({
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  const wrongDate = await fetch(`${mobileUrl}/user/profile/wrong`, urlencoded({ birth_date: '31.02.1990' }));
  assert.equal(wrongDate.status, 400);
  assert.deepEqual(Object.keys(await wrongDate.json()), ['message']);
  const reported = await fetch(`${mobileUrl}/user/profile/wrong`, urlencoded({ last_name: 'Ковальчук' }));
  assert.equal(reported.status, 200);
  const sameProgram = await fetch(
    `${mobileUrl}/program/change`,
    urlencoded({ program_id: String(program.program_id) }),
  );
  assert.equal(sameProgram.status, 409);
  const corrected = await admin('POST', '/member', { id: memberId });
  assert.equal(corrected.body.corrections[0].last_name, 'Ковальчук');
  assert.equal(
    (await admin('PUT', '/member', { id: memberId, last_name: 'Ковальчук', is_submited: true })).status,
    200,
  );

  const stillWaiting = await admin('POST', '/members', { filter: { query: '' } });
  assert.ok(
    !stillWaiting.body.data.some((entry: { id: number }) => entry.id === memberId),
    'off the attention list',
  );
});

test("a member never reaches another's files, and member tokens do not open the admin gateway", async () => {
  const first = await signUp('+380671230002');
  const second = await signUp('+380671230003');
  const firstId = (await mobile('GET', '/user/session', undefined, first)).body.member_id;
  const photo = new FormData();
  photo.append('photo', file(jpeg(), 'me.jpg', 'image/jpeg'));
  assert.equal((await mobile('POST', '/user/profile/edit', photo, first)).status, 200);
  const card = await admin('POST', '/member', { id: firstId });
  const name = card.body.member.photo;

  const own = await mobile('GET', `/files/${firstId}/${name}`, undefined, first);
  assert.equal(own.status, 200);
  assert.equal(own.headers.get('content-type'), 'image/jpeg');
  assert.equal((await mobile('GET', `/files/${firstId}/${name}`, undefined, second)).status, 404);
  assert.equal(
    (await mobile('GET', `/files/${firstId}/..%2F..%2Fetc%2Fpasswd`, undefined, first)).status,
    404,
  );

  for (const [method, path, body] of [
    ['POST', '/members', { filter: { query: '' } }],
    ['POST', '/member', { id: firstId }],
    ['PUT', '/member', { id: firstId, is_submited: true }],
    ['GET', '/member/generate_certificate', undefined],
  ] as const) {
    assert.equal((await admin(method, path, body, first)).status, 401, `${method} ${path}`);
  }
});
