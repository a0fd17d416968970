import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { type RunningGateway, type RunningService, startGateway, startService } from '@kasa/runtime';
import {
  claimsFor,
  freePort,
  signToken,
  testAmqpUrl,
  testMysqlUrl,
  testNamespace,
  testSchemaPrefix,
} from '@kasa/testing';
import { createFirstAdmin } from '../../auth/src/application/create-first-admin.ts';
import type { AuthDeps } from '../../auth/src/deps.ts';
import { authService } from '../../auth/src/service.ts';
import { adminGateway } from '../src/gateway.ts';

const schemas = testSchemaPrefix();
const keys = generateKeyPairSync('ed25519');
let auth: RunningService<unknown, AuthDeps>;
let gateway: RunningGateway;
let rootPassword: string;
/** The first administrator's session, once the one-time password is changed. */
let root: { access_token: string; refresh_token: string; id: number };

const DATE = /^\d{2}\.\d{2}\.\d{4}$/;
/** RFC 1123, as Flask's jsonify wrote the seed's datetimes. */
const HTTP_DATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

before(async () => {
  const authPort = await freePort();
  auth = await startService(authService, {
    env: {
      MYSQL_URL: testMysqlUrl(),
      AMQP_URL: testAmqpUrl(),
      MYSQL_SCHEMA_PREFIX: schemas.prefix,
      AMQP_NAMESPACE: testNamespace(),
      AUTH_PORT: String(authPort),
      JWT_PRIVATE_KEY: keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      LOG_LEVEL: 'silent',
    },
  });
  gateway = await startGateway(adminGateway, {
    listen: false,
    env: {
      AUTH_URL: `http://127.0.0.1:${authPort}`,
      ADMIN_GATEWAY_PORT: String(await freePort()),
      JWT_PUBLIC_KEY: keys.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      LOG_LEVEL: 'silent',
    },
  });
  const outcome = await createFirstAdmin(auth.context.messaging.unitOfWork, {
    login: 'root',
    name: 'Head of the fund',
    email: 'head@example.org',
  });
  assert.equal(outcome.kind, 'created');
  if (outcome.kind === 'created') rootPassword = outcome.created.password;
});

after(async () => {
  await gateway?.stop();
  await auth?.stop();
  await schemas.drop();
});

function send(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, token?: string, payload?: object) {
  return gateway.app.inject({
    method,
    url,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(payload === undefined ? {} : { payload }),
  });
}

describe('sign-in', () => {
  test('POST /signin answers the seed’s shape, with a refresh token beside the access token', async () => {
    const response = await send('POST', '/signin', undefined, { login: 'root', password: rootPassword });
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json();
    assert.equal(typeof body.access_token, 'string');
    assert.equal(typeof body.refresh_token, 'string');
    const { name, login, email, is_active, updated_at } = body.user;
    assert.deepEqual(
      { name, login, email, is_active },
      {
        name: 'Head of the fund',
        login: 'root',
        email: 'head@example.org',
        is_active: 1,
      },
    );
    assert.match(updated_at, DATE);
    assert.equal(body.user.must_change_password, true);
    assert.equal(body.user.role, 'admin');
  });

  test("a wrong password is the seed's 404 {}", async () => {
    const response = await send('POST', '/signin', undefined, { login: 'root', password: 'wrong password' });
    assert.equal(response.statusCode, 404);
    assert.deepEqual(response.json(), {});
  });

  test('with the one-time password only /user/change_password is open; it answers the seed’s shape', async () => {
    const first = (
      await send('POST', '/signin', undefined, { login: 'root', password: rootPassword })
    ).json();
    const refused = await send('GET', '/user', first.access_token);
    assert.equal(refused.statusCode, 403);
    assert.deepEqual(refused.json(), { status: 'error', message: 'Password must be changed' });

    const changed = await send('POST', '/user/change_password', first.access_token, {
      old_password: rootPassword,
      new_password: 'a long and private phrase',
    });
    assert.equal(changed.statusCode, 200, changed.body);
    const body = changed.json();
    assert.equal(body.status, 'success');
    assert.equal(body.message, 'Пароль змінено');
    assert.equal(typeof body.access_token, 'string');
    root = { access_token: body.access_token, refresh_token: body.refresh_token, id: first.user.id };
    assert.equal((await send('GET', '/user', root.access_token)).statusCode, 200);
  });

  test('POST /token/refresh trades a refresh token for a new pair, once', async () => {
    const refresh = (token: string) => send('POST', '/token/refresh', undefined, { refresh_token: token });
    const first = await refresh(root.refresh_token);
    assert.equal(first.statusCode, 200, first.body);
    assert.deepEqual(Object.keys(first.json()).sort(), ['access_token', 'expires_in', 'refresh_token']);
    const reused = await refresh(root.refresh_token);
    assert.equal(reused.statusCode, 401);
    assert.equal(reused.json().status, 'error');
    // A reuse ends the whole family, the pair just issued included.
    assert.equal((await refresh(first.json().refresh_token)).statusCode, 401);
    const again = await send('POST', '/signin', undefined, {
      login: 'root',
      password: 'a long and private phrase',
    });
    assert.equal(again.statusCode, 200);
    root = { ...root, ...again.json() };
  });
});

describe('staff users', () => {
  let created: Record<string, unknown> & { id: number; login: string; password: string };

  test('PUT /user creates a user: {status, message, data} with the generated password once', async () => {
    const response = await send('PUT', '/user', root.access_token, {
      email: 'olena@example.org',
      is_active: true,
      login: 'olena',
      name: 'Olena Petrenko',
      phone: '+380671234567',
    });
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json();
    assert.equal(body.status, 'success');
    assert.equal(body.message, 'user created successfully');
    assert.match(body.data.password, /^[A-Za-z2-9]{16}$/);
    assert.equal(body.data.login, 'olena');
    assert.equal(body.data.role, 'staff');
    assert.match(body.data.created_at, HTTP_DATE);
    assert.equal(body.data.is_active, 1, "the seed's INT column");
    created = body.data;
  });

  test('PUT /user with a login taken is 422 "user already exist"', async () => {
    const response = await send('PUT', '/user', root.access_token, {
      email: 'other@example.org',
      is_active: true,
      login: 'olena',
      name: 'Another Olena',
    });
    assert.equal(response.statusCode, 422);
    assert.deepEqual(response.json(), { status: 'error', message: 'user already exist' });
  });

  test('PUT /user validates the body', async () => {
    const response = await send('PUT', '/user', root.access_token, {
      email: 'nope',
      is_active: true,
      login: 'valid.login',
      name: 'Name',
    });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(response.json(), {
      status: 'error',
      message: "Field 'email' must be a valid email address",
    });
  });

  test('GET /user lists every user in {data}; GET /user/:user_id one in {data: [user]}', async () => {
    const list = await send('GET', '/user', root.access_token);
    assert.equal(list.statusCode, 200);
    const logins = list.json().data.map((user: { login: string }) => user.login);
    assert.deepEqual(logins, ['root', 'olena']);
    assert.doesNotMatch(list.body, /argon2|password_hash|"password"/);
    const one = await send('GET', `/user/${created.id}`, root.access_token);
    assert.equal(one.statusCode, 200);
    assert.equal(one.json().data.length, 1);
    assert.equal(one.json().data[0].login, 'olena');
    const missing = await send('GET', '/user/999999', root.access_token);
    assert.equal(missing.statusCode, 200, 'the seed answered an unknown id with an empty list');
    assert.deepEqual(missing.json(), { data: [] });
  });

  test('POST /user edits by id and answers {status, message, data}', async () => {
    const response = await send('POST', '/user', root.access_token, {
      id: created.id,
      name: 'Olena Kovalenko',
    });
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json();
    assert.equal(body.status, 'success');
    assert.equal(body.message, 'user updated successfully');
    assert.equal(body.data.name, 'Olena Kovalenko');
    assert.equal(body.data.email, 'olena@example.org');
  });

  test('POST /user with an unknown id is 422 "user does not exist", as in the seed', async () => {
    const response = await send('POST', '/user', root.access_token, { id: 999999, name: 'X' });
    assert.equal(response.statusCode, 422);
    assert.deepEqual(response.json(), { status: 'error', message: 'user does not exist' });
  });

  test('a staff user, signed in with their own token, is refused the admin routes with 403', async () => {
    const first = (
      await send('POST', '/signin', undefined, { login: 'olena', password: created.password })
    ).json();
    const changed = await send('POST', '/user/change_password', first.access_token, {
      old_password: created.password,
      new_password: 'her own good phrase',
    });
    assert.equal(changed.statusCode, 200);
    const response = await send('GET', '/user', changed.json().access_token);
    assert.equal(response.statusCode, 403);
    assert.deepEqual(response.json(), {
      status: 'error',
      message: 'Ця операція дозволена тільки головному адміністратору',
    });
  });

  test('the seed’s x-access-token header works as well as Authorization', async () => {
    const response = await gateway.app.inject({
      method: 'GET',
      url: '/user',
      headers: { 'x-access-token': root.access_token },
    });
    assert.equal(response.statusCode, 200);
  });

  test('a member token or none is refused with 401', async () => {
    const member = signToken(keys.privateKey, claimsFor({ sub: '1', role: 'member', aud: 'member' }));
    assert.equal((await send('GET', '/user', member)).statusCode, 401);
    const none = await send('GET', '/user');
    assert.equal(none.statusCode, 401);
    assert.equal(none.json().status, 'error');
  });

  test('POST /user/change_password with another user’s id resets it: {status, message, password}', async () => {
    const response = await send('POST', '/user/change_password', root.access_token, {
      id: created.id,
      old_password: '',
      new_password: 'ignored for a reset',
    });
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json();
    assert.equal(body.status, 'success');
    assert.match(body.password, /^[A-Za-z2-9]{16}$/);
    const signIn = await send('POST', '/signin', undefined, { login: 'olena', password: body.password });
    assert.equal(signIn.json().user.must_change_password, true);
  });

  test('nobody blocks or deletes themselves: 409 in the error envelope', async () => {
    const block = await send('POST', '/user', root.access_token, { id: root.id, is_active: false });
    assert.equal(block.statusCode, 409);
    assert.deepEqual(block.json(), { status: 'error', message: 'You cannot block your own account' });
    const remove = await send('DELETE', `/user/${root.id}`, root.access_token);
    assert.equal(remove.statusCode, 409);
    assert.deepEqual(remove.json(), { status: 'error', message: 'You cannot delete your own account' });
  });

  test('DELETE /user/:id answers {status, message}', async () => {
    const response = await send('DELETE', `/user/${created.id}`, root.access_token);
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { status: 'success', message: 'User deleted successfully' });
    assert.equal((await send('DELETE', `/user/${created.id}`, root.access_token)).statusCode, 404);
  });
});

test('the API description lists the staff routes', async () => {
  const docs = (await gateway.app.inject({ url: '/docs/json' })).json();
  for (const path of [
    '/signin',
    '/token/refresh',
    '/user',
    '/user/{user_id}',
    '/user/{id}',
    '/user/change_password',
  ]) {
    assert.ok(docs.paths[path], path);
  }
  assert.ok(docs.paths['/user'].put.requestBody);
});
