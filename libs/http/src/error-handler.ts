import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DEPENDENCY_RETRY_AFTER_SECONDS, isDependencyDown } from './dependency-down.ts';
import { ERROR_CODE_HEADER, type ErrorEnvelopeStyle, errorBody } from './error-envelope.ts';
import { AppError, defaultCodeFor } from './errors.ts';
import { type SchemaValidationError, validationMessage } from './validation-message.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** `message-only` for the seed routes whose errors are `{ message }` without `status`. */
    errorEnvelope?: ErrorEnvelopeStyle;
  }
}

export interface ErrorAnswer {
  statusCode: number;
  code: string;
  message: string;
  headers: Record<string, string>;
  /** True when this is our fault: the real error must be logged, and never shown. */
  unexpected: boolean;
}

/** Fastify's own client errors, in words a client developer understands at once. */
const FRAMEWORK_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'Request body is not valid JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Request body is empty',
  FST_ERR_CTP_BODY_TOO_LARGE: 'Request body is too large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Unsupported media type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'Request body size does not match Content-Length',
  FST_ERR_BAD_URL: 'Malformed URL',
  FST_ERR_MAX_PARAM_LENGTH: 'URL parameter is too long',
};

export function answerFor(error: unknown): ErrorAnswer {
  if (error instanceof AppError) {
    const { statusCode, code, message, headers } = error;
    return {
      statusCode,
      code,
      message,
      headers: withRetryAfter(statusCode, headers),
      unexpected: statusCode >= 500,
    };
  }
  if (isDependencyDown(error)) {
    return {
      statusCode: 503,
      code: 'service_unavailable',
      message: 'Service temporarily unavailable; please try again later',
      headers: withRetryAfter(503, {}),
      unexpected: true,
    };
  }
  const fastifyError = error as Partial<FastifyError> | null;
  if (Array.isArray(fastifyError?.validation)) {
    const errors = fastifyError.validation as unknown as SchemaValidationError[];
    return clientError(400, 'validation_failed', validationMessage(errors, fastifyError.validationContext));
  }
  const statusCode = fastifyError?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    const known = fastifyError?.code === undefined ? undefined : FRAMEWORK_MESSAGES[fastifyError.code];
    return clientError(
      statusCode,
      ownCodeOf(fastifyError) ?? defaultCodeFor(statusCode),
      known ?? fastifyError?.message ?? 'Bad request',
    );
  }
  return {
    statusCode: 500,
    code: 'internal',
    message: 'Internal server error',
    headers: {},
    unexpected: true,
  };
}

/**
 * The code a library's own 4xx error names itself by (`unsafe_file`, `image_too_large`), so the
 * client can tell refusals apart; fastify's (`FST_ERR_…`) are its internals, not ours to pass on.
 */
function ownCodeOf(error: Partial<FastifyError> | null): string | undefined {
  const code = error?.code;
  return typeof code === 'string' && /^[a-z][a-z0-9_]*$/.test(code) ? code : undefined;
}

/** Every 503 says when to come back, so that clients (LiqPay, the apps) retry instead of giving up. */
function withRetryAfter(statusCode: number, headers: Record<string, string>): Record<string, string> {
  if (statusCode !== 503 || 'retry-after' in headers) return headers;
  return { ...headers, 'retry-after': String(DEPENDENCY_RETRY_AFTER_SECONDS) };
}

function clientError(statusCode: number, code: string, message: string): ErrorAnswer {
  return { statusCode, code, message, headers: {}, unexpected: false };
}

export function envelopeStyleOf(request: FastifyRequest): ErrorEnvelopeStyle {
  return request.routeOptions?.config?.errorEnvelope ?? 'status-and-message';
}

export function sendError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const answer = answerFor(error);
  if (answer.unexpected) request.log.error({ err: error }, 'request failed');
  return reply
    .code(answer.statusCode)
    .headers({ ...answer.headers, [ERROR_CODE_HEADER]: answer.code })
    .send(errorBody(answer.message, envelopeStyleOf(request)));
}

/** One place where every error, ours or fastify's, becomes the seed's envelope. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => sendError(error, request, reply));
  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).header(ERROR_CODE_HEADER, 'not_found').send(errorBody('Not found', 'status-and-message')),
  );
}
