import { argon2, createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * Staff passwords: argon2id at OWASP's minimum cost (19 MiB, 2 passes, 1 lane), stored in the
 * PHC string format with its parameters, so that raising the cost later only needs new
 * hashes: old ones still verify with what they say, and are re-hashed at the next sign-in.
 */
const COST = { memory: 19_456, passes: 2, parallelism: 1 } as const;
const TAG_LENGTH = 32;
const SALT_LENGTH = 16;
const VERSION = 19;

interface Argon2Hash {
  memory: number;
  passes: number;
  parallelism: number;
  salt: Buffer;
  tag: Buffer;
}

const PHC =
  /^\$argon2id\$v=19\$m=(\d{1,7}),t=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]{16,})\$([A-Za-z0-9+/]{16,})$/;

function derive(password: string, salt: Buffer, cost: Omit<Argon2Hash, 'salt' | 'tag'>, tagLength: number) {
  return new Promise<Buffer>((resolve, reject) => {
    argon2('argon2id', { message: password, nonce: salt, tagLength, ...cost }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

const b64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const tag = await derive(password, salt, COST, TAG_LENGTH);
  const { memory, passes, parallelism } = COST;
  return `$argon2id$v=${VERSION}$m=${memory},t=${passes},p=${parallelism}$${b64(salt)}$${b64(tag)}`;
}

function parse(stored: string): Argon2Hash | null {
  const match = PHC.exec(stored);
  if (!match) return null;
  const [, m, t, p, salt, tag] = match;
  const hash = {
    memory: Number(m),
    passes: Number(t),
    parallelism: Number(p),
    salt: Buffer.from(salt!, 'base64'),
    tag: Buffer.from(tag!, 'base64'),
  };
  // Within what argon2 accepts and this machine can afford; anything else is not ours.
  const sane =
    hash.parallelism >= 1 &&
    hash.passes >= 1 &&
    hash.memory >= 8 * hash.parallelism &&
    hash.memory <= 1_048_576 &&
    hash.tag.length >= 16;
  return sane ? hash : null;
}

/**
 * The old system's staff passwords, as the switch-over imports them: `sha256(password.encode())
 * .hexdigest()`, unsalted (seeds/000 admin app, `signin` and `change_password`), kept as
 * `$seed-sha256$<hex>` so that the stored string still says how it was made.
 */
const SEED_SHA256 = /^\$seed-sha256\$([0-9a-f]{64})$/;

/** The stored form of an imported account's seed hash; null when `sha256Hex` is not one. */
export function seedPasswordHash(sha256Hex: string): string | null {
  const hex = sha256Hex.trim().toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? `$seed-sha256$${hex}` : null;
}

export function isSeedPasswordHash(stored: string): boolean {
  return SEED_SHA256.test(stored);
}

/**
 * A seed hash is checked in a microsecond: the argon2 spent first makes the answer take as long
 * as any other account's, so its time does not tell which accounts came from the old system and
 * still hold their old hash. The digests are compared in constant time.
 */
async function verifySeedPassword(password: string, hex: string): Promise<boolean> {
  await verifyNobody(password);
  const digest = createHash('sha256').update(password, 'utf8').digest();
  return timingSafeEqual(digest, Buffer.from(hex, 'hex'));
}

/** Constant-time comparison, with the cost the stored hash was made with. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const seed = SEED_SHA256.exec(stored);
  if (seed) return verifySeedPassword(password, seed[1]!);
  const hash = parse(stored);
  if (!hash) return false;
  const tag = await derive(password, hash.salt, hash, hash.tag.length);
  return timingSafeEqual(tag, hash.tag);
}

/**
 * True when a hash was made at a lower cost than today's, or by the old system: re-hash it once
 * the password is known.
 */
export function needsRehash(stored: string): boolean {
  const hash = parse(stored);
  return (
    !hash ||
    hash.memory < COST.memory ||
    hash.passes < COST.passes ||
    hash.parallelism !== COST.parallelism ||
    hash.tag.length !== TAG_LENGTH
  );
}

let dummy: Promise<string> | undefined;

/**
 * Spends what checking a real password costs, for a login that does not exist: without it,
 * the time of the answer would tell which logins do.
 */
export async function verifyNobody(password: string): Promise<false> {
  dummy ??= hashPassword(randomBytes(SALT_LENGTH).toString('hex'));
  await verifyPassword(password, await dummy);
  return false;
}

/** No 0/O/o, 1/l/I: the password is read off a screen and typed in by a person. */
const READABLE = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
export const GENERATED_PASSWORD_LENGTH = 16;

/** A one-time password for a new user or a reset: about 92 bits from a cryptographic source. */
export function generatePassword(): string {
  let password = '';
  for (let i = 0; i < GENERATED_PASSWORD_LENGTH; i++) password += READABLE[randomInt(READABLE.length)];
  return password;
}
