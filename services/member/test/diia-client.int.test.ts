import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadConfig } from '@kasa/config';
import { type FakeDiia, freePort, startFakeDiia } from '@kasa/testing';
import { createDiiaClient, DiiaClient, type DiiaClientOptions } from '../src/diia/diia-client.ts';
import { DiiaRejectedError, DiiaUnavailableError } from '../src/diia/diia-errors.ts';
import { DiiaSettings } from '../src/diia/diia-settings.ts';

const RETURN_LINK = 'https://kasa.example.org/diia/';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let diia: FakeDiia;
before(async () => {
  diia = await startFakeDiia();
});
after(() => diia.close());

const client = (overrides: Partial<DiiaClientOptions> = {}) =>
  new DiiaClient({
    apiUrl: diia.url,
    acquirerToken: diia.acquirerToken,
    authAcquirerToken: diia.authAcquirerToken,
    branchId: diia.branchId,
    offerId: diia.offerId,
    returnLink: RETURN_LINK,
    timeoutMs: 2_000,
    ...overrides,
  });

const requestsSince = (start: number) =>
  diia.requests.slice(start).map(({ method, path, status, auth }) => ({
    method,
    path: path.replace(diia.acquirerToken, '<acquirer token>').replace(diia.branchId, '<branch>'),
    status,
    auth,
  }));

test('asks for the ID card and the tax number with a fresh request id and the return link, and hands back the deeplink', async () => {
  const sharing = await client().requestDocuments();
  const asked = diia.offerRequests.find((request) => request.requestId === sharing.requestId);
  assert.match(sharing.requestId, UUID);
  assert.deepEqual(asked, {
    branchId: diia.branchId,
    offerId: diia.offerId,
    requestId: sharing.requestId,
    returnLink: RETURN_LINK,
    deeplink: sharing.deeplink,
  });
  assert.match(sharing.deeplink, /^https:\/\/diia\.app\/acquirers\/offer-request\/dynamic\//);
});

test('fetches the session token once, with Basic auth, and reuses it for the requests that follow', async () => {
  const start = diia.requests.length;
  const diiaClient = client();
  const first = await diiaClient.requestDocuments();
  const second = await diiaClient.requestDocuments();
  assert.notEqual(first.requestId, second.requestId);
  assert.deepEqual(requestsSince(start), [
    { method: 'GET', path: '/api/v1/auth/acquirer/<acquirer token>', status: 200, auth: 'basic' },
    {
      method: 'POST',
      path: '/api/v2/acquirers/branch/<branch>/offer-request/dynamic',
      status: 200,
      auth: 'bearer',
    },
    {
      method: 'POST',
      path: '/api/v2/acquirers/branch/<branch>/offer-request/dynamic',
      status: 200,
      auth: 'bearer',
    },
  ]);
});

test('concurrent first requests share one session token request', async () => {
  const tokens = diia.sessionTokens.length;
  const diiaClient = client();
  await Promise.all([
    diiaClient.requestDocuments(),
    diiaClient.requestDocuments(),
    diiaClient.requestDocuments(),
  ]);
  assert.equal(diia.sessionTokens.length, tokens + 1);
});

test('renews the session token a few minutes before its two hours are up', async () => {
  let now = Date.now();
  const diiaClient = client({ now: () => now });
  await diiaClient.requestDocuments();
  const tokens = diia.sessionTokens.length;
  now += 110 * 60_000;
  await diiaClient.requestDocuments();
  assert.equal(diia.sessionTokens.length, tokens, 'still valid for ten more minutes');
  now += 6 * 60_000;
  await diiaClient.requestDocuments();
  assert.equal(diia.sessionTokens.length, tokens + 1);
});

test('a session token Diia dropped early (401) is fetched again and the call repeated once', async () => {
  const diiaClient = client();
  await diiaClient.requestDocuments();
  const tokens = diia.sessionTokens.length;
  diia.revokeSessionTokens();
  const sharing = await diiaClient.requestDocuments();
  assert.equal(diia.sessionTokens.length, tokens + 1);
  assert.ok(diia.offerRequests.some((request) => request.requestId === sharing.requestId));
});

test('a second 401 in a row, with a fresh token, is a refusal rather than a loop', async () => {
  const stingy = await startFakeDiia({ sessionTokenSeconds: -60 });
  try {
    const diiaClient = client({
      apiUrl: stingy.url,
      acquirerToken: stingy.acquirerToken,
      authAcquirerToken: stingy.authAcquirerToken,
      branchId: stingy.branchId,
      offerId: stingy.offerId,
    });
    await assert.rejects(diiaClient.requestDocuments(), (error: unknown) => {
      assert.ok(error instanceof DiiaRejectedError);
      assert.equal(error.diiaStatus, 401);
      return true;
    });
    assert.deepEqual(
      stingy.requests.map((request) => `${request.method} ${request.status}`),
      ['GET 200', 'POST 401', 'GET 200', 'POST 401'],
    );
  } finally {
    await stingy.close();
  }
});

test('without a configured offer, creates one for both documents, once, and uses it', async () => {
  const offers = diia.offers.length;
  const diiaClient = client({ offerId: undefined });
  const [first, second] = await Promise.all([diiaClient.requestDocuments(), diiaClient.requestDocuments()]);
  assert.equal(diia.offers.length, offers + 1);
  const created = diia.offers.at(-1)!;
  assert.deepEqual(
    { returnLink: created.returnLink, sharing: created.sharing },
    { returnLink: RETURN_LINK, sharing: ['internal-passport', 'taxpayer-card'] },
  );
  const used = diia.offerRequests.filter((request) =>
    [first.requestId, second.requestId].includes(request.requestId),
  );
  assert.deepEqual(
    used.map((request) => request.offerId),
    [created.id, created.id],
  );
});

test('a Diia 500 is DiiaUnavailableError (503) and names no secret', async () => {
  diia.failNext(1, 500);
  await assert.rejects(client().requestDocuments(), (error: unknown) => {
    assert.ok(error instanceof DiiaUnavailableError);
    assert.equal(error.statusCode, 503);
    assert.equal(error.diiaStatus, 500);
    assert.equal(error.message, 'Diia answered the session token request with 500');
    return true;
  });
});

test('rate limiting (429) means try later, not a refusal', async () => {
  const diiaClient = client();
  await diiaClient.requestDocuments();
  diia.failNext(1, 429);
  await assert.rejects(diiaClient.requestDocuments(), DiiaUnavailableError);
});

test('an unreachable Diia is DiiaUnavailableError', async () => {
  const closedPort = await freePort();
  await assert.rejects(
    client({ apiUrl: `http://127.0.0.1:${closedPort}` }).requestDocuments(),
    (error: unknown) => {
      assert.ok(error instanceof DiiaUnavailableError);
      assert.equal(error.diiaStatus, null);
      assert.match(error.message, /^Diia did not answer the session token request: ECONNREFUSED$/);
      return true;
    },
  );
});

test('an answer slower than the timeout is DiiaUnavailableError', async () => {
  diia.delayNext(1, 1_000);
  await assert.rejects(client({ timeoutMs: 200 }).requestDocuments(), (error: unknown) => {
    assert.ok(error instanceof DiiaUnavailableError);
    assert.match(error.message, /no answer within 200 ms/);
    return true;
  });
});

test('a refusal (4xx) is DiiaRejectedError with Diia’s message', async () => {
  const unknownBranch = client({ branchId: 'f'.repeat(128) });
  await assert.rejects(unknownBranch.requestDocuments(), (error: unknown) => {
    assert.ok(error instanceof DiiaRejectedError);
    assert.equal(error.diiaStatus, 404);
    assert.equal(error.diiaMessage, 'Branch not found');
    assert.equal(error.message, 'Diia refused the offer request (404): Branch not found');
    return true;
  });
});

test('a wrong acquirer token is refused at the session token request, and the token is not repeated', async () => {
  await assert.rejects(client({ acquirerToken: 'wrong_token_123' }).requestDocuments(), (error: unknown) => {
    assert.ok(error instanceof DiiaRejectedError);
    assert.equal(error.diiaStatus, 401);
    assert.doesNotMatch(error.message, /wrong_token_123/);
    return true;
  });
});

test('credentials Diia quotes back are redacted from its message', async () => {
  diia.failNext(1, 403, `acquirer ${diia.acquirerToken} is blocked`);
  await assert.rejects(client().requestDocuments(), (error: unknown) => {
    assert.ok(error instanceof DiiaRejectedError);
    assert.equal(error.diiaMessage, 'acquirer [redacted] is blocked');
    assert.ok(!error.message.includes(diia.acquirerToken));
    return true;
  });
});

test('the seed’s login:password form of the Basic credential works too', async () => {
  const [login, password] = Buffer.from(diia.authAcquirerToken, 'base64').toString('utf8').split(':');
  const sharing = await client({ authAcquirerToken: `${login}:${password}` }).requestDocuments();
  assert.match(sharing.requestId, UUID);
});

test('createDiiaClient: null without an acquirer token; from the settings, a client that works', async () => {
  assert.equal(createDiiaClient(loadConfig(DiiaSettings, {}), 'http://127.0.0.1:8080'), null);
  const settings = loadConfig(DiiaSettings, {
    DIIA_API_URL: diia.url,
    DIIA_ACQUIRER_TOKEN: diia.acquirerToken,
    DIIA_AUTH_ACQUIRER_TOKEN: diia.authAcquirerToken,
    DIIA_BRANCH_ID: diia.branchId,
    DIIA_OFFER_ID: diia.offerId,
  });
  const sharing = await createDiiaClient(settings, 'https://kasa.example.org/')!.requestDocuments();
  const asked = diia.offerRequests.find((request) => request.requestId === sharing.requestId);
  assert.equal(asked?.returnLink, 'https://kasa.example.org/diia/');
});
