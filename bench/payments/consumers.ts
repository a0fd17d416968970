import { eventsOf, type ServiceName, SUBSCRIPTIONS } from '@kasa/contracts';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import type { Population } from '../members/data.ts';
import { whole } from '../support/report.ts';
import type { FakeCounts, Fakes } from './fakes.ts';
import type { PlannedPayment } from './seed.ts';

/**
 * The whole system in the payments benchmark: besides the payment and member services, every
 * other consumer of the path's events, as production runs them. Who consumes what is read from
 * the contracts' SUBSCRIPTIONS; today the notification service (member texts to Twilio, the staff
 * chat on Telegram, outbound webhooks) and the audit trail, their third parties faked locally
 * (fakes.ts). Once a run has drained, each must have done its part once: a text per extension
 * that moved a date, a staff message per confirmation, a webhook per event, an audit entry per
 * event.
 */

/** The services with a queue bound to any of `types`. */
export const consumersOf = (types: readonly string[]): ServiceName[] => [
  ...new Set(
    SUBSCRIPTIONS.filter((subscription) => eventsOf(subscription).some((type) => types.includes(type))).map(
      (subscription) => subscription.consumer,
    ),
  ),
];

/** What the consumers owe for a set of confirmed payments. */
export interface Owed {
  texts: number;
  staffMessages: number;
  /** Webhook deliveries by event type. */
  webhooks: Record<string, number>;
  auditEntries: number;
}

/** The consumers' work done so far: the fakes' counts and the audit trail's length. */
export interface Done {
  fakes: FakeCounts;
  auditEntries: number;
}

const BATCH = 5_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class WholeSystem {
  readonly #fakes: Fakes;
  readonly #database: Connection;
  readonly #schemas: { notification: string; audit: string };
  readonly #types: readonly string[];
  /** The trail's length before the benchmark's first callback. */
  #auditBefore = 0;

  constructor(
    fakes: Fakes,
    database: Connection,
    schemas: { notification: string; audit: string },
    /** The event types of the path, which the webhook subscriber takes. */
    types: readonly string[],
  ) {
    this.#fakes = fakes;
    this.#database = database;
    this.#schemas = schemas;
    this.#types = types;
  }

  /**
   * What the consumers know before the first payment, as in production: each member's phone
   * (which the notification service keeps from sign-ups; written straight into its migrated
   * schema, without a paid-until day so the reminder job has nothing to do), and a webhook
   * subscriber for the path's events, registered through the service's staff route.
   */
  async prepare(population: Population, notificationUrl: string, staffToken: string): Promise<void> {
    const schema = `\`${this.#schemas.notification}\``;
    const setAt = new Date(Date.now() - 86_400_000);
    for (let start = 0; start < population.members.length; start += BATCH) {
      await this.#database.query(
        `INSERT INTO ${schema}.member_contacts (member_id, phone, phone_set_at) VALUES ?`,
        [population.members.slice(start, start + BATCH).map((member) => [member.id, member.phone, setAt])],
      );
    }
    const registered = await fetch(`${notificationUrl}/staff/webhooks/subscribers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${staffToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ url: this.#fakes.receiverUrl, description: 'bench', event_types: this.#types }),
    });
    if (registered.status !== 201)
      throw new Error(`registering the webhook subscriber: ${registered.status} ${await registered.text()}`);
    this.#fakes.setSecret(((await registered.json()) as { secret: string }).secret);
    this.#auditBefore = await this.#auditLength();
  }

  async #auditLength(): Promise<number> {
    const [rows] = await this.#database.query<RowDataPacket[]>(
      `SELECT last_sequence FROM \`${this.#schemas.audit}\`.audit_chain_head`,
    );
    return Number(rows[0]?.last_sequence ?? 0);
  }

  async done(): Promise<Done> {
    const [fakes, length] = await Promise.all([this.#fakes.counts(), this.#auditLength()]);
    return { fakes, auditEntries: length - this.#auditBefore };
  }

  /** What the consumers owe for these payments (each confirmed, one callback's worth). */
  owed(payments: readonly PlannedPayment[]): Owed {
    return {
      // A contribution worth less than a day moves no date, and is not texted.
      texts: payments.filter((payment) => payment.days > 0).length,
      staffMessages: payments.length,
      webhooks: Object.fromEntries(this.#types.map((type) => [type, payments.length])),
      auditEntries: payments.length * this.#types.length,
    };
  }

  /**
   * Waits until the consumers have done what they owe, or nothing moved for `stallMs`;
   * what is still missing, one phrase per consumer ([] when all is done).
   */
  async settled(owed: Owed, stallMs: number): Promise<string[]> {
    let last = '';
    let progressAt = performance.now();
    for (;;) {
      const done = await this.done();
      const missing = shortfall(owed, done);
      if (missing.length === 0) return [];
      const now = JSON.stringify(done);
      if (now !== last) {
        last = now;
        progressAt = performance.now();
      } else if (performance.now() - progressAt > stallMs) return missing;
      await sleep(100);
    }
  }

  /**
   * After the run: every text, staff message, webhook and audit entry owed arrived once, and
   * the notification service's own records agree (each text and staff message `sent`, each
   * delivery delivered at its first attempt).
   */
  async verify(owed: Owed): Promise<{ lines: string[]; faults: string[]; measured: string }> {
    const done = await this.done();
    const { fakes } = done;
    const schema = `\`${this.#schemas.notification}\``;
    const [[records]] = (await this.#database.query(
      `SELECT (SELECT COUNT(*) FROM ${schema}.sms_messages WHERE status <> 'sent') AS texts_unsent,
              (SELECT COUNT(*) FROM ${schema}.staff_messages WHERE status <> 'sent') AS staff_unsent,
              (SELECT COUNT(*) FROM ${schema}.webhook_deliveries) AS deliveries,
              (SELECT COUNT(*) FROM ${schema}.webhook_deliveries WHERE status <> 'delivered') AS undelivered,
              (SELECT COALESCE(SUM(attempts), 0) FROM ${schema}.webhook_deliveries) AS attempts`,
    )) as unknown as [[Record<string, number | string>]];
    const n = (key: string) => Number(records![key]);
    const webhooks = Object.values(fakes.webhooks).reduce((sum, count) => sum + count, 0);
    const owedWebhooks = Object.values(owed.webhooks).reduce((sum, count) => sum + count, 0);
    const faults = [
      ...shortfall(owed, done),
      ...surplus(owed, done),
      ...(
        [
          ['texts sent twice', fakes.textsRepeated],
          ['texts refused by the fake Twilio', fakes.textsRefused],
          ['texts not marked sent', n('texts_unsent')],
          ['staff messages posted twice', fakes.staffMessagesRepeated],
          ['staff messages not marked sent', n('staff_unsent')],
          ['webhooks delivered twice', fakes.webhookRepeats],
          ['webhooks with a wrong X-Data-Hash', fakes.webhookBadHashes],
          ['webhooks out of order', fakes.webhookOutOfOrder],
          ['webhook deliveries not delivered', n('undelivered')],
          ['webhook attempts beyond one per delivery', n('attempts') - n('deliveries')],
        ] as const
      )
        .filter(([, count]) => count !== 0)
        .map(([what, count]) => `${what} ${count}`),
    ];
    const byType = Object.entries(fakes.webhooks)
      .map(([type, count]) => `${type} ${whole(count)}`)
      .join(', ');
    return {
      lines: [
        `texts at the fake Twilio ${whole(fakes.texts)} of ${whole(owed.texts)} (${fakes.textsRepeated} twice); ` +
          `staff messages at the fake Telegram ${whole(fakes.staffMessages)} of ${whole(owed.staffMessages)} (${fakes.staffMessagesRepeated} twice)`,
        `webhooks at the receiver ${whole(webhooks)} of ${whole(owedWebhooks)}${byType ? ` (${byType})` : ''}: ` +
          `${fakes.webhookRepeats} twice, ${fakes.webhookBadHashes} badly signed, ${fakes.webhookOutOfOrder} out of order; ` +
          `${whole(n('deliveries'))} delivery rows, ${n('undelivered')} not delivered, ${whole(n('attempts'))} attempts`,
        `audit entries ${whole(done.auditEntries)} of ${whole(owed.auditEntries)}`,
      ],
      faults,
      measured:
        `texts ${whole(fakes.texts)}/${whole(owed.texts)}, staff messages ${whole(fakes.staffMessages)}/${whole(owed.staffMessages)}, ` +
        `webhooks ${whole(webhooks)}/${whole(owedWebhooks)}, audit ${whole(done.auditEntries)}/${whole(owed.auditEntries)}` +
        (faults.length > 0 ? `; ${faults.join(', ')}` : ''),
    };
  }

  stop(): Promise<void> {
    return this.#fakes.stop();
  }
}

/** What is still owed, a phrase per consumer that is behind. */
function shortfall(owed: Owed, done: Done): string[] {
  const missing: string[] = [];
  if (done.fakes.texts < owed.texts) missing.push(`texts ${owed.texts - done.fakes.texts} missing`);
  if (done.fakes.staffMessages < owed.staffMessages)
    missing.push(`staff messages ${owed.staffMessages - done.fakes.staffMessages} missing`);
  for (const [type, count] of Object.entries(owed.webhooks)) {
    const arrived = done.fakes.webhooks[type] ?? 0;
    if (arrived < count) missing.push(`${type} webhooks ${count - arrived} missing`);
  }
  if (done.auditEntries < owed.auditEntries)
    missing.push(`audit entries ${owed.auditEntries - done.auditEntries} missing`);
  return missing;
}

/** More than owed: work done twice (or for something never sent). */
function surplus(owed: Owed, done: Done): string[] {
  const extra: string[] = [];
  if (done.fakes.texts > owed.texts) extra.push(`texts ${done.fakes.texts - owed.texts} too many`);
  if (done.fakes.staffMessages > owed.staffMessages)
    extra.push(`staff messages ${done.fakes.staffMessages - owed.staffMessages} too many`);
  for (const [type, arrived] of Object.entries(done.fakes.webhooks)) {
    const count = owed.webhooks[type] ?? 0;
    if (arrived > count) extra.push(`${type} webhooks ${arrived - count} too many`);
  }
  if (done.auditEntries > owed.auditEntries)
    extra.push(`audit entries ${done.auditEntries - owed.auditEntries} too many`);
  return extra;
}
