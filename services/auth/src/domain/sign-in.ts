/** A pending SMS sign-in as the rules see it. */
export interface SignRequestState {
  expiresAt: Date;
  tries: number;
  usedAt: Date | null;
  replacedAt: Date | null;
}

export type CodeCheck = 'accepted' | 'wrong' | 'expired' | 'exhausted' | 'used';

/** Single use, valid until it expires or a newer code replaces it, and only `maxTries` guesses. */
export function checkSignRequest(
  request: SignRequestState,
  codeMatches: boolean,
  maxTries: number,
  now: Date,
): CodeCheck {
  if (request.usedAt || request.replacedAt) return 'used';
  if (request.tries >= maxTries) return 'exhausted';
  if (request.expiresAt.getTime() <= now.getTime()) return 'expired';
  return codeMatches ? 'accepted' : 'wrong';
}
