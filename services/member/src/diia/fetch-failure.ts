/**
 * Why a `fetch` got no answer, in a few words fit for a log: the timeout, or the network
 * error's code (ECONNREFUSED, ENOTFOUND, ECONNRESET). Never the URL, which may hold a token.
 */
export function fetchFailureReason(error: unknown, timeoutMs: number): string {
  const { name, cause } = (error ?? {}) as { name?: unknown; cause?: unknown };
  if (name === 'TimeoutError' || name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  const code = (cause as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string') return code;
  return typeof name === 'string' ? name : 'network error';
}
