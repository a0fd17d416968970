import fastifyJwt from '@fastify/jwt';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { HttpApp } from './create-http-app.ts';
import { AppError, forbidden, unauthorized } from './errors.ts';
import type { RevokedSessions } from './revoked-sessions.ts';
import { type Exchanged, ExchangedTokens, type TokenExchange } from './token-exchange.ts';

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
  /** Whose tokens: one audience, or several for a route both gateways call on their callers' behalf. */
  audience: string | string[];
  /** Verified tokens remembered until they expire: asymmetric verification is costly. */
  cacheSize?: number;
  /**
   * Sessions ended before their tokens expire (the gateways' list, kept from the auth service):
   * with it, a token must name its session (`sid`) and that session must not be revoked.
   */
  revokedSessions?: RevokedSessions;
  /** Another issuer's tokens taken as well, each traded for a Kasa token (token-exchange.ts). */
  exchange?: TokenExchange;
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

/**
 * Tokens already verified, by their exact text, until they expire. fast-jwt's own cache
 * keys entries by a SHA-512 of the token, which cost 3 µs a request; the token itself is a
 * key without collisions and is looked up in a tenth of a microsecond. A hit is as good as
 * a verification; whether the token's session was revoked since is asked on every request.
 */
class VerifiedTokens {
  readonly #entries = new Map<string, AuthUser>();
  readonly #capacity: number;

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  get(token: string, nowSeconds: number): AuthUser | undefined {
    const user = this.#entries.get(token);
    if (user === undefined) return undefined;
    if ((user.exp ?? 0) > nowSeconds) return user;
    this.#entries.delete(token);
    return undefined;
  }

  set(token: string, user: AuthUser): void {
    if (this.#capacity === 0) return;
    if (this.#entries.size >= this.#capacity) {
      // The oldest insertion goes first: a map iterates in insertion order.
      this.#entries.delete(this.#entries.keys().next().value as string);
    }
    this.#entries.set(token, user);
  }
}

/** The app's cache and revocations, decorated beside `jwt` so that every route context below sees them. */
const VERIFIED_TOKENS = Symbol('kasa.verifiedTokens');
const REVOKED_SESSIONS = Symbol('kasa.revokedSessions');
const EXCHANGED_TOKENS = Symbol('kasa.exchangedTokens');
type Decorated = {
  [VERIFIED_TOKENS]?: VerifiedTokens;
  [REVOKED_SESSIONS]?: RevokedSessions | null;
  [EXCHANGED_TOKENS]?: ExchangedTokens | null;
};
const verifiedTokensOf = (app: FastifyInstance) => (app as unknown as Decorated)[VERIFIED_TOKENS];
const revokedSessionsOf = (app: FastifyInstance) => (app as unknown as Decorated)[REVOKED_SESSIONS];
const exchangedTokensOf = (app: FastifyInstance) => (app as unknown as Decorated)[EXCHANGED_TOKENS];

/** Verify-only: this process holds the public key, so it can check tokens but never issue one. */
export async function registerJwtAuth(app: FastifyInstance, options: JwtAuthOptions): Promise<void> {
  const {
    publicKey,
    algorithms,
    issuer,
    audience,
    cacheSize = 10_000,
    revokedSessions = null,
    exchange,
  } = options;
  await app.register(fastifyJwt, {
    secret: { public: publicKey },
    verify: {
      algorithms: [...algorithms],
      allowedIss: issuer,
      allowedAud: audience,
      // fast-jwt checks iss/aud only when present: a token without them must not slip through.
      requiredClaims: ['sub', 'role', 'exp', 'iss', 'aud', ...(revokedSessions ? ['sid'] : [])],
      extractToken: tokenFrom,
    },
  });
  app.decorate(VERIFIED_TOKENS, new VerifiedTokens(cacheSize));
  app.decorate(REVOKED_SESSIONS, revokedSessions);
  app.decorate(EXCHANGED_TOKENS, exchange ? new ExchangedTokens(exchange, cacheSize) : null);
}

/** 401 for a token whose session was ended; 503 while this process does not yet know which were. */
function refuseRevoked(user: AuthUser, revoked: RevokedSessions | null | undefined): void {
  if (!revoked) return;
  if (!revoked.loaded) {
    throw new AppError({
      statusCode: 503,
      code: 'revocations_loading',
      message: 'Sign-in is starting; please try again in a moment',
      headers: { 'retry-after': '1' },
    });
  }
  if (typeof user.sid !== 'string' || revoked.isRevoked(user.sid)) {
    throw unauthorized('Your session has ended; please sign in again', 'session_revoked');
  }
}

/** A Kasa token's claims, verified by the plugin's verifier (pinned algorithm, issuer, audience). */
function verifyKasaToken(request: FastifyRequest, token: string): AuthUser {
  let user: AuthUser;
  try {
    user = request.server.jwt.verify<AuthUser>(token);
  } catch (error) {
    request.log.debug({ reason: error instanceof Error ? error.message : String(error) }, 'token rejected');
    throw unauthorized();
  }
  if (typeof user?.sub !== 'string' || typeof user.role !== 'string') throw unauthorized();
  return user;
}

/**
 * Verifies synchronously with the plugin's verifier behind our own cache:
 * `request.jwtVerify()` goes through a callback waterfall and decodes the token a second
 * time, which cost more than the verification itself on a gateway round trip. Only another
 * issuer's token that this process has not traded yet waits for the auth service.
 */
function authenticate(request: FastifyRequest): void | Promise<void> {
  const { jwt } = request.server;
  const cache = verifiedTokensOf(request.server);
  if (jwt === undefined || cache === undefined) {
    throw new Error('registerJwtAuth() must run before routes use requireAuth() or requireRole()');
  }
  const token = tokenFrom(request);
  if (token === undefined) throw unauthorized();
  const revoked = revokedSessionsOf(request.server);
  const nowSeconds = Date.now() / 1000;
  const cached = cache.get(token, nowSeconds);
  if (cached !== undefined) {
    refuseRevoked(cached, revoked);
    request.user = cached;
    return;
  }
  const exchanged = exchangedTokensOf(request.server);
  if (exchanged?.recognises(token)) {
    const known = exchanged.get(token, nowSeconds);
    if (known !== undefined) return carryExchanged(request, known, revoked);
    return exchanged
      .trade(token, request.id, (kasaToken) => verifyKasaToken(request, kasaToken))
      .then((traded) => carryExchanged(request, traded, revoked));
  }
  const user = verifyKasaToken(request, token);
  refuseRevoked(user, revoked);
  cache.set(token, user);
  request.user = user;
}

/**
 * The request goes on as the Kasa token's: the token it came with stays at this gateway, and what
 * the gateway passes on to the services behind (callerToken, forwarded uploads) is one they verify.
 */
function carryExchanged(
  request: FastifyRequest,
  exchanged: Exchanged,
  revoked: RevokedSessions | null | undefined,
) {
  refuseRevoked(exchanged.user, revoked);
  request.user = exchanged.user;
  delete request.headers.authorization;
  request.headers[ACCESS_TOKEN_HEADER] = exchanged.token;
}

/** How long a request waits for a starting gateway's first list of revoked sessions. */
const REVOCATIONS_WAIT_MS = 5_000;

/**
 * Runs `check` once the revoked sessions are known: at once on every request but those that
 * come while the gateway is starting.
 */
function onceRevocationsKnown(
  request: FastifyRequest,
  check: () => void | Promise<void>,
  done: (error?: Error) => void,
) {
  const run = () => {
    try {
      const pending = check();
      if (pending) pending.then(() => done(), done);
      else done();
    } catch (error) {
      done(error as Error);
    }
  };
  const revoked = revokedSessionsOf(request.server);
  if (revoked && !revoked.loaded) revoked.whenLoaded(REVOCATIONS_WAIT_MS).then(run);
  else run();
}

/** preHandler: 401 unless the request carries a valid token; `request.user` is set after it. */
export function requireAuth() {
  return function requireAuthHandler(
    request: FastifyRequest,
    _reply: unknown,
    done: (error?: Error) => void,
  ): void {
    onceRevocationsKnown(request, () => authenticate(request), done);
  };
}

/** preHandler: 401 without a valid token, 403 when its role is not one of `roles`. */
export function requireRole(...roles: string[]) {
  return function requireRoleHandler(
    request: FastifyRequest,
    _reply: unknown,
    done: (error?: Error) => void,
  ): void {
    const checkRole = () => {
      if (!roles.includes(request.user.role)) throw forbidden();
    };
    onceRevocationsKnown(
      request,
      () => {
        const pending = request.user ? undefined : authenticate(request);
        if (pending) return pending.then(checkRole);
        checkRole();
      },
      done,
    );
  };
}

/** The caller's token as it came, for a gateway to pass on to the service that checks it again. */
/** What a gateway passes on with a call on the caller's behalf: their token and the request's id. */
export function asCaller(request: Pick<FastifyRequest, 'headers' | 'id'>) {
  return { headers: callerToken(request), requestId: request.id };
}

export function callerToken(request: { headers: FastifyRequest['headers'] }): Record<string, string> {
  const { authorization } = request.headers;
  const accessToken = request.headers[ACCESS_TOKEN_HEADER];
  return {
    ...(typeof authorization === 'string' ? { authorization } : {}),
    ...(typeof accessToken === 'string' ? { [ACCESS_TOKEN_HEADER]: accessToken } : {}),
  };
}

/**
 * Makes the scope's every route take only tokens of one audience: a service behind a gateway
 * checks the token the gateway checked already, so nothing inside the network is trusted by
 * address alone.
 */
export async function requireTokensFor(
  app: FastifyInstance,
  options: Omit<JwtAuthOptions, 'algorithms'>,
): Promise<void> {
  await registerJwtAuth(app, { ...options, algorithms: ['EdDSA'] });
  app.addHook('onRequest', requireAuth());
}

/** Routes that take one audience's tokens: verified in a scope of their own, before any route runs. */
export function tokenScope<D>(
  audience: 'member' | 'staff',
  keys: { publicKeyPem: string; issuer: string },
  deps: D,
  routes: readonly ((app: HttpApp, deps: D) => void)[],
) {
  return async function register(app: HttpApp): Promise<void> {
    await requireTokensFor(app, { publicKey: keys.publicKeyPem, issuer: keys.issuer, audience });
    for (const route of routes) route(app, deps);
  };
}

/** The verified token's subject as an id: a member's in a member scope, a staff user's in a staff one. */
export function callerId(request: { user: AuthUser }): number {
  const id = Number(request.user.sub);
  if (!Number.isSafeInteger(id) || id < 1) throw unauthorized();
  return id;
}
