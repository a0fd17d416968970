import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough, Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Type } from 'typebox';
import { AppError, createServiceClient, payloadTooLarge, type ServiceClient } from '../src/index.ts';

const Received = Type.Object({
  bytes: Type.Integer(),
  sha256: Type.String(),
  contentType: Type.String(),
  contentLength: Type.Union([Type.String(), Type.Null()]),
  chunked: Type.Boolean(),
});

const BOUNDARY = 'kasa-boundary-7MA4YWxkTrZu0gW';
const MULTIPART = `multipart/form-data; boundary=${BOUNDARY}`;
const DOCUMENT = randomBytes(300_000);

/** What the fake service saw of each upload, for the tests that cut one off. */
const uploads: Array<{ received: number; ended: Promise<'complete' | 'aborted'> }> = [];
let service: ReturnType<typeof createServer>;
let baseUrl: string;
let client: ServiceClient;

before(async () => {
  service = createServer((request, response) => {
    const route = routes[request.url?.split('?')[0] ?? ''];
    if (route) route(request, response);
    else sendJson(response, 404, { status: 'error', message: 'No such route' });
  });
  baseUrl = await listen(service);
  client = createServiceClient({ name: 'member', baseUrl });
});

after(async () => {
  await client.close();
  service.closeAllConnections();
  await new Promise((resolve) => service.close(resolve));
});

const routes: Record<string, (request: IncomingMessage, response: ServerResponse) => void> = {
  '/profiles': async (request, response) => {
    const hash = createHash('sha256');
    let bytes = 0;
    for await (const chunk of request) {
      hash.update(chunk);
      bytes += chunk.length;
    }
    sendJson(response, 201, {
      bytes,
      sha256: hash.digest('hex'),
      contentType: request.headers['content-type'],
      contentLength: request.headers['content-length'] ?? null,
      chunked: request.headers['transfer-encoding'] === 'chunked',
    });
  },
  // Refuses without reading the body, as a service checking the content type first does.
  '/refusing': (_request, response) => {
    response.setHeader('x-error-code', 'not_a_form');
    sendJson(response, 415, { status: 'error', message: 'Send the profile as a multipart form' });
  },
  '/watched': (request, response) => {
    const upload = { received: 0, ended: Promise.resolve<'complete' | 'aborted'>('complete') };
    upload.ended = new Promise((resolve) => {
      request.on('data', (chunk: Buffer) => {
        upload.received += chunk.length;
      });
      request.on('error', () => {});
      request.on('close', () => resolve(request.complete ? 'complete' : 'aborted'));
    });
    uploads.push(upload);
    upload.ended.then(() => sendJson(response, 201, { bytes: upload.received }));
  },
  '/unhurried': async (request, response) => {
    await text(request);
    await sleep(200);
    sendJson(response, 201, { bytes: 0 });
  },
  '/documents/passport.pdf': (_request, response) => {
    response.writeHead(200, {
      'content-type': 'application/pdf',
      'content-length': String(DOCUMENT.length),
      'content-disposition': 'attachment; filename="passport.pdf"',
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
      etag: '"v1"',
      'last-modified': 'Mon, 06 Jan 2025 10:00:00 GMT',
      'set-cookie': 'session=internal',
      'x-internal-storage-path': '/var/kasa/files/3f2a',
    });
    response.end(DOCUMENT);
  },
  '/documents/missing.pdf': (_request, response) => {
    response.setHeader('x-error-code', 'document_not_found');
    sendJson(response, 404, { status: 'error', message: 'Document not found' });
  },
  '/documents/trickle.txt': async (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain' });
    for (const part of ['one ', 'two ', 'three ', 'four']) {
      response.write(part);
      await sleep(60);
    }
    response.end();
  },
  '/documents/late.txt': async (_request, response) => {
    await sleep(300);
    response.end('late');
  },
};

function sendJson(response: ServerResponse, statusCode: number, body: unknown): void {
  if (response.headersSent) return;
  response.writeHead(statusCode, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

async function listen(server: ReturnType<typeof createServer>): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A photo-sized multipart form, in chunks as it would come off a socket. */
function multipartForm(fileBytes: number): { parts: Buffer[]; whole: Buffer } {
  const whole = Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="passport"; filename="p.jpg"\r\n` +
        'Content-Type: image/jpeg\r\n\r\n',
    ),
    randomBytes(fileBytes),
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
  const parts: Buffer[] = [];
  for (let offset = 0; offset < whole.length; offset += 64 * 1024) {
    parts.push(whole.subarray(offset, offset + 64 * 1024));
  }
  return { parts, whole };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => assert.fail('the call succeeded'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof AppError, `not an AppError: ${String(error)}`);
  return error;
}

async function closedPort(): Promise<string> {
  const probe = createServer();
  const url = await listen(probe);
  await new Promise((resolve) => probe.close(resolve));
  return url;
}

test('a forwarded 5 MB form arrives byte for byte with its content type and length', async () => {
  const form = multipartForm(5 * 1024 * 1024);
  const received = await client.forward({
    method: 'POST',
    path: '/profiles',
    body: Readable.from(form.parts),
    contentType: MULTIPART,
    contentLength: form.whole.length,
    response: Received,
  });
  assert.deepEqual(received, {
    bytes: form.whole.length,
    sha256: sha256(form.whole),
    contentType: MULTIPART,
    contentLength: String(form.whole.length),
    chunked: false,
  });
});

test('a forwarded body of unknown length goes chunked', async () => {
  const form = multipartForm(200_000);
  const received = await client.forward({
    method: 'POST',
    path: '/profiles',
    body: Readable.from(form.parts),
    contentType: MULTIPART,
    response: Received,
  });
  assert.equal(received.sha256, sha256(form.whole));
  assert.equal(received.chunked, true);
});

test("a service's 415 envelope is rethrown as an AppError with its status, message and code", async () => {
  const form = multipartForm(1024 * 1024);
  const error = await rejection(
    client.forward({
      method: 'POST',
      path: '/refusing',
      body: Readable.from(form.parts),
      contentType: 'application/octet-stream',
      contentLength: form.whole.length,
      response: Received,
    }),
  );
  assert.equal(error.statusCode, 415);
  assert.equal(error.message, 'Send the profile as a multipart form');
  assert.equal(error.code, 'not_a_form');
});

test('a body that fails mid-upload aborts the request the service is reading', async () => {
  const body = new PassThrough();
  const call = rejection(
    client.forward({ method: 'POST', path: '/watched', body, contentType: MULTIPART, response: Received }),
  );
  body.write(randomBytes(64 * 1024));
  while (uploads.at(-1)?.received !== 64 * 1024) await sleep(5);
  body.destroy(new Error('the phone lost its connection'));
  assert.equal(await uploads.at(-1)?.ended, 'aborted');
  assert.equal((await call).statusCode, 503);
});

test('a body destroyed without an error aborts the request too', async () => {
  const body = new PassThrough();
  const call = rejection(
    client.forward({ method: 'POST', path: '/watched', body, contentType: MULTIPART, response: Received }),
  );
  body.write(randomBytes(1024));
  while (uploads.at(-1)?.received !== 1024) await sleep(5);
  body.destroy();
  assert.equal(await uploads.at(-1)?.ended, 'aborted');
  await call;
});

test("a body that fails with an AppError keeps it: the fault is not the service's", async () => {
  const body = new PassThrough();
  const call = rejection(
    client.forward({ method: 'POST', path: '/watched', body, contentType: MULTIPART, response: Received }),
  );
  body.write(randomBytes(1024));
  while (uploads.at(-1)?.received !== 1024) await sleep(5);
  body.destroy(payloadTooLarge());
  const error = await call;
  assert.equal(error.statusCode, 413);
  assert.equal(error.code, 'payload_too_large');
});

test('an upload may take longer than a JSON call, up to its own deadline', async () => {
  const patient = createServiceClient({ name: 'member', baseUrl, timeoutMs: 50, uploadTimeoutMs: 2000 });
  const impatient = createServiceClient({ name: 'member', baseUrl, uploadTimeoutMs: 50 });
  try {
    const call = {
      method: 'POST',
      path: '/unhurried',
      contentType: MULTIPART,
      response: Type.Unknown(),
    } as const;
    assert.deepEqual(await patient.forward({ ...call, body: Readable.from(['form']) }), { bytes: 0 });
    const error = await rejection(impatient.forward({ ...call, body: Readable.from(['form']) }));
    assert.equal(error.statusCode, 503);
    assert.equal(error.message, 'member is unavailable');
  } finally {
    await Promise.all([patient.close(), impatient.close()]);
  }
});

test('a download streams the file with only the headers that describe it', async () => {
  const file = await client.download({ path: '/documents/passport.pdf' });
  assert.equal(file.statusCode, 200);
  assert.deepEqual(file.headers, {
    'content-type': 'application/pdf',
    'content-length': String(DOCUMENT.length),
    'content-disposition': 'attachment; filename="passport.pdf"',
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
    etag: '"v1"',
    'last-modified': 'Mon, 06 Jan 2025 10:00:00 GMT',
  });
  const chunks: Buffer[] = [];
  for await (const chunk of file.body) chunks.push(chunk);
  assert.ok(Buffer.concat(chunks).equals(DOCUMENT));
});

test("a download's 404 envelope is rethrown as an AppError 404 with its message and code", async () => {
  const error = await rejection(client.download({ path: '/documents/missing.pdf' }));
  assert.equal(error.statusCode, 404);
  assert.equal(error.message, 'Document not found');
  assert.equal(error.code, 'document_not_found');
});

test('a download may stream for longer than the deadline for its first answer', async () => {
  const quick = createServiceClient({ name: 'member', baseUrl, timeoutMs: 150 });
  try {
    const file = await quick.download({ path: '/documents/trickle.txt' });
    assert.equal(await text(file.body), 'one two three four');
    const error = await rejection(quick.download({ path: '/documents/late.txt' }));
    assert.equal(error.statusCode, 503);
  } finally {
    await quick.close();
  }
});

test('a refused connection makes forward and download 503 "<name> is unavailable"', async () => {
  const closed = createServiceClient({ name: 'member', baseUrl: await closedPort() });
  try {
    const forwarded = await rejection(
      closed.forward({
        method: 'POST',
        path: '/profiles',
        body: Readable.from(['form']),
        contentType: MULTIPART,
        response: Received,
      }),
    );
    const downloaded = await rejection(closed.download({ path: '/documents/passport.pdf' }));
    for (const error of [forwarded, downloaded]) {
      assert.equal(error.statusCode, 503);
      assert.equal(error.message, 'member is unavailable');
    }
  } finally {
    await closed.close();
  }
});
