import assert from 'node:assert/strict';
import { test } from 'node:test';
import { htmlPdfPolyglot, jpeg, pdf, pngOfSize } from '@kasa/testing/sample-files';
import Fastify from 'fastify';
import { sendStoredFile } from '../src/http/index.ts';
import type { FileMime, FileStore } from '../src/index.ts';

const NAME = '0123456789abcdef0123456789abcdef';

/** What a store opens: the file as it was kept, possibly before today's checks existed. */
async function served(bytes: Buffer, mime: FileMime) {
  const store = { open: async () => ({ bytes, size: bytes.length, mime }) } as unknown as FileStore;
  const app = Fastify();
  app.get('/file', (_request, reply) => sendStoredFile(reply, store, NAME));
  const answer = await app.inject({ method: 'GET', url: '/file' });
  await app.close();
  return answer;
}

test('a checked picture or PDF opens in the browser, sandboxed and unsniffable', async () => {
  for (const [bytes, mime, extension] of [
    [jpeg(), 'image/jpeg', 'jpg'],
    [pdf(), 'application/pdf', 'pdf'],
  ] as const) {
    const answer = await served(bytes, mime);
    assert.equal(answer.statusCode, 200);
    assert.equal(answer.headers['content-type'], mime);
    assert.equal(answer.headers['content-security-policy'], "default-src 'none'; sandbox");
    assert.equal(answer.headers['x-content-type-options'], 'nosniff');
    assert.equal(answer.headers['content-disposition'], `inline; filename="${NAME}.${extension}"`);
    assert.equal(answer.headers['cache-control'], 'private, no-store');
    assert.deepEqual(answer.rawPayload, bytes);
  }
});

test('a file kept before the checks that fails them now is only a download', async () => {
  for (const [bytes, mime, extension] of [
    [htmlPdfPolyglot(), 'application/pdf', 'pdf'],
    [pngOfSize(50_000, 50_000), 'image/png', 'png'],
  ] as const) {
    const answer = await served(bytes, mime);
    assert.equal(answer.headers['content-security-policy'], "default-src 'none'; sandbox");
    assert.equal(answer.headers['content-disposition'], `attachment; filename="${NAME}.${extension}"`);
  }
});
