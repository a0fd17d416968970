import type { StoredFile } from '@kasa/files';
import { badRequest, claimUploads } from '@kasa/http';
import type { FastifyRequest } from 'fastify';
import type { MemberDeps } from '../application/member-deps.ts';
import { memberUploadSink } from '../files/member-upload-sink.ts';

/**
 * Runs a multipart route's work with the files this request uploaded, by field; if the work
 * fails they are removed again. A file field must hold a file this request uploaded: a form
 * that names some other stored file in it (another member's document, say) is refused.
 */
export async function withUploads<T>(
  request: FastifyRequest,
  deps: MemberDeps,
  work: (files: ReadonlyMap<string, readonly StoredFile[]>) => Promise<T>,
): Promise<T> {
  const uploads = claimUploads(request, memberUploadSink(deps.files));
  try {
    const body = (request.body ?? {}) as Record<string, unknown>;
    for (const field of Object.keys(request.routeOptions.config.uploadFields ?? {})) {
      const named = body[field];
      const uploaded = uploads.byField.get(field)?.map(({ name }) => name) ?? [];
      if (named !== undefined && !uploaded.includes(String(named))) {
        throw badRequest(`Field '${field}' must be an uploaded file`, 'file_expected');
      }
    }
    return await work(uploads.byField);
  } catch (error) {
    await uploads.discard();
    throw error;
  }
}
