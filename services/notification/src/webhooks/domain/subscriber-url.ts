/** Why `text` cannot be a subscriber's address, or null when it can (before its host is resolved). */
export function subscriberUrlProblem(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'The URL cannot be read';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return 'Only http and https URLs can receive webhooks';
  // Credentials in a URL end up wherever the URL is shown; a receiver checks our signature instead.
  if (url.username !== '' || url.password !== '') return 'The URL must not carry a user name or password';
  if (url.hostname === '') return 'The URL has no host';
  return null;
}

/**
 * The host to resolve, without IPv6's brackets. WHATWG URL parsing has already written an
 * address however it was spelled as the address it is (`2130706433`, `0x7f.0.0.1`, `0177.0.0.1`
 * and `127.1` are all `127.0.0.1`; `[::ffff:127.0.0.1]` is `::ffff:7f00:1`), so the address
 * policy judges what a connection would reach.
 */
export function hostOf(text: string): string {
  const { hostname } = new URL(text);
  return hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
}

/** The port a connection to the URL goes to. */
export function portOf(text: string): number {
  const { port, protocol } = new URL(text);
  return port === '' ? (protocol === 'https:' ? 443 : 80) : Number(port);
}
