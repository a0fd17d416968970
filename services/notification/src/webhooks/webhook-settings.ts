import { Type } from 'typebox';
import { isRange } from './domain/address-policy.ts';
import { DEFAULT_RETRY_DELAYS_MS, parseRetryDelays } from './domain/retry-schedule.ts';

/** The variables of the service's staff routes and of outbound webhooks (README, "Webhooks"). */
export const WebhookVariables = {
  /** The auth service's public key (PEM, or the path of a PEM file): staff tokens for the webhook routes. */
  JWT_PUBLIC_KEY: Type.Optional(Type.String({ minLength: 1 })),
  JWT_ISSUER: Type.String({ default: 'kasa-auth' }),
  /** One attempt, connecting included: a 2xx within it is a delivery. */
  WEBHOOK_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 120_000, default: 15_000 }),
  /** The pauses before each retry, in milliseconds; after the last retry fails, the delivery is dead. */
  WEBHOOK_RETRY_DELAYS_MS: Type.String({
    pattern: '^ *[0-9]+( *, *[0-9]+)* *$',
    default: DEFAULT_RETRY_DELAYS_MS.join(','),
  }),
  /** Attempts one instance has under way at once for one subscriber. */
  WEBHOOK_MAX_IN_FLIGHT: Type.Integer({ minimum: 1, maximum: 1_000, default: 64 }),
  /** How often an idle worker looks for due deliveries (others' retries, new events). */
  WEBHOOK_POLL_MS: Type.Integer({ minimum: 10, maximum: 60_000, default: 500 }),
  /**
   * A delivery waits this long after its event is recorded: an earlier event of the same object
   * that another consumer is recording at the same moment goes first.
   */
  WEBHOOK_ORDER_GRACE_MS: Type.Integer({ minimum: 0, maximum: 60_000, default: 1_000 }),
  /**
   * With NODE_ENV=production webhooks reach public addresses only; these ranges (comma-separated,
   * `10.20.0.0/16`) are allowed besides, for receivers inside the fund's own network.
   */
  WEBHOOK_ALLOWED_PRIVATE_RANGES: Type.String({ default: '' }),
  /** Delivered deliveries and attempts are kept this many days. */
  WEBHOOK_RETENTION_DAYS: Type.Integer({ minimum: 1, maximum: 3_650, default: 30 }),
};

/** The ranges of WEBHOOK_ALLOWED_PRIVATE_RANGES. */
export const allowedRangesOf = (text: string): string[] =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

/** What is wrong with the webhook variables taken together, or null. */
export function webhookSettingsProblem(settings: {
  NODE_ENV: string;
  JWT_PUBLIC_KEY?: string | undefined;
  WEBHOOK_RETRY_DELAYS_MS: string;
  WEBHOOK_ALLOWED_PRIVATE_RANGES: string;
}): string | null {
  if (settings.NODE_ENV === 'production' && settings.JWT_PUBLIC_KEY === undefined)
    return 'JWT_PUBLIC_KEY is required when NODE_ENV=production (the staff routes check tokens with it)';
  try {
    parseRetryDelays(settings.WEBHOOK_RETRY_DELAYS_MS);
  } catch {
    return 'WEBHOOK_RETRY_DELAYS_MS must list pauses of at least 1 ms';
  }
  const bad = allowedRangesOf(settings.WEBHOOK_ALLOWED_PRIVATE_RANGES).find((range) => !isRange(range));
  if (bad !== undefined)
    return `WEBHOOK_ALLOWED_PRIVATE_RANGES: ${bad} is not an address range like 10.20.0.0/16`;
  return null;
}
