import { finished, Readable, Transform } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, payloadTooLarge, unsupportedMediaType } from './errors.ts';
import type { DownloadAnswer } from './service-client.ts';

/** Ten identity photos of up to 10 MiB each, plus the form's text fields and multipart framing. */
export const MULTIPART_BODY_LIMIT = 101 * 1024 * 1024;

export interface MultipartPassThroughOptions {
  /** Largest body in bytes; MULTIPART_BODY_LIMIT otherwise. */
  bodyLimit?: number;
}

/** What `ServiceClient.forward` needs to send a passed-through body on. */
export interface ForwardedBody {
  body: Readable;
  contentType: string;
  contentLength?: number;
}

const passedThrough = new WeakSet<FastifyRequest>();

/**
 * Multipart bodies in this scope reach the handler unread, as `request.body` (a stream), for a
 * gateway to forward to the service that parses them: the gateway never holds a photo in memory
 * nor parses a form twice. The limit still holds: a declared Content-Length over it is refused
 * before a byte is read, a chunked body is cut off with 413 the moment it passes it.
 */
export function passMultipartThrough(
  app: FastifyInstance,
  { bodyLimit = MULTIPART_BODY_LIMIT }: MultipartPassThroughOptions = {},
): void {
  app.addContentTypeParser('multipart/form-data', (request, payload, done) => {
    passedThrough.add(request);
    if (Number(request.headers['content-length']) > bodyLimit) {
      done(payloadTooLarge(), undefined);
      return;
    }
    done(null, limitedTo(bodyLimit, payload));
  });
  // A connection carries no next request until this one's body is drained; closing it after the
  // answer is cheaper than draining up to the limit from a client we just refused.
  app.addHook('onSend', (request, reply, payload, done) => {
    if (passedThrough.has(request) && !request.raw.complete) reply.header('connection', 'close');
    done(null, payload);
  });
}

/**
 * The passed-through body of `request`, ready for `client.forward({ ...forwardedBody(request), … })`.
 * Anything but a multipart form (JSON, no body) is the client's mistake, answered 415 here rather
 * than sent on as something the service cannot read.
 */
export function forwardedBody(request: FastifyRequest): ForwardedBody {
  const { body } = request;
  if (!(body instanceof Readable)) {
    throw unsupportedMediaType('Send the form as multipart/form-data', 'not_multipart');
  }
  const declared = request.headers['content-length'];
  return {
    body,
    contentType: request.headers['content-type'] ?? 'multipart/form-data',
    ...(declared === undefined ? {} : { contentLength: Number(declared) }),
  };
}

/**
 * The client's body, failing with an AppError once it passes `bodyLimit` (only a chunked body
 * can: Node stops a declared one at its Content-Length) or when the client hangs up mid-upload.
 * `pipe`, not `pipeline`: a failed copy must leave the client's request alive, so the gateway
 * can still answer it.
 */
function limitedTo(bodyLimit: number, source: Readable): Readable {
  let received = 0;
  const body = new Transform({
    transform(chunk: Buffer, _encoding, next) {
      received += chunk.length;
      next(received > bodyLimit ? payloadTooLarge() : null, chunk);
    },
  });
  // A handler that has not started reading yet must not crash the process when the client leaves;
  // whoever reads later finds the stream errored.
  body.on('error', () => {});
  finished(source, (error) => {
    if (error) body.destroy(uploadInterrupted(error));
  });
  source.pipe(body);
  return body;
}

/** Nobody reads this answer (the client is gone); it keeps the log from blaming the service. */
function uploadInterrupted(cause: unknown): AppError {
  return new AppError({
    statusCode: 400,
    code: 'upload_interrupted',
    message: 'The upload was interrupted',
    cause,
  });
}

/**
 * The Content-Security-Policy of every stored file we serve: opened as a page, it loads nothing
 * and is a sandbox (no scripts, no forms, an origin of its own), so a file built to be read as
 * HTML or SVG cannot act with our origin's rights.
 */
export const SERVED_FILE_POLICY = "default-src 'none'; sandbox";

/**
 * A file a service answered with, streamed on to the client as it arrives, with its headers.
 * Whatever the service said about how to show it (inline for a checked picture or PDF) goes on
 * as it is; a service that said nothing gets the safe answer: sandboxed, as an attachment.
 */
export async function sendDownload(
  reply: FastifyReply,
  download: Promise<DownloadAnswer>,
): Promise<FastifyReply> {
  const file = await download;
  return reply
    .code(file.statusCode)
    .headers({
      'content-security-policy': SERVED_FILE_POLICY,
      'content-disposition': 'attachment',
      ...file.headers,
    })
    .send(file.body);
}
