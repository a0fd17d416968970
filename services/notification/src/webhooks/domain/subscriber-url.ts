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

/** The host to resolve, without IPv6's brackets. */
export function hostOf(text: string): string {
  const { hostname } = new URL(text);
  return hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
}
