import { createCipheriv, createDecipheriv, createSecretKey, type KeyObject, randomBytes } from 'node:crypto';
import { ConfigError } from '@kasa/config';
import { CorruptFileError } from './errors.ts';

/*
 * A stored file, all of it authenticated by AES-256-GCM:
 *
 *   offset  0   6 bytes   "KASAF1"       format and version
 *   offset  6   1 byte    key id         which key wrote it (1: FILES_KEY; a rotation adds 2)
 *   offset  7  12 bytes   IV             random for every file
 *   offset 19   n bytes   ciphertext     of the stripped file
 *   last       16 bytes   GCM tag
 *
 * The header and the file's name are the cipher's associated data: a changed header, or a
 * file copied over another's name (one member's passport served as another's), fails to
 * decrypt like a changed byte of ciphertext does.
 */
const MAGIC = Buffer.from('KASAF1', 'latin1');
export const CURRENT_KEY_ID = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + 1 + IV_BYTES;
const KEY_BYTES = 32;

const HEX_KEY = /^[0-9a-fA-F]{64}$/;
/** 32 bytes are 43 base64 characters and one `=`; the URL-safe alphabet is accepted too. */
const BASE64_KEY = /^[A-Za-z0-9+/_-]{43}=?$/;

/** The key from `FILES_KEY`: 32 random bytes as 64 hex characters or as base64. */
export function parseFileKey(text: string): KeyObject {
  const trimmed = text.trim();
  const bytes = HEX_KEY.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : BASE64_KEY.test(trimmed)
      ? Buffer.from(trimmed, 'base64')
      : undefined;
  // The value is a secret: the message never quotes it.
  if (bytes?.length !== KEY_BYTES) {
    throw new ConfigError([
      'FILES_KEY must be 32 random bytes written as 64 hex characters or as base64 (`openssl rand -base64 32`)',
    ]);
  }
  return createSecretKey(bytes);
}

export function isFileKey(key: unknown): key is KeyObject {
  return (
    typeof key === 'object' &&
    key !== null &&
    (key as KeyObject).type === 'secret' &&
    (key as KeyObject).symmetricKeySize === KEY_BYTES
  );
}

/** The stored form of `plaintext` (in pieces, see BytePieces), in pieces to be written in order. */
export function encryptFile(plaintext: readonly Buffer[], key: KeyObject, name: string): Buffer[] {
  const header = Buffer.concat([MAGIC, Buffer.of(CURRENT_KEY_ID), randomBytes(IV_BYTES)]);
  const cipher = createCipheriv('aes-256-gcm', key, header.subarray(MAGIC.length + 1), {
    authTagLength: TAG_BYTES,
  });
  cipher.setAAD(associatedData(header, name));
  const ciphertext = plaintext.map((piece) => cipher.update(piece));
  return [header, ...ciphertext, cipher.final(), cipher.getAuthTag()];
}

/** The plaintext, or `CorruptFileError`: bad data is never returned. */
export function decryptFile(stored: Buffer, key: KeyObject, name: string): Buffer {
  if (stored.length < HEADER_BYTES + TAG_BYTES || !stored.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new CorruptFileError(`Stored file ${name} is not in the KASAF1 format`);
  }
  const keyId = stored[MAGIC.length];
  if (keyId !== CURRENT_KEY_ID) {
    throw new CorruptFileError(`Stored file ${name} was written with key ${keyId}, which this store lacks`);
  }
  const header = stored.subarray(0, HEADER_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, header.subarray(MAGIC.length + 1), {
    authTagLength: TAG_BYTES,
  });
  decipher.setAAD(associatedData(header, name));
  decipher.setAuthTag(stored.subarray(stored.length - TAG_BYTES));
  const ciphertext = stored.subarray(HEADER_BYTES, stored.length - TAG_BYTES);
  try {
    const plaintext = decipher.update(ciphertext);
    const rest = decipher.final(); // empty for GCM: not worth a copy of the whole file
    return rest.length === 0 ? plaintext : Buffer.concat([plaintext, rest]);
  } catch (error) {
    throw new CorruptFileError(`Stored file ${name} failed authentication`, error);
  }
}

function associatedData(header: Buffer, name: string): Buffer {
  return Buffer.concat([header, Buffer.from(name, 'latin1')]);
}
