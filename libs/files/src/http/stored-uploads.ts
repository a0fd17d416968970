import type { Readable } from 'node:stream';
import { badRequest, claimUploads, type UploadSink } from '@kasa/http';
import type { FastifyRequest } from 'fastify';
import type { FilePolicy } from '../file-policy.ts';
import type { FileStore, StoredFile } from '../file-store.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The file fields a multipart route takes, each with what it accepts. `'*'` stands for every
     * field not named (a form that sends its files under names of its own); a field named with
     * `null` is text and never takes a file.
     */
    uploadFields?: Readonly<Record<string, FilePolicy | null>>;
  }
}

/** The key of `uploadFields` whose policy takes files under any field not named. */
export const ANY_FIELD = '*';

/** Uploads go to the encrypted store, checked against the policy of the route's field. */
export function storeUploadSink(store: FileStore): UploadSink<StoredFile> {
  return {
    save(file: Readable, field: string, request: FastifyRequest) {
      const fields = request.routeOptions.config.uploadFields;
      const named = fields?.[field];
      const policy = named === undefined ? fields?.[ANY_FIELD] : named;
      if (!policy) {
        file.resume();
        throw badRequest(`Field '${field}' does not take a file`, 'unexpected_file');
      }
      return store.save(file, policy);
    },
    remove: (saved) => store.remove(saved.name),
  };
}

/**
 * Runs a multipart route's work with the files this request uploaded, by field; if the work
 * fails they are removed again. A file field must hold a file this request uploaded: a form
 * that names some other stored file in it (another member's document, say) is refused.
 */
export async function withStoredUploads<T>(
  request: FastifyRequest,
  store: FileStore,
  work: (files: ReadonlyMap<string, readonly StoredFile[]>) => Promise<T>,
): Promise<T> {
  const uploads = claimUploads(request, storeUploadSink(store));
  try {
    const body = (request.body ?? {}) as Record<string, unknown>;
    for (const [field, policy] of Object.entries(request.routeOptions.config.uploadFields ?? {})) {
      if (field === ANY_FIELD || policy === null) continue;
      const named = body[field];
      const uploaded = uploads.byField.get(field)?.map(({ name }) => name) ?? [];
      const namedFiles = named === undefined ? [] : Array.isArray(named) ? named : [named];
      if (namedFiles.some((name) => !uploaded.includes(String(name)))) {
        throw badRequest(`Field '${field}' must be an uploaded file`, 'file_expected');
      }
    }
    return await work(uploads.byField);
  } catch (error) {
    await uploads.discard();
    throw error;
  }
}
