import { messages } from '../i18n/messages.ts';

/**
 * A message a person can act on, for an API call that failed: the service's own words when it
 * gave some (they name the field or the rule), after the console's Ukrainian for the status.
 */
export function errorMessage(response: Response | undefined, body: unknown): string {
  const { errors } = messages;
  if (!response) return errors.network;
  const general =
    response.status === 400 || response.status === 422
      ? errors.invalid
      : response.status === 403
        ? errors.forbidden
        : response.status === 404
          ? errors.notFound
          : response.status === 409
            ? errors.conflict
            : response.status === 429
              ? errors.tooMany
              : response.status === 503 || response.status === 502 || response.status === 504
                ? errors.unavailable
                : errors.unknown;
  const detail = serviceWords(body);
  return detail ? `${general} ${detail}` : general;
}

/** The `message` (or `error`) of an error body, in any of the shapes the seed and Kasa answer with. */
function serviceWords(body: unknown): string | null {
  if (!body || typeof body !== 'object') return null;
  const { message, error } = body as { message?: unknown; error?: unknown };
  if (typeof message === 'string' && message.trim()) return message;
  if (typeof error === 'string' && error.trim()) return error;
  if (error && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string')
    return (error as { message: string }).message;
  return null;
}

/** A failed call, thrown so TanStack Query shows it: the message to show is its own. */
export class ApiError extends Error {
  readonly status: number | null;
  constructor(response: Response | undefined, body: unknown) {
    super(errorMessage(response, body));
    this.status = response?.status ?? null;
  }
}

/** The data of an openapi-fetch answer, or its error thrown as an ApiError. */
export function dataOf<T>(answer: { data?: T; error?: unknown; response: Response }): T {
  if (answer.data === undefined || !answer.response.ok) throw new ApiError(answer.response, answer.error);
  return answer.data;
}

/**
 * Sends a call and gives its data, or throws an ApiError with a message to show: the answer's
 * error, or no connection at all.
 */
export async function call<T>(
  send: () => Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let answer: { data?: T; error?: unknown; response: Response };
  try {
    answer = await send();
  } catch {
    throw new ApiError(undefined, null);
  }
  return dataOf(answer);
}
