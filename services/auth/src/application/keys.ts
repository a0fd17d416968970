import { createPrivateKey, createPublicKey, hkdfSync } from 'node:crypto';
import { readPem } from '@kasa/config';

export interface AuthKeys {
  privateKeyPem: string;
  /** What gateways and services verify with; derived, so the two can never disagree. */
  publicKeyPem: string;
  /** Keys the sign codes' hashes. */
  codeKey: Buffer;
}

export function loadAuthKeys(privateKey: string, codeSecret: string | undefined): AuthKeys {
  const privateKeyPem = readPem(privateKey);
  const key = createPrivateKey(privateKeyPem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('JWT_PRIVATE_KEY must be an Ed25519 key');
  const publicKeyPem = createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
  const codeKey = codeSecret
    ? Buffer.from(codeSecret)
    : Buffer.from(
        hkdfSync('sha256', key.export({ type: 'pkcs8', format: 'der' }), '', 'kasa sign codes', 32),
      );
  return { privateKeyPem, publicKeyPem, codeKey };
}
