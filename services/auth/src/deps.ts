import type { Database } from '@kasa/db';
import { seedTokenVerifier } from '@kasa/http';
import type { Logger } from '@kasa/log';
import type { UnitOfWork } from '@kasa/messaging';
import type { ServiceContext } from '@kasa/runtime';
import type { Static } from 'typebox';
import { type AuthKeys, loadAuthKeys } from './application/keys.ts';
import { PhoneProofIssuer } from './application/phone-proof-issuer.ts';
import type { SeedTokenCheck } from './application/seed-sessions.ts';
import type { SessionPolicy } from './application/sessions.ts';
import { TokenIssuer } from './application/token-issuer.ts';
import type { SendLimits } from './domain/send-limits.ts';
import type { AuthSettings } from './settings.ts';

export type AuthContext = ServiceContext<Static<typeof AuthSettings>>;

/**
 * The auth service's composition root: what its routes and use cases are given, built once per
 * process by the runtime. Each use case names the few of these it needs.
 */
export interface AuthDeps {
  database: Database;
  /** A transaction with its outbox: every change and its events commit together. */
  unitOfWork: UnitOfWork;
  logger: Logger;
  keys: AuthKeys;
  /** The `iss` auth signs tokens with, which its own routes check them for. */
  jwtIssuer: string;
  sessions: SessionPolicy;
  /** Signs the proof that a member holds a new phone, once its code was right. */
  phoneProofs: PhoneProofIssuer;
  limits: SendLimits;
  allowedCountryCodes: string[];
  codeTtlSeconds: number;
  codeMaxTries: number;
  /** Checks the old system's member tokens; null without `SEED_JWT_SECRET` (none is taken). */
  seedTokens: SeedTokenCheck | null;
}

export function buildAuthDeps({ settings, database, messaging, logger }: AuthContext): AuthDeps {
  const keys = loadAuthKeys(settings.JWT_PRIVATE_KEY, settings.SIGN_CODE_SECRET);
  return {
    database,
    unitOfWork: messaging.unitOfWork,
    logger,
    keys,
    jwtIssuer: settings.JWT_ISSUER,
    sessions: {
      issuer: new TokenIssuer({
        privateKeyPem: keys.privateKeyPem,
        issuer: settings.JWT_ISSUER,
        accessTtlSeconds: {
          member: settings.MEMBER_ACCESS_TOKEN_TTL_DAYS * 86_400,
          staff: settings.ACCESS_TOKEN_TTL_SECONDS,
        },
      }),
      refreshTtlDays: settings.REFRESH_TOKEN_TTL_DAYS,
    },
    phoneProofs: new PhoneProofIssuer({ privateKeyPem: keys.privateKeyPem, issuer: settings.JWT_ISSUER }),
    limits: {
      cooldownSeconds: settings.SIGN_COOLDOWN_SECONDS,
      perPhonePerTenMinutes: settings.SIGN_MAX_PER_10_MINUTES,
      perPhonePerDay: settings.SIGN_MAX_PER_DAY,
      perAddressPerHour: settings.SIGN_MAX_PER_ADDRESS_PER_HOUR,
    },
    allowedCountryCodes: settings.SIGN_ALLOWED_COUNTRY_CODES.split(','),
    codeTtlSeconds: settings.SIGN_CODE_TTL_SECONDS,
    codeMaxTries: settings.SIGN_CODE_MAX_TRIES,
    seedTokens: settings.SEED_JWT_SECRET ? seedTokenVerifier(settings.SEED_JWT_SECRET) : null,
  };
}
