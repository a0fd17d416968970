import { Type } from 'typebox';

const Count = Type.Integer({ minimum: 0 });
const Kopiyky = Type.Integer({ description: 'kopiyky' });
const Day = Type.String({ format: 'date', description: 'a Kyiv calendar day, YYYY-MM-DD' });

/**
 * Members by the one state each is in, checked in this order: blocked; not yet approved
 * (without a profile, or waiting for staff to review it); approved and paid up to today or
 * later (Kyiv), lapsed, or never paid.
 */
export const MemberCounts = Type.Object({
  blocked: Count,
  signed_up: Type.Integer({ minimum: 0, description: 'signed in, no profile sent yet' }),
  waiting_review: Type.Integer({ minimum: 0, description: 'profile sent, not approved yet' }),
  active: Count,
  lapsed: Count,
  never_paid: Count,
  total: Count,
});

/** Confirmed contributions by the Kyiv day the money moved; reversing entries net the sums. */
export const ContributionTotals = Type.Object({
  today: Day,
  month_start: Day,
  today_count: Count,
  today_sum: Kopiyky,
  month_count: Count,
  month_sum: Kopiyky,
  /** Each of the last 30 Kyiv days, today last, with days of no contributions as zeros. */
  days: Type.Array(Type.Object({ day: Day, count: Count, sum: Kopiyky }), { maxItems: 30 }),
});

/** How many Kyiv days the dashboard's chart of contributions covers, today included. */
export const CONTRIBUTION_CHART_DAYS = 30;

/** Requests by status. */
export const RequestCounts = Type.Object({
  opened: Count,
  awaiting_agent: Count,
  awaiting_client: Count,
  closed: Count,
});

/** Outbound webhook deliveries that are not getting through. */
export const DeliveryHealth = Type.Object({
  retrying: Type.Integer({ minimum: 0, description: 'failed at least once, waiting for the next attempt' }),
  dead: Type.Integer({ minimum: 0, description: 'gave up: in the dead-letter list until replayed' }),
  disabled_subscribers: Count,
});
