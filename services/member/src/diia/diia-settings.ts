import { CommonConfig, url } from '@kasa/config';
import { type Static, type TObject, type TSchema, Type } from 'typebox';

/** Diia's test host; production is `https://api2.diia.gov.ua`. */
export const DIIA_TEST_API_URL = 'https://api2s.diia.gov.ua';

/** Ids Diia hands out go into URL paths: letters, digits, `-` and `_` only. */
const DiiaId = Type.String({ pattern: '^[A-Za-z0-9_-]{1,256}$' });

/**
 * The Diia variables (SPEC §5), to spread into a service's own settings object. Diia is
 * optional outside production use: without an acquirer token the member cannot import from
 * Diia and fills the profile by hand.
 */
export const DiiaVariables = {
  /** The acquirer API: Diia's test host by default. */
  DIIA_API_URL: url(DIIA_TEST_API_URL, ['https', 'http']),
  /** The fund's acquirer token: the last segment of `GET /api/v1/auth/acquirer/<token>`. */
  DIIA_ACQUIRER_TOKEN: Type.Optional(Type.String({ minLength: 1 })),
  /**
   * The Basic credential Diia issues with the token (its SDKs call it `auth_acquirer_token`):
   * either the base64 form Diia sends, or `login:password` as the seed kept it.
   */
  DIIA_AUTH_ACQUIRER_TOKEN: Type.Optional(Type.String({ minLength: 1 })),
  /** The fund's branch (`_id` from `POST /api/v2/acquirers/branch`). */
  DIIA_BRANCH_ID: Type.Optional(DiiaId),
  /** The sharing offer for `internal-passport` and `taxpayer-card`; created once per process when absent. */
  DIIA_OFFER_ID: Type.Optional(DiiaId),
  /** The universal link the app returns through; `PUBLIC_URL` + `/diia/` when absent. */
  DIIA_RETURN_LINK: Type.Optional(Type.String({ pattern: '^https?://\\S+$' })),
  /**
   * Who decrypts Diia's callbacks: the URL of the sidecar that runs the vendor's DSTU library
   * (see http-diia-decryptor.ts), or `test` for the fake Diia's envelopes (refused in
   * production). Absent: callbacks are kept undecrypted and answered 503.
   */
  DIIA_DECRYPTOR: Type.Optional(Type.String({ pattern: '^(test|https?://\\S+)$' })),
  /** One call to Diia or to the decryptor, from connecting to the last byte of the answer. */
  DIIA_TIMEOUT_MS: Type.Integer({ minimum: 1, default: 10_000 }),
};

const DiiaObject = Type.Object({ NODE_ENV: CommonConfig.NODE_ENV, ...DiiaVariables });

export type DiiaSettings = Static<typeof DiiaObject>;

type Checked = Pick<DiiaSettings, 'NODE_ENV' | 'DIIA_ACQUIRER_TOKEN' | 'DIIA_BRANCH_ID' | 'DIIA_DECRYPTOR'>;

const RULES: readonly { holds: (settings: Checked) => boolean; message: string }[] = [
  {
    holds: (settings) => settings.NODE_ENV !== 'production' || settings.DIIA_DECRYPTOR !== 'test',
    message: 'DIIA_DECRYPTOR=test is refused when NODE_ENV=production (it trusts unsigned test envelopes)',
  },
  {
    holds: (settings) => settings.DIIA_ACQUIRER_TOKEN === undefined || settings.DIIA_BRANCH_ID !== undefined,
    message: 'DIIA_BRANCH_ID is required when DIIA_ACQUIRER_TOKEN is set',
  },
];

/**
 * Adds the Diia rules to a settings object that holds `NODE_ENV` and {@link DiiaVariables},
 * so a service that spreads the variables into its own schema keeps the checks.
 */
export function refineDiiaSettings<S extends TObject>(schema: S): S {
  let refined: TSchema = schema;
  for (const rule of RULES) {
    refined = Type.Refine(
      refined,
      (value) => rule.holds(value as Checked),
      () => rule.message,
    );
  }
  return refined as S;
}

/** The Diia variables on their own, with their rules; typed as the plain object `loadConfig` takes. */
export const DiiaSettings: typeof DiiaObject = refineDiiaSettings(DiiaObject);

/** Whether members can import from Diia: an acquirer token and a branch are set. */
export function isDiiaConfigured<T extends Partial<DiiaSettings>>(
  settings: T,
): settings is T & { DIIA_ACQUIRER_TOKEN: string; DIIA_BRANCH_ID: string } {
  return settings.DIIA_ACQUIRER_TOKEN !== undefined && settings.DIIA_BRANCH_ID !== undefined;
}

/** Where Diia sends the member back: DIIA_RETURN_LINK, else the gateway's `/diia/` (the app's universal link). */
export function diiaReturnLink(settings: Pick<DiiaSettings, 'DIIA_RETURN_LINK'>, publicUrl: string): string {
  return settings.DIIA_RETURN_LINK ?? `${publicUrl.replace(/\/+$/, '')}/diia/`;
}
