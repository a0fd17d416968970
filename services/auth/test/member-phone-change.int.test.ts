import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PHONE_CHANGE_PROOF } from '@kasa/contracts';
import { createVerifier } from 'fast-jwt';
import { type AuthUnderTest, startAuth } from './support/auth-under-test.ts';

let auth: AuthUnderTest;
before(async () => {
  auth = await startAuth();
});
after(() => auth.close());

let phoneCounter = 0;
/** A fresh Ukrainian number per use, so limits of one test never touch another. */
const newPhone = () =>
  `+38050${String(process.pid % 1000).padStart(3, '0')}${String(++phoneCounter).padStart(4, '0')}`;

const post = (url: string, body: object, token?: string) =>
  auth.service.app.inject({
    method: 'POST',
    url,
    payload: body,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
const sql = async <T>(query: string, values: unknown[] = []) =>
  (await auth.service.context.database.pool.query(query, values))[0] as T[];

/** A member signed up by SMS: their phone and access token. */
async function member(): Promise<{ phone: string; token: string }> {
  const phone = newPhone();
  await post('/members/sign-requests', { phone, create: true, address: '10.1.0.1' });
  const signedIn = await post('/members/sign-in', { phone, code: await auth.codeSentTo(phone) });
  assert.equal(signedIn.statusCode, 200);
  return { phone, token: signedIn.json().access_token };
}

const askCode = (token: string, phone: string, address = '10.1.0.2') =>
  post('/members/me/phone-codes', { phone, address }, token);
const prove = (token: string, phone: string, code: string) =>
  post('/members/me/phone-proofs', { phone, code }, token);
const otherThan = (code: string) => (code === '000000' ? '111111' : '000000');

const readProof = () =>
  createVerifier({
    key: auth.publicKeyPem,
    algorithms: ['EdDSA'],
    allowedAud: PHONE_CHANGE_PROOF.audience,
    allowedIss: 'kasa-auth',
  });

test('a member gets a code on the new phone and trades it for a proof from their phone to it', async () => {
  const { phone: from, token } = await member();
  const to = newPhone();
  const asked = await askCode(token, to);
  assert.equal(asked.statusCode, 200, asked.body);
  assert.deepEqual(asked.json(), { message: `We sent a code to ${to}`, phone: to });
  const code = await auth.codeSentTo(to);
  const [row] = await sql<{ purpose: string; member_id: number }>(
    'SELECT purpose, member_id FROM sign_requests WHERE phone = ?',
    [to],
  );
  assert.equal(row!.purpose, 'phone_change');

  const proven = await prove(token, to, code);
  assert.equal(proven.statusCode, 200, proven.body);
  assert.equal(proven.json().expires_in, 600);
  const claims = readProof()(proven.json().phone_proof);
  assert.equal(claims.sub, String(row!.member_id));
  assert.deepEqual(
    { purpose: claims.purpose, phone: claims.phone, from: claims.from },
    { purpose: 'phone_change', phone: to, from },
  );
  assert.equal(claims.exp - claims.iat, 600);
  assert.equal((await prove(token, to, code)).statusCode, 422, 'a code works once');
});

test('a proof is no access token, and an access token no proof', async () => {
  const { token } = await member();
  const to = newPhone();
  await askCode(token, to);
  const proof = (await prove(token, to, await auth.codeSentTo(to))).json().phone_proof;
  assert.equal((await askCode(proof, newPhone())).statusCode, 401);
  assert.throws(() => readProof()(token));
});

test('a wrong code is counted, five of them spend the code', async () => {
  const { token } = await member();
  const to = newPhone();
  await askCode(token, to);
  const code = await auth.codeSentTo(to);
  for (let i = 0; i < 5; i += 1) {
    const wrong = await prove(token, to, otherThan(code));
    assert.equal(wrong.statusCode, 422);
    assert.equal(wrong.json().message, 'The code is wrong or has expired: ask for a new one');
  }
  assert.equal((await prove(token, to, code)).statusCode, 422, 'the right code after five wrong ones');
});

test('a code opens only what it was sent for, and only for the member who asked', async () => {
  const asker = await member();
  const other = await member();
  const to = newPhone();
  await askCode(asker.token, to);
  const code = await auth.codeSentTo(to);
  assert.equal((await prove(other.token, to, code)).statusCode, 422, "another member's code");
  const signIn = await post('/members/sign-in', { phone: to, code });
  assert.equal(signIn.statusCode, 401, 'a code for a new phone signs nobody in');
  assert.equal((await prove(asker.token, to, code)).statusCode, 200, 'and neither spent it');

  const newcomer = newPhone();
  await post('/members/sign-requests', { phone: newcomer, create: true, address: '10.1.0.3' });
  const signInCode = await auth.codeSentTo(newcomer);
  assert.equal(
    (await prove(asker.token, newcomer, signInCode)).statusCode,
    422,
    'a sign-in code proves nothing',
  );
});

test("no code goes to another member's phone, the member's own, or a number that is not mobile", async () => {
  const { phone, token } = await member();
  const holder = await member();
  const taken = await askCode(token, holder.phone);
  assert.equal(taken.statusCode, 422);
  assert.equal(taken.json().message, 'Can not assign this phone number');
  assert.equal((await askCode(token, phone)).statusCode, 422);
  const landline = await askCode(token, '+380000000000');
  assert.equal(landline.statusCode, 400);
  assert.match(landline.json().message, /Ukrainian mobile/);
  await assert.rejects(auth.codeSentTo(holder.phone, 300));
});

test('codes for a new phone count in the same limits as sign-in codes', async () => {
  const { token } = await member();
  const to = newPhone();
  await post('/members/sign-requests', { phone: to, create: true, address: '10.1.0.4' });
  await auth.codeSentTo(to);
  const soon = await askCode(token, to, '10.1.0.5');
  assert.equal(soon.statusCode, 429, 'the phone’s cooldown holds whatever the code is for');
  assert.ok(Number(soon.headers['retry-after']) > 0);

  const address = '10.1.9.9';
  await sql(
    `INSERT INTO sign_requests (phone, address, code_salt, code_hash, create_account, created_at, expires_at, replaced_at)
     SELECT CONCAT('+38063', LPAD(seq, 7, '0')), ?, RANDOM_BYTES(16), RANDOM_BYTES(32), 1, NOW(3) - INTERVAL 5 MINUTE, NOW(3), NOW(3)
     FROM seq_1_to_20`,
    [address],
  );
  const busy = await askCode(token, newPhone(), address);
  assert.equal(busy.statusCode, 429);
  assert.match(busy.json().message, /address/);
});

test('the phone the member has is proven without a code: a form sent again after its change is no error', async () => {
  const { phone, token } = await member();
  const proven = await prove(token, phone, '000000');
  assert.equal(proven.statusCode, 200);
  const claims = readProof()(proven.json().phone_proof);
  assert.deepEqual({ phone: claims.phone, from: claims.from }, { phone, from: phone });
});
