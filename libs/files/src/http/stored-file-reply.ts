import { notFound } from '@kasa/http';
import type { FastifyReply } from 'fastify';
import type { FileStore } from '../file-store.ts';

/** Any file a caller may not have, or that is not there: the same answer, so nothing is learnt. */
export const fileNotFound = () => notFound('File not found', 'file_not_found');

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/heic': 'heic',
  'application/pdf': 'pdf',
};

/**
 * Sends a stored file with the type it was stored as (never one a client named), told not to
 * be sniffed into another and not to be kept by shared caches: these are people's documents.
 */
export async function sendStoredFile(
  reply: FastifyReply,
  store: FileStore,
  name: string,
): Promise<FastifyReply> {
  const file = await store.open(name);
  return reply
    .headers({
      'content-type': file.mime,
      'content-length': String(file.size),
      'x-content-type-options': 'nosniff',
      'content-disposition': `inline; filename="${name}.${EXTENSIONS[file.mime] ?? 'bin'}"`,
      'cache-control': 'private, no-store',
    })
    .send(file.bytes);
}
