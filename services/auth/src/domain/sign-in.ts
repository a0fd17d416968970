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

/** What a code was sent for: to sign in, or to prove that a member holds a new phone. */
export type CodePurpose = 'sign_in' | 'phone_change';

/** A code as sent: what for, and for a phone change which member asked. */
export interface CodeTarget {
  purpose: CodePurpose;
  memberId: number | null;
}

/**
 * A code opens only what it was sent for: a sign-in code proves no new phone, and a code for a
 * phone change proves the phone to the member who asked for it and to nobody else.
 */
export function codeOpens(sent: CodeTarget, wanted: CodeTarget): boolean {
  if (sent.purpose !== wanted.purpose) return false;
  return sent.purpose === 'sign_in' || sent.memberId === wanted.memberId;
}
