import type { Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, badRequest, payloadTooLarge } from './errors.ts';

/** Where a service keeps uploaded files: it decides per form field what it accepts. */
export interface UploadSink<Saved extends { name: string }> {
  /**
   * Reads the whole stream and stores it; throws an error with a 4xx `statusCode` to refuse it
   * (a field the route does not take, a type it does not accept).
   */
  save(file: Readable, field: string, request: FastifyRequest): Promise<Saved>;
  remove(saved: Saved): Promise<void>;
}

export interface UploadLimits {
  /** Largest file, in bytes. */
  maxFileBytes: number;
  /** Most files in one request. */
  maxFiles: number;
  /** Most text fields, and the longest one in bytes. */
  maxFields?: number;
  maxFieldBytes?: number;
}

/** The files of one request, by form field, for the route handler to keep or throw away. */
export interface ClaimedUploads<Saved> {
  byField: ReadonlyMap<string, readonly Saved[]>;
  all: readonly Saved[];
  /** Removes them from storage: the handler calls it when its work failed. */
  discard(): Promise<void>;
}

const tracked = new WeakMap<
  FastifyRequest,
  { saved: { field: string; file: unknown }[]; claimed: boolean; discarded: boolean }
>();

/**
 * Multipart forms for an encapsulated scope: each file goes to the sink as it streams in (never
 * whole in memory), text fields and the stored files' names become `request.body`, so the
 * route's TypeBox schema validates a form like any JSON body. Files the handler never claimed
 * (the form failed to parse or validate, the client went away) are removed when the request
 * ends, so a rejected or cancelled upload leaves nothing behind.
 */
export async function registerUploads<Saved extends { name: string }>(
  app: FastifyInstance,
  sink: UploadSink<Saved>,
  limits: UploadLimits,
): Promise<void> {
  await app.register(multipart, {
    limits: {
      fileSize: limits.maxFileBytes,
      files: limits.maxFiles,
      fields: limits.maxFields ?? 32,
      fieldSize: limits.maxFieldBytes ?? 16 * 1024,
      parts: limits.maxFiles + (limits.maxFields ?? 32),
      headerPairs: 100,
    },
  });

  // Safe to run more than once and before the form is read to its end: the client may go away
  // while a file is still being saved, and that file is removed as soon as it is.
  const discardUnclaimed = async (request: FastifyRequest) => {
    const state = tracked.get(request);
    if (!state || state.claimed) return;
    state.discarded = true;
    await removeAll(
      sink,
      state.saved.splice(0).map(({ file }) => file as Saved),
    );
  };

  app.addHook('preValidation', async (request) => {
    if (!request.isMultipart()) return;
    const state = { saved: [] as { field: string; file: Saved }[], claimed: false, discarded: false };
    tracked.set(request, state);
    const body: Record<string, string | string[]> = {};
    try {
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          const file = await sink.save(part.file, part.fieldname, request);
          state.saved.push({ field: part.fieldname, file });
          // The request was abandoned while this file was being saved.
          if (state.discarded) await discardUnclaimed(request);
          append(body, part.fieldname, file.name);
        } else if (typeof part.value === 'string') {
          append(body, part.fieldname, part.value);
        }
      }
    } catch (error) {
      await discardUnclaimed(request);
      throw formError(error, limits);
    }
    request.body = body;
  });
  app.addHook('onResponse', discardUnclaimed);
  app.addHook('onRequestAbort', discardUnclaimed);
}

/** The request's stored files, now the handler's to keep (by recording them) or to discard. */
export function claimUploads<Saved extends { name: string }>(
  request: FastifyRequest,
  sink: UploadSink<Saved>,
): ClaimedUploads<Saved> {
  const state = tracked.get(request);
  const saved = (state?.saved ?? []) as { field: string; file: Saved }[];
  if (state) state.claimed = true;
  const byField = new Map<string, Saved[]>();
  for (const { field, file } of saved) byField.set(field, [...(byField.get(field) ?? []), file]);
  const all = saved.map(({ file }) => file);
  return { byField, all, discard: () => removeAll(sink, all) };
}

function append(body: Record<string, string | string[]>, field: string, value: string): void {
  const existing = body[field];
  if (existing === undefined) body[field] = value;
  else body[field] = Array.isArray(existing) ? [...existing, value] : [existing, value];
}

async function removeAll<Saved>(sink: UploadSink<Saved & { name: string }>, files: Saved[]): Promise<void> {
  await Promise.allSettled(files.map((file) => sink.remove(file as Saved & { name: string })));
}

const MiB = 1024 * 1024;

/**
 * Every way a form can be wrong is the client's: limits are 413 in words, a body busboy cannot
 * parse (a missing boundary, a cut-off part) is 400, never a 500.
 */
function formError(error: unknown, limits: UploadLimits): unknown {
  if (error instanceof AppError) return error;
  const { code, statusCode } = (error ?? {}) as { code?: string; statusCode?: number };
  switch (code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return payloadTooLarge(`A file is larger than ${formatBytes(limits.maxFileBytes)}`, 'file_too_large');
    case 'FST_FILES_LIMIT':
      return payloadTooLarge(`At most ${limits.maxFiles} files can be sent at once`, 'too_many_files');
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return payloadTooLarge('The form has too many fields', 'too_many_fields');
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return badRequest('The request is not a multipart form', 'not_multipart');
  }
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) return error;
  return new AppError({
    statusCode: 400,
    code: 'malformed_form',
    message: 'The multipart form is malformed',
    cause: error,
  });
}

function formatBytes(bytes: number): string {
  return bytes % MiB === 0 ? `${bytes / MiB} MB` : `${bytes} bytes`;
}
