import { createPrivateKey, randomUUID } from 'node:crypto';
import { readPem } from '@kasa/config';
import { signToken } from '@kasa/testing';

/** Access tokens as the auth service signs them (services/auth/src/application/token-issuer.ts). */
export function tokenSigner(privateKey: string, issuer: string) {
  const key = createPrivateKey(readPem(privateKey));
  const now = Math.floor(Date.now() / 1000);
  const claims = (audience: 'member' | 'staff', id: number, role: string, extra = {}) => ({
    ...extra,
    sub: String(id),
    role,
    user_id: id,
    jti: randomUUID(),
    iss: issuer,
    aud: audience,
    iat: now,
    exp: now + 3_600,
  });
  return {
    member: (id: number) => signToken(key, claims('member', id, 'member')),
    staff: (id: number, role: 'admin' | 'staff', name = 'Bench Administrator') =>
      signToken(key, claims('staff', id, role, { name, login: 'bench', must_change_password: false })),
  };
}
