import { Type } from 'typebox';
import type { AllowedTarget } from './domain/address-policy.ts';
import { parseAllowedTargets, wideOpenMachineTargets } from './domain/allowed-targets.ts';
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
   * Webhooks reach public addresses only, in every mode; these targets (comma-separated
   * addresses or ranges, each with an optional port: `10.20.0.0/16`, `10.20.0.7:8443`,
   * `127.0.0.1:9000`, `[::1]:9000`) are allowed besides: receivers inside the fund's own network,
   * a test's or a developer's receiver on this machine.
   */
  WEBHOOK_ALLOWED_TARGETS: Type.String({ default: '' }),
  /** Replaced by WEBHOOK_ALLOWED_TARGETS (the same entries are valid there); refused when set. */
  WEBHOOK_ALLOWED_PRIVATE_RANGES: Type.Optional(Type.String()),
  /** Delivered deliveries and attempts are kept this many days. */
  WEBHOOK_RETENTION_DAYS: Type.Integer({ minimum: 1, maximum: 3_650, default: 30 }),
};

/** The targets of WEBHOOK_ALLOWED_TARGETS (already checked by webhookSettingsProblem). */
export const allowedTargetsOf = (settings: { WEBHOOK_ALLOWED_TARGETS: string }): AllowedTarget[] =>
  parseAllowedTargets(settings.WEBHOOK_ALLOWED_TARGETS).targets ?? [];

/** What is wrong with the webhook variables taken together, or null. */
export function webhookSettingsProblem(settings: {
  NODE_ENV: string;
  JWT_PUBLIC_KEY?: string | undefined;
  WEBHOOK_RETRY_DELAYS_MS: string;
  WEBHOOK_ALLOWED_TARGETS: string;
  WEBHOOK_ALLOWED_PRIVATE_RANGES?: string | undefined;
}): string | null {
  if (settings.NODE_ENV === 'production' && settings.JWT_PUBLIC_KEY === undefined)
    return 'JWT_PUBLIC_KEY is required when NODE_ENV=production (the staff routes check tokens with it)';
  try {
    parseRetryDelays(settings.WEBHOOK_RETRY_DELAYS_MS);
  } catch {
    return 'WEBHOOK_RETRY_DELAYS_MS must list pauses of at least 1 ms';
  }
  if ((settings.WEBHOOK_ALLOWED_PRIVATE_RANGES ?? '').trim() !== '')
    return 'WEBHOOK_ALLOWED_PRIVATE_RANGES is now WEBHOOK_ALLOWED_TARGETS (its ranges are valid there as they are, in every mode)';
  const { targets, unreadable } = parseAllowedTargets(settings.WEBHOOK_ALLOWED_TARGETS);
  if (targets === null)
    return `WEBHOOK_ALLOWED_TARGETS: ${unreadable} is not an address or range with an optional port, like 10.20.0.0/16, 10.20.0.7:8443 or [::1]:9000`;
  const wideOpen = wideOpenMachineTargets(targets);
  if (settings.NODE_ENV === 'production' && wideOpen.length > 0)
    return (
      `WEBHOOK_ALLOWED_TARGETS: ${wideOpen.map(({ text }) => text).join(', ')} would let webhooks reach every port ` +
      'of this machine or the link-local range (the database, the broker, the metadata endpoint); in production ' +
      "name the receiver's port, like 127.0.0.1:9000"
    );
  return null;
}
