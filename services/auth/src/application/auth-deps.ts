import { type SeedTokenClaims, seedTokenVerifier } from '@kasa/http';
import type { ServiceContext } from '@kasa/runtime';
import type { Static } from 'typebox';
import type { SendLimits } from '../domain/send-limits.ts';
import type { AuthSettings } from '../settings.ts';
import { type AuthKeys, loadAuthKeys } from './keys.ts';
import { PhoneProofIssuer } from './phone-proof-issuer.ts';
import type { SessionPolicy } from './sessions.ts';
import { TokenIssuer } from './token-issuer.ts';

export type AuthContext = ServiceContext<Static<typeof AuthSettings>>;

/** What the auth use cases need beside the service context, built once per service. */
export interface AuthDeps {
  context: AuthContext;
  keys: AuthKeys;
  sessions: SessionPolicy;
  /** Signs the proof that a member holds a new phone, once its code was right. */
  phoneProofs: PhoneProofIssuer;
  limits: SendLimits;
  allowedCountryCodes: string[];
  codeTtlSeconds: number;
  codeMaxTries: number;
  /** Checks the old system's member tokens; null without `SEED_JWT_SECRET` (none is taken). */
  seedTokens: ((token: string, nowSeconds: number) => SeedTokenClaims | null) | null;
}

const built = new WeakMap<AuthContext, AuthDeps>();

export function authDeps(context: AuthContext): AuthDeps {
  const existing = built.get(context);
  if (existing) return existing;
  const { settings } = context;
  const keys = loadAuthKeys(settings.JWT_PRIVATE_KEY, settings.SIGN_CODE_SECRET);
  const deps: AuthDeps = {
    context,
    keys,
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
  built.set(context, deps);
  return deps;
}
