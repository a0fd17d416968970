import fastifyJwt from '@fastify/jwt';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { forbidden, unauthorized } from './errors.ts';

/** The claims of a Kasa access token, as `request.user` holds them once verified. */
export interface AuthUser {
  sub: string;
  role: string;
  aud?: string | string[];
  iss?: string;
  exp?: number;
  iat?: number;
  [claim: string]: unknown;
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: AuthUser;
    user: AuthUser;
  }
}

export interface JwtAuthOptions {
  /** PEM of the auth service's public key (`JWT_PUBLIC_KEY`). */
  publicKey: string;
  algorithms: ['EdDSA'] | ['ES256'];
  issuer: string;
  audience: string;
  /** Verified tokens remembered until they expire: asymmetric verification is costly. */
  cacheSize?: number;
}

export const ACCESS_TOKEN_HEADER = 'x-access-token';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The seed's clients send `x-access-token: <t>`; others `Authorization: Bearer <t>`. */
export function tokenFrom(request: FastifyRequest): string | undefined {
  const accessToken = request.headers[ACCESS_TOKEN_HEADER];
  if (typeof accessToken === 'string' && accessToken.trim()) return accessToken.trim();
  const authorization = request.headers.authorization;
  return authorization === undefined ? undefined : BEARER.exec(authorization)?.[1];
}

/** Verify-only: this process holds the public key, so it can check tokens but never issue one. */
export async function registerJwtAuth(app: FastifyInstance, options: JwtAuthOptions): Promise<void> {
  const { publicKey, algorithms, issuer, audience, cacheSize = 10_000 } = options;
  await app.register(fastifyJwt, {
    secret: { public: publicKey },
    verify: {
      algorithms: [...algorithms],
      allowedIss: issuer,
      allowedAud: audience,
      // fast-jwt checks iss/aud only when present: a token without them must not slip through.
      requiredClaims: ['sub', 'role', 'exp', 'iss', 'aud'],
      cache: cacheSize,
      extractToken: tokenFrom,
    },
  });
}

async function authenticate(request: FastifyRequest): Promise<void> {
  if (typeof request.jwtVerify !== 'function') {
    throw new Error('registerJwtAuth() must run before routes use requireAuth() or requireRole()');
  }
  try {
    await request.jwtVerify();
  } catch (error) {
    request.log.debug({ reason: error instanceof Error ? error.message : String(error) }, 'token rejected');
    throw unauthorized();
  }
  if (typeof request.user?.sub !== 'string' || typeof request.user.role !== 'string') throw unauthorized();
}

/** preHandler: 401 unless the request carries a valid token; `request.user` is set after it. */
export function requireAuth() {
  return async function requireAuthHandler(request: FastifyRequest): Promise<void> {
    await authenticate(request);
  };
}

/** preHandler: 401 without a valid token, 403 when its role is not one of `roles`. */
export function requireRole(...roles: string[]) {
  return async function requireRoleHandler(request: FastifyRequest): Promise<void> {
    if (!request.user) await authenticate(request);
    if (!roles.includes(request.user.role)) throw forbidden();
  };
}
