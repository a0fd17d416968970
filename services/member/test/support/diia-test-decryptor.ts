import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeDiiaCallback } from '@kasa/testing';
import type { DiiaCallbackInput, DiiaCallbackUpload } from '../../src/diia/diia-callback-parts.ts';
import { DiiaDecryptionError } from '../../src/diia/diia-errors.ts';
import { TestDiiaDecryptor } from '../../src/diia/test-diia-decryptor.ts';

/**
 * The decryptor for the fake Diia's envelopes (base64 of a marker and the plain bytes): the
 * same one DIIA_DECRYPTOR=test selects, so tests and local runs decrypt alike.
 */
export { TestDiiaDecryptor };

/** A fake Diia callback as a multipart parser would hand it over: headers, fields, files. */
export async function diiaCallbackInput(callback: FakeDiiaCallback): Promise<DiiaCallbackInput> {
  const form = await new Response(new Uint8Array(callback.body), {
    headers: { 'content-type': callback.contentType },
  }).formData();
  const fields: Record<string, string> = {};
  const files: DiiaCallbackUpload[] = [];
  for (const [name, value] of form) {
    if (typeof value === 'string') fields[name] ??= value;
    else
      files.push({ fieldName: name, fileName: value.name, content: Buffer.from(await value.arrayBuffer()) });
  }
  return { headers: callback.headers, fields, files };
}

export interface FakeDecryptorSidecar {
  /** The endpoint to set as DIIA_DECRYPTOR. */
  url: string;
  readonly calls: { kind: unknown; encrypted: unknown }[];
  /** The next `count` calls answer this status (a 400/422 with a message, others bare). */
  failNext(count: number, status: number): void;
  close(): Promise<void>;
}

/**
 * A stand-in for the DSTU sidecar (see http-diia-decryptor.ts for the contract) that opens
 * the fake Diia's envelopes: 200 `{ plain }`, or 422 `{ message }` for anything else.
 */
export async function startFakeDecryptorSidecar(): Promise<FakeDecryptorSidecar> {
  const decryptor = new TestDiiaDecryptor();
  const calls: FakeDecryptorSidecar['calls'] = [];
  const failures: number[] = [];
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const { kind, encrypted } = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    calls.push({ kind, encrypted });
    const answer = (status: number, body?: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(body === undefined ? '' : JSON.stringify(body));
    };
    const failure = failures.shift();
    if (failure !== undefined) {
      answer(failure, failure === 400 || failure === 422 ? { message: 'told to fail' } : undefined);
      return;
    }
    try {
      const plain = await decryptor.decryptFile(String(encrypted));
      answer(200, { plain: plain.toString('base64') });
    } catch (error) {
      if (!(error instanceof DiiaDecryptionError)) throw error;
      answer(422, { message: 'not an envelope for this key' });
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/unwrap`,
    calls,
    failNext(count, status) {
      for (let i = 0; i < count; i += 1) failures.push(status);
    },
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
