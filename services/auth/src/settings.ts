import { SeedTokenSecret } from '@kasa/config';
import { Type } from 'typebox';

const seconds = (defaultValue: number, minimum = 1) => Type.Integer({ minimum, default: defaultValue });

/** The auth service's own variables (SPEC §5 for the key; the rest are its limits). */
export const AuthSettings = Type.Object({
  /** Ed25519 private key, PEM or the path of a PEM file: only auth signs tokens. */
  JWT_PRIVATE_KEY: Type.String({ minLength: 1 }),
  JWT_ISSUER: Type.String({ default: 'kasa-auth' }),
  /** Staff access tokens: minutes, as the seed's admin app gave. */
  ACCESS_TOKEN_TTL_SECONDS: Type.Integer({ minimum: 60, maximum: 3600, default: 900 }),
  /**
   * Members' access tokens: as long as the seed's (30 days), since the app keeps the one token it
   * gets and knows no refresh. Revocation (block, phone change, sign-out) ends them early.
   */
  MEMBER_ACCESS_TOKEN_TTL_DAYS: Type.Integer({ minimum: 1, maximum: 90, default: 30 }),
  REFRESH_TOKEN_TTL_DAYS: Type.Integer({ minimum: 1, maximum: 365, default: 30 }),
  /** Key for the codes' hashes; derived from the private key when not given. */
  SIGN_CODE_SECRET: Type.Optional(Type.String({ minLength: 32 })),
  SIGN_CODE_TTL_SECONDS: seconds(300, 60),
  SIGN_CODE_MAX_TRIES: Type.Integer({ minimum: 1, maximum: 20, default: 5 }),
  SIGN_COOLDOWN_SECONDS: seconds(60, 0),
  SIGN_MAX_PER_10_MINUTES: Type.Integer({ minimum: 1, default: 5 }),
  SIGN_MAX_PER_DAY: Type.Integer({ minimum: 1, default: 10 }),
  SIGN_MAX_PER_ADDRESS_PER_HOUR: Type.Integer({ minimum: 1, default: 20 }),
  /** Calling codes whose numbers may sign in by SMS, comma-separated. */
  SIGN_ALLOWED_COUNTRY_CODES: Type.String({
    default: '380',
    pattern: '^[1-9][0-9]{0,2}(,[1-9][0-9]{0,2})*$',
  }),
  /** The old system's token secret: its members' tokens are traded for sessions here. */
  ...SeedTokenSecret,
});
