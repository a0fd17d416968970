/**
 * Whether a provider's HTTP status says the request itself is at fault (a 4xx other than 429:
 * an invalid number, a wrong chat, a revoked token), so that no retry can fix it. 429 and 5xx
 * are worth retrying.
 */
export const isPermanentStatus = (status: number): boolean => status >= 400 && status < 500 && status !== 429;
