import type { Readable } from 'node:stream';
import { FileTooLargeError } from './errors.ts';

/** A file as the caller has it: in memory, or a stream still arriving from the client. */
export type FileInput = Uint8Array | Readable;

/**
 * All of the file's bytes, or `FileTooLargeError` as soon as they pass `maxBytes`. A stream
 * is read no further than that (leaving the loop destroys it) and what was read is let go,
 * so no more than `maxBytes` is ever held.
 */
export async function readUpload(input: FileInput, maxBytes: number): Promise<Buffer> {
  if (input instanceof Uint8Array) {
    if (input.byteLength > maxBytes) throw new FileTooLargeError(maxBytes);
    return Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of input) {
    const bytes = toBuffer(chunk);
    total += bytes.length;
    if (total > maxBytes) throw new FileTooLargeError(maxBytes);
    chunks.push(bytes);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

function toBuffer(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  if (typeof chunk === 'string') return Buffer.from(chunk);
  throw new TypeError('A file stream must yield bytes');
}
