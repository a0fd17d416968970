import { generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';
import { type RunningService, startService } from '@kasa/runtime';
import {
  claimsFor,
  freePort,
  signToken,
  testAmqpUrl,
  testMysqlUrl,
  testNamespace,
  testSchemaPrefix,
} from '@kasa/testing';
import { createVerifier } from 'fast-jwt';
import { hashPassword } from '../src/application/passwords.ts';
import { insertStaffUser } from '../src/db/staff-users.repository.ts';
import type { AuthDeps } from '../src/deps.ts';
import { authService } from '../src/service.ts';

/** The real auth service on a schema and broker namespace of its own, with a fresh key pair. */
export interface AuthUnderTest {
  service: RunningService<unknown, AuthDeps>;
  port: number;
  privateKey: KeyObject;
  publicKeyPem: string;
  schema: string;
  stop(): Promise<void>;
}

export async function startAuth({
  listen = false,
  schemas = testSchemaPrefix(),
}: {
  listen?: boolean;
  schemas?: ReturnType<typeof testSchemaPrefix>;
} = {}): Promise<AuthUnderTest> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const port = await freePort();
  const service = await startService(authService, {
    listen,
    env: {
      MYSQL_URL: testMysqlUrl(),
      AMQP_URL: testAmqpUrl(),
      MYSQL_SCHEMA_PREFIX: schemas.prefix,
      AMQP_NAMESPACE: testNamespace(),
      AUTH_PORT: String(port),
      JWT_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      LOG_LEVEL: 'silent',
    },
  });
  const schema = `${schemas.prefix}auth`;
  return {
    service,
    port,
    privateKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    schema,
    async stop() {
      await service.stop();
      await schemas.drop();
    },
  };
}

export interface TestStaffUser {
  id: number;
  login: string;
  password: string;
}

let counter = 0;

/** A staff user straight into the table, with a password already chosen. */
export async function addStaffUser(
  auth: AuthUnderTest,
  options: { role?: 'admin' | 'staff'; isActive?: boolean; mustChangePassword?: boolean } = {},
): Promise<TestStaffUser> {
  counter += 1;
  const login = `user${counter}.${randomBytes(3).toString('hex')}`;
  const password = `pass-${randomBytes(8).toString('hex')}`;
  const id = await insertStaffUser(
    auth.service.context.database.db,
    {
      login,
      name: `Test User ${counter}`,
      email: `${login}@example.org`,
      phone: null,
      role: options.role ?? 'staff',
      isActive: options.isActive ?? true,
      passwordHash: await hashPassword(password),
      mustChangePassword: options.mustChangePassword ?? false,
    },
    new Date(),
  );
  return { id, login, password };
}

export function post(auth: AuthUnderTest, url: string, payload: unknown, token?: string) {
  return auth.service.app.inject({
    method: 'POST',
    url,
    payload: payload as Record<string, unknown>,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

export function call(
  auth: AuthUnderTest,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  token: string,
  payload?: unknown,
) {
  return auth.service.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}` },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

export interface SignedIn {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  user: Record<string, unknown>;
}

export async function signIn(auth: AuthUnderTest, login: string, password: string): Promise<SignedIn> {
  const response = await post(auth, '/staff/sign-in', { login, password });
  if (response.statusCode !== 200) {
    throw new Error(`sign-in of ${login} answered ${response.statusCode}: ${response.body}`);
  }
  return response.json();
}

export function refresh(auth: AuthUnderTest, refreshToken: string) {
  return post(auth, '/tokens/refresh', { refresh_token: refreshToken, audience: 'staff' });
}

/** Verifies as a gateway would: the public key only, EdDSA, our issuer, the staff audience. */
export function verifyStaffToken(auth: AuthUnderTest, token: string): Record<string, unknown> {
  return createVerifier({
    key: auth.publicKeyPem,
    algorithms: ['EdDSA'],
    allowedIss: 'kasa-auth',
    allowedAud: 'staff',
  })(token);
}

/** A valid member token from the same key: it must open no staff route. */
export function memberToken(auth: AuthUnderTest): string {
  return signToken(auth.privateKey, claimsFor({ sub: '1', role: 'member', aud: 'member', user_id: 1 }));
}

export interface OutboxEvent {
  type: string;
  aggregateId: string;
  actor: { kind: string; id?: string };
  data: Record<string, unknown>;
}

/** What the service has written to its outbox, oldest first, of the given type. */
export async function outboxEvents(auth: AuthUnderTest, type: string): Promise<OutboxEvent[]> {
  const [rows] = await auth.service.context.database.pool.query(
    'SELECT payload FROM outbox WHERE type = ? ORDER BY id',
    [type],
  );
  return (rows as { payload: string }[]).map((row) => JSON.parse(row.payload) as OutboxEvent);
}

export async function staffRow(auth: AuthUnderTest, id: number) {
  const [rows] = await auth.service.context.database.pool.query(
    'SELECT failed_attempts, locked_until, password_hash, must_change_password, is_active, role FROM staff_users WHERE id = ?',
    [id],
  );
  return (rows as Record<string, unknown>[])[0];
}
