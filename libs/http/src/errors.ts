export interface AppErrorOptions {
  statusCode: number;
  /** Stable machine-readable name, e.g. `member_not_found`. */
  code: string;
  /** Shown to the client as is: never put internals here. */
  message: string;
  headers?: Record<string, string>;
  cause?: unknown;
}

/** An error meant for the client: the error handler answers with its status and message. */
export class AppError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly headers: Record<string, string>;

  constructor({ statusCode, code, message, headers = {}, cause }: AppErrorOptions) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'AppError';
    this.statusCode = statusCode;
    this.code = code;
    this.headers = headers;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export function badRequest(message = 'Bad request', code = 'bad_request'): AppError {
  return new AppError({ statusCode: 400, code, message });
}

export function unauthorized(message = 'Unauthorized', code = 'unauthorized'): AppError {
  return new AppError({ statusCode: 401, code, message });
}

export function forbidden(message = 'Forbidden', code = 'forbidden'): AppError {
  return new AppError({ statusCode: 403, code, message });
}

export function notFound(message = 'Not found', code = 'not_found'): AppError {
  return new AppError({ statusCode: 404, code, message });
}

export function conflict(message = 'Conflict', code = 'conflict'): AppError {
  return new AppError({ statusCode: 409, code, message });
}

export function payloadTooLarge(message = 'Request body is too large', code = 'payload_too_large'): AppError {
  return new AppError({ statusCode: 413, code, message });
}

export function unsupportedMediaType(
  message = 'Unsupported media type',
  code = 'unsupported_media_type',
): AppError {
  return new AppError({ statusCode: 415, code, message });
}

export function unprocessable(message = 'Unprocessable entity', code = 'unprocessable'): AppError {
  return new AppError({ statusCode: 422, code, message });
}

export function tooManyRequests(
  retryAfterSeconds: number,
  message = 'Too many requests',
  code = 'too_many_requests',
): AppError {
  const seconds = Math.max(0, Math.ceil(retryAfterSeconds));
  return new AppError({ statusCode: 429, code, message, headers: { 'retry-after': String(seconds) } });
}

export function serviceUnavailable(
  message = 'Service unavailable',
  code = 'service_unavailable',
  cause?: unknown,
): AppError {
  return new AppError({ statusCode: 503, code, message, cause });
}

const CODE_BY_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  410: 'gone',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'too_many_requests',
  500: 'internal',
  502: 'bad_gateway',
  503: 'service_unavailable',
  504: 'gateway_timeout',
};

/** The code an error of this status gets when nobody gave it a more specific one. */
export function defaultCodeFor(statusCode: number): string {
  return CODE_BY_STATUS[statusCode] ?? (statusCode >= 500 ? 'internal' : 'bad_request');
}
