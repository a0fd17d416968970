import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Answer } from './support/clients.ts';
import { wholeKasa } from './support/whole-kasa.ts';

/**
 * A member's token lives 30 days, as the seed's, so ending a session cannot wait for it to
 * expire: blocking, a new phone and signing out end it on every route within a second.
 */
const { mobile, admin, signUp, approvedMember } = wholeKasa();

/** Milliseconds from now until `call` answers 401 (at most five seconds). */
async function msUntilRefused(call: () => Promise<Answer>): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < 5_000) {
    const answer = await call();
    if (answer.status === 401) return Date.now() - start;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  assert.fail('still open after five seconds');
}

test("a blocked member's token opens neither requests nor checkouts within a second of staff blocking them", async () => {
  const { token, memberId } = await approvedMember('+380501710001', '100');
  const requests = () => mobile('POST', '/user/request/list', {}, token);
  const checkout = () => mobile('POST', '/user/payments/liqpay', { amount: 100 }, token);
  assert.equal((await requests()).status, 200);
  assert.equal((await checkout()).status, 200, 'a checkout opens before the block');

  const blocked = await admin('PUT', '/member', { id: memberId, is_active: false });
  assert.equal(blocked.status, 200, JSON.stringify(blocked.body));
  const elapsed = await msUntilRefused(requests);
  assert.ok(elapsed < 1_000, `refused after ${elapsed} ms`);
  const refused = await checkout();
  assert.equal(refused.status, 401);
  assert.deepEqual(Object.keys(refused.body), ['message'], "the seed's token error is { message }");
});

test('signing out ends that session on every route within a second', async () => {
  const phone = '+380501710002';
  const token = await signUp(phone);
  assert.equal((await mobile('POST', '/user/request/list', {}, token)).status, 200);

  const signedOut = await mobile('DELETE', '/user/session', undefined, token);
  assert.equal(signedOut.status, 200, JSON.stringify(signedOut.body));
  const elapsed = await msUntilRefused(() => mobile('POST', '/user/request/list', {}, token));
  assert.ok(elapsed < 1_000, `refused after ${elapsed} ms`);
  assert.equal((await mobile('GET', '/user/session', undefined, token)).status, 401);
  assert.equal((await mobile('DELETE', '/user/session', undefined, token)).status, 401);
});
