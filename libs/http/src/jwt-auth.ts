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

/**
 * Verifies synchronously with the plugin's own cached verifier: `request.jwtVerify()` goes
 * through a callback waterfall and decodes the token a second time, which cost more than
 * the verification itself on a gateway round trip.
 */
function authenticate(request: FastifyRequest): void {
  const { jwt } = request.server;
  if (jwt === undefined) {
    throw new Error('registerJwtAuth() must run before routes use requireAuth() or requireRole()');
  }
  const token = tokenFrom(request);
  if (token === undefined) throw unauthorized();
  try {
    request.user = jwt.verify<AuthUser>(token);
  } catch (error) {
    request.log.debug({ reason: error instanceof Error ? error.message : String(error) }, 'token rejected');
    throw unauthorized();
  }
  if (typeof request.user?.sub !== 'string' || typeof request.user.role !== 'string') throw unauthorized();
}

/** preHandler: 401 unless the request carries a valid token; `request.user` is set after it. */
export function requireAuth() {
  return function requireAuthHandler(
    request: FastifyRequest,
    _reply: unknown,
    done: (error?: Error) => void,
  ): void {
    try {
      authenticate(request);
      done();
    } catch (error) {
      done(error as Error);
    }
  };
}

/** preHandler: 401 without a valid token, 403 when its role is not one of `roles`. */
export function requireRole(...roles: string[]) {
  return function requireRoleHandler(
    request: FastifyRequest,
    _reply: unknown,
    done: (error?: Error) => void,
  ): void {
    try {
      if (!request.user) authenticate(request);
      if (!roles.includes(request.user.role)) throw forbidden();
      done();
    } catch (error) {
      done(error as Error);
    }
  };
}
