/** Polls `probe` until it returns a truthy value or `timeoutMs` passes; returns the value. */
export async function eventually<T>(
  probe: () => Promise<T>,
  { timeoutMs = 30_000, intervalMs = 50, message = 'condition' } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await probe();
    if (last) return last as NonNullable<T>;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${message} (last: ${JSON.stringify(last)})`);
}
