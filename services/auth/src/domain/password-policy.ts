import { dictionary } from '@zxcvbn-ts/language-common';

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;

/** The common passwords long enough to pass the length rule; the others fail it anyway. */
let common: ReadonlySet<string> | undefined;
function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(dictionary['passwords-common'].filter((word) => word.length >= MIN_PASSWORD_LENGTH));
  return common;
}

export interface PasswordOwner {
  login: string;
  name: string;
}

export type PasswordVerdict = { ok: true } | { ok: false; reason: string };

/**
 * Rules for a password a person chooses (NIST SP 800-63B): long enough, not absurdly long,
 * no composition rules, and not one of the passwords attackers try first, nor the owner's
 * own login or name.
 */
export function checkNewPassword(password: string, owner: PasswordOwner): PasswordVerdict {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) {
    return { ok: false, reason: `Password must be at least ${MIN_PASSWORD_LENGTH} characters long` };
  }
  if (length > MAX_PASSWORD_LENGTH) {
    return { ok: false, reason: `Password must be at most ${MAX_PASSWORD_LENGTH} characters long` };
  }
  if (commonPasswords().has(password.trim().toLowerCase())) {
    return { ok: false, reason: 'This password is too common; please choose another' };
  }
  const squashed = squash(password);
  if (squashed === squash(owner.login) || squashed === squash(owner.name)) {
    return { ok: false, reason: 'Password must not be your login or name' };
  }
  return { ok: true };
}

/** Case and spaces aside: "John Smith" and "johnsmith" are the same guess. */
function squash(value: string): string {
  return value.toLowerCase().replace(/\s+/g, '');
}
