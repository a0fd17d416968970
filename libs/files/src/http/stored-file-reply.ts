import { notFound, SERVED_FILE_POLICY } from '@kasa/http';
import type { FastifyReply } from 'fastify';
import { passesContentCheck } from '../content-check.ts';
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
 * be sniffed into another, not to be kept by shared caches (these are people's documents), and
 * never to run: a sandbox with nothing to load. Only a file that passes today's content checks
 * (a picture of a readable size, a PDF without scripts) may open in the browser; anything else,
 * a file stored before the checks, say, is a download.
 */
export async function sendStoredFile(
  reply: FastifyReply,
  store: FileStore,
  name: string,
): Promise<FastifyReply> {
  const file = await store.open(name);
  const disposition = passesContentCheck(file.bytes, file.mime) ? 'inline' : 'attachment';
  return reply
    .headers({
      'content-type': file.mime,
      'content-length': String(file.size),
      'x-content-type-options': 'nosniff',
      'content-security-policy': SERVED_FILE_POLICY,
      'content-disposition': `${disposition}; filename="${name}.${EXTENSIONS[file.mime] ?? 'bin'}"`,
      'cache-control': 'private, no-store',
    })
    .send(file.bytes);
}
