import type { Readable } from 'node:stream';
import type { FilePolicy, FileStore, StoredFile } from '@kasa/files';
import { badRequest, type UploadSink } from '@kasa/http';
import type { FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The file fields a multipart route takes, each with what it accepts. */
    uploadFields?: Readonly<Record<string, FilePolicy>>;
  }
}

/** Uploads go to the encrypted store, checked against the policy of the route's field. */
export function memberUploadSink(store: FileStore): UploadSink<StoredFile> {
  return {
    save(file: Readable, field: string, request: FastifyRequest) {
      const policy = request.routeOptions.config.uploadFields?.[field];
      if (!policy) {
        file.resume();
        throw badRequest(`Field '${field}' does not take a file`, 'unexpected_file');
      }
      return store.save(file, policy);
    },
    remove: (saved) => store.remove(saved.name),
  };
}
