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
/** How many bytes of each passed-through body have arrived, forwarded or thrown away. */
const bodyBytes = new WeakMap<FastifyRequest, { received: number }>();

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
    const counted = { received: 0 };
    bodyBytes.set(request, counted);
    done(null, limitedTo(bodyLimit, payload, counted));
  });
  // An answer that comes before the client has sent its whole form (a service refused a file at
  // once) waits for the rest, read and thrown away: a client still writing when the connection
  // closes (a phone's HTTP stack) reports a broken pipe and never reads the answer, so the member
  // would see a network error instead of "The picture is too large". Only a body past the limit,
  // or one that takes too long, is cut off: the connection then closes after the answer.
  app.addHook('onSend', async (request, reply, payload) => {
    if (!passedThrough.has(request) || request.raw.complete) return payload;
    const overLimit = reply.statusCode === 413;
    if (overLimit || !(await drained(request, bodyLimit))) reply.header('connection', 'close');
    return payload;
  });
}

/** How long an early answer waits for the rest of the client's body before it closes instead. */
export const EARLY_ANSWER_DRAIN_MS = 30_000;

/**
 * Reads the rest of a passed-through body and throws it away: true once the client has sent it
 * all, false when it passes `bodyLimit` in all, takes longer than EARLY_ANSWER_DRAIN_MS, or the
 * client goes away.
 */
function drained(request: FastifyRequest, bodyLimit: number): Promise<boolean> {
  const raw = request.raw;
  // Whatever was reading it (the forwarded stream) is done with it.
  raw.unpipe();
  if (request.body instanceof Readable) request.body.destroy();
  const counted = bodyBytes.get(request) ?? { received: 0 };
  return new Promise((resolve) => {
    const finish = (complete: boolean) => {
      clearTimeout(timer);
      raw.off('data', count);
      raw.off('end', ended);
      raw.off('close', ended);
      raw.off('error', failed);
      if (!complete) raw.pause();
      resolve(complete);
    };
    const count = (chunk: Buffer) => {
      counted.received += chunk.length;
      if (counted.received > bodyLimit) finish(false);
    };
    const ended = () => finish(raw.complete);
    const failed = () => finish(false);
    const timer = setTimeout(() => finish(false), EARLY_ANSWER_DRAIN_MS);
    raw.on('data', count);
    raw.once('end', ended);
    raw.once('close', ended);
    raw.once('error', failed);
    raw.resume();
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
function limitedTo(bodyLimit: number, source: Readable, counted: { received: number }): Readable {
  const body = new Transform({
    transform(chunk: Buffer, _encoding, next) {
      counted.received += chunk.length;
      next(counted.received > bodyLimit ? payloadTooLarge() : null, chunk);
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
