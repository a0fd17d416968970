import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Type } from 'typebox';
import {
  createServiceClient,
  forwardedBody,
  type HttpApp,
  passMultipartThrough,
  SERVED_FILE_POLICY,
  type ServiceClient,
  sendDownload,
} from '../src/index.ts';
import { createTestApp } from './support/test-app.ts';

const BODY_LIMIT = 256 * 1024;
const BOUNDARY = 'kasa-boundary-q2Zr8vLx';
const MULTIPART = `multipart/form-data; boundary=${BOUNDARY}`;
const DOCUMENT = randomBytes(200_000);

const Received = Type.Object({ bytes: Type.Integer(), sha256: Type.String(), contentType: Type.String() });

/** Every upload the fake service was sent, and how it ended. */
const uploads: Array<{ received: number; ended: Promise<'complete' | 'aborted'> }> = [];
let service: ReturnType<typeof createServer>;
let client: ServiceClient;
let gateway: HttpApp;
let gatewayLog: () => Array<Record<string, unknown>>;
let gatewayPort: number;

before(async () => {
  service = createServer(serve);
  await new Promise<void>((resolve) => service.listen(0, '127.0.0.1', resolve));
  const servicePort = (service.address() as AddressInfo).port;
  client = createServiceClient({ name: 'member', baseUrl: `http://127.0.0.1:${servicePort}` });

  ({ app: gateway, logLines: gatewayLog } = createTestApp());
  passMultipartThrough(gateway, { bodyLimit: BODY_LIMIT });
  gateway.post('/profile', async (request) =>
    client.forward({
      method: 'POST',
      path: '/profiles',
      requestId: request.id,
      ...forwardedBody(request),
      response: Received,
    }),
  );
  gateway.post('/profile/refused', async (request) =>
    client.forward({ method: 'POST', path: '/refusing', ...forwardedBody(request), response: Received }),
  );
  gateway.get('/documents/:name', async (request, reply) => {
    const { name } = request.params as { name: string };
    return sendDownload(reply, client.download({ path: `/documents/${encodeURIComponent(name)}` }));
  });
  await gateway.listen({ host: '127.0.0.1', port: 0 });
  gatewayPort = (gateway.server.address() as AddressInfo).port;
});

after(async () => {
  await gateway.close();
  await client.close();
  service.closeAllConnections();
  await new Promise((resolve) => service.close(resolve));
});

function serve(request: IncomingMessage, response: ServerResponse): void {
  if (request.url === '/refusing') {
    response.writeHead(415, { 'content-type': 'application/json', 'x-error-code': 'not_a_form' });
    response.end(JSON.stringify({ status: 'error', message: 'Send the profile as a multipart form' }));
    return;
  }
  if (request.url === '/documents/terms.pdf') {
    response.writeHead(200, {
      'content-type': 'application/pdf',
      'content-length': String(DOCUMENT.length),
      'content-disposition': 'inline; filename="terms.pdf"',
      'content-security-policy': "default-src 'none'; sandbox allow-downloads",
      'x-content-type-options': 'nosniff',
      'x-internal-storage-path': '/var/kasa/files/9c1d',
    });
    response.end(DOCUMENT);
    return;
  }
  if (request.url === '/documents/bare.html') {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<script>alert(document.domain)</script>');
    return;
  }
  const hash = createHash('sha256');
  const upload = { received: 0, ended: Promise.resolve<'complete' | 'aborted'>('complete') };
  upload.ended = new Promise((resolve) => {
    request.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      upload.received += chunk.length;
    });
    request.on('error', () => {});
    request.on('close', () => resolve(request.complete ? 'complete' : 'aborted'));
  });
  uploads.push(upload);
  request.on('end', () => {
    response.writeHead(201, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        bytes: upload.received,
        sha256: hash.digest('hex'),
        contentType: request.headers['content-type'],
      }),
    );
  });
}

function form(fileBytes: number): Buffer {
  return Buffer.concat([
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="photo"; filename="p.jpg"\r\n\r\n`),
    randomBytes(fileBytes),
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
}

interface GatewayAnswer {
  statusCode: number;
  headers: IncomingMessage['headers'];
  body: string;
}

/**
 * An upload to the gateway from a client that keeps writing until it gets an answer, as a phone
 * does; `declaredLength` sends Content-Length instead of chunks (and the client waits for the
 * answer if it runs out of chunks before that). `abortAfter` hangs up once that many bytes are out
 * and the service has them.
 */
function upload(
  path: string,
  chunks: Iterable<Buffer>,
  options: { declaredLength?: number; abortAfter?: number } = {},
): Promise<GatewayAnswer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'content-type': MULTIPART };
    if (options.declaredLength !== undefined) headers['content-length'] = String(options.declaredLength);
    const outgoing = httpRequest({ host: '127.0.0.1', port: gatewayPort, method: 'POST', path, headers });
    let answered = false;
    outgoing.on('response', (response) => {
      answered = true;
      const parts: Buffer[] = [];
      response.on('data', (part: Buffer) => parts.push(part));
      response.on('end', () => {
        const body = Buffer.concat(parts).toString();
        resolve({ statusCode: response.statusCode ?? 0, headers: response.headers, body });
      });
    });
    // A server that answers early and closes may reset a client still writing: not our failure.
    outgoing.on('error', (error) => {
      if (!answered && options.abortAfter === undefined) reject(error);
    });
    outgoing.flushHeaders();
    void (async () => {
      let sent = 0;
      for (const chunk of chunks) {
        if (answered || outgoing.destroyed) return;
        if (options.abortAfter !== undefined && sent >= options.abortAfter) {
          while (uploads.at(-1)?.received !== sent) await sleep(5);
          outgoing.destroy();
          resolve({ statusCode: 0, headers: {}, body: '' });
          return;
        }
        if (!outgoing.write(chunk)) await new Promise((drained) => outgoing.once('drain', drained));
        sent += chunk.length;
      }
      const whole = options.declaredLength === undefined || sent === options.declaredLength;
      if (!answered && whole) outgoing.end();
    })();
  });
}

function* chunksOf(bytes: Buffer, size = 16 * 1024): Generator<Buffer> {
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
}

function* endless(size = 16 * 1024): Generator<Buffer> {
  const chunk = randomBytes(size);
  for (;;) yield chunk;
}

test('a multipart upload reaches the service unread and byte for byte', async () => {
  const body = form(200_000);
  const answer = await upload('/profile', chunksOf(body), { declaredLength: body.length });
  assert.equal(answer.statusCode, 200);
  assert.deepEqual(JSON.parse(answer.body), {
    bytes: body.length,
    sha256: createHash('sha256').update(body).digest('hex'),
    contentType: MULTIPART,
  });
});

test('a chunked upload within the limit passes through whole', async () => {
  const body = form(200_000);
  const answer = await upload('/profile', chunksOf(body));
  assert.equal(answer.statusCode, 200);
  assert.equal(JSON.parse(answer.body).bytes, body.length);
});

test('a declared Content-Length over the limit is refused with 413 before the service hears of it', async () => {
  const before = uploads.length;
  const answer = await upload('/profile', [], { declaredLength: BODY_LIMIT + 1 });
  assert.equal(answer.statusCode, 413);
  assert.deepEqual(JSON.parse(answer.body), { status: 'error', message: 'Request body is too large' });
  assert.equal(answer.headers['x-error-code'], 'payload_too_large');
  assert.equal(answer.headers.connection, 'close');
  assert.equal(uploads.length, before);
});

test('a chunked upload is cut off with 413 once it passes the limit, and the service sees it aborted', async () => {
  const answer = await upload('/profile', endless());
  assert.equal(answer.statusCode, 413);
  assert.deepEqual(JSON.parse(answer.body), { status: 'error', message: 'Request body is too large' });
  assert.equal(answer.headers.connection, 'close');
  assert.equal(await uploads.at(-1)?.ended, 'aborted');
  assert.ok((uploads.at(-1)?.received ?? 0) <= BODY_LIMIT);
});

test('a client that hangs up mid-upload makes the service see its request aborted, and the gateway logs no error', async () => {
  await upload('/profile', endless(), { abortAfter: 64 * 1024 });
  assert.equal(await uploads.at(-1)?.ended, 'aborted');
  await sleep(50); // the gateway's handler fails a moment after the service notices
  assert.deepEqual(
    gatewayLog().filter((line) => line.level === 'error'),
    [],
  );
});

test('a JSON body sent where a form is expected is answered 415 by the gateway', async () => {
  const before = uploads.length;
  const response = await fetch(`http://127.0.0.1:${gatewayPort}/profile`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ firstName: 'Olena' }),
  });
  assert.equal(response.status, 415);
  assert.equal(response.headers.get('x-error-code'), 'not_multipart');
  assert.equal(uploads.length, before);
});

test("a service's refusal reaches the client with its status, message and code", async () => {
  const body = form(100_000);
  const answer = await upload('/profile/refused', chunksOf(body), { declaredLength: body.length });
  assert.equal(answer.statusCode, 415);
  assert.deepEqual(JSON.parse(answer.body), {
    status: 'error',
    message: 'Send the profile as a multipart form',
  });
  assert.equal(answer.headers['x-error-code'], 'not_a_form');
});

test('a downloaded file reaches the client with its describing headers and no internal ones', async () => {
  const response = await fetch(`http://127.0.0.1:${gatewayPort}/documents/terms.pdf`);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'application/pdf');
  assert.equal(response.headers.get('content-length'), String(DOCUMENT.length));
  assert.equal(response.headers.get('content-disposition'), 'inline; filename="terms.pdf"');
  assert.equal(
    response.headers.get('content-security-policy'),
    "default-src 'none'; sandbox allow-downloads",
  );
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(response.headers.get('x-internal-storage-path'), null);
  assert.ok(Buffer.from(await response.arrayBuffer()).equals(DOCUMENT));
});

test('a downloaded file whose service said nothing of how to show it is a sandboxed attachment', async () => {
  const response = await fetch(`http://127.0.0.1:${gatewayPort}/documents/bare.html`);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-security-policy'), SERVED_FILE_POLICY);
  assert.equal(SERVED_FILE_POLICY, "default-src 'none'; sandbox");
  assert.equal(response.headers.get('content-disposition'), 'attachment');
  await response.arrayBuffer();
});
