import type { Database } from '@kasa/db';
import {
  type LeftBehind,
  type SeedChanges,
  type SeedRow,
  seedDateTimeOfInstant,
  type VerifyContext,
} from '@kasa/seed-import';
import { asc, gt, inArray } from 'drizzle-orm';
import { payments, subscriptions } from '../db/schema.ts';
import {
  fateOf,
  type KasaPayment,
  SEED_IBAN_LENGTH,
  seedInstantOf,
  seedPaymentDateOf,
  seedPaymentRowOf,
} from './seed-payment-back.ts';
import { SeedPaymentKinds } from './seed-payment-kinds.ts';

/** Seed rows read at a time; Kasa's payments read a page at a time. */
const READ = 20_000;
const PAGE = 5_000;

/**
 * The payment service's side of a switch back: what `payments` holds that the old table lacks.
 *
 * Only money that moved goes back, as the old system kept it (a row per payment, dated when the
 * money moved): payments made in Kasa that are confirmed (contributions through LiqPay or entered
 * by staff, payouts, and correcting entries as the negative payments they are) are inserted under
 * their Kasa ids; old rows get the `payment_date` Kasa gave them since (an order the seed never saw
 * paid, confirmed by a late callback). Nothing else of an old row can change in Kasa (a payment's
 * amount, member, request, IBAN and order are never edited; a mistake gets a correcting entry), so
 * nothing else is compared: the import's own readings of those columns (a duplicate order id taken
 * as none, an amount NULL taken as 0) are not Kasa's changes and must not overwrite the old rows.
 *
 * Left behind, by row: checkouts not paid (waiting, refused, flagged), refunds (the old table has
 * no state: a refunded contribution made in Kasa does not go back, an old one still shows paid
 * there), what the old columns cannot say (the entry a correction corrects, a subscription's order,
 * who entered a payment and their note), and the subscriptions LiqPay still charges.
 *
 * Grants are not written back: what staff granted a request is the request service's
 * (`requests.suma`); `request_grants` is only this service's copy of it.
 */
export async function paymentChangesSince(
  database: Database,
  { seedRows }: VerifyContext,
): Promise<SeedChanges> {
  const kinds = new SeedPaymentKinds();
  for await (const rows of seedRows('payment_types', READ)) for (const row of rows) kinds.learn(row);
  const seed = await seedPaymentDates(seedRows);

  const inserted: SeedRow[] = [];
  const updated: SeedRow[] = [];
  const left = {
    waiting: [] as number[],
    unpaid: [] as number[],
    flagged: [] as number[],
    refundedNew: [] as number[],
    refundedOld: [] as number[],
    noType: [] as number[],
    corrections: [] as number[],
    charges: [] as number[],
    ibans: [] as number[],
    staff: [] as number[],
  };

  for (let after = 0; ; ) {
    const page: KasaPayment[] = await database.db
      .select({
        id: payments.id,
        memberId: payments.memberId,
        kind: payments.kind,
        state: payments.state,
        amount: payments.amount,
        orderId: payments.orderId,
        confirmedAt: payments.confirmedAt,
        paidOn: payments.paidOn,
        requestId: payments.requestId,
        iban: payments.iban,
        reversesPaymentId: payments.reversesPaymentId,
        subscriptionId: payments.subscriptionId,
        recordedBy: payments.recordedBy,
        note: payments.note,
        createdAt: payments.createdAt,
        updatedAt: payments.updatedAt,
      })
      .from(payments)
      .where(gt(payments.id, after))
      .orderBy(asc(payments.id))
      .limit(PAGE);
    for (const payment of page) {
      const fate = fateOf(payment);
      if (payment.recordedBy !== null || payment.note !== null) left.staff.push(payment.id);
      const old = seed.get(payment.id);
      if (old === undefined) {
        // No old row of its id: made in Kasa (keptIds), and only money goes back.
        if (fate === 'waiting') left.waiting.push(payment.id);
        else if (fate === 'unpaid') left.unpaid.push(payment.id);
        else if (fate === 'flagged') left.flagged.push(payment.id);
        else if (fate === 'refunded') left.refundedNew.push(payment.id);
        if (fate !== 'money') continue;
        const type = kinds.typeIdOf(payment.kind);
        if (type === null) {
          left.noType.push(payment.id);
          continue;
        }
        inserted.push(seedPaymentRowOf(payment, type));
      } else {
        // In the old table: the day it was paid is what Kasa can have given it since. Kasa never
        // takes a payment's date away (a refund keeps it), so an old date is never cleared.
        const paidAt = seedPaymentDateOf(payment);
        if (paidAt !== null && seedInstantOf(paidAt) !== old)
          updated.push({
            id: payment.id,
            payment_date: paidAt,
            updated_at: seedDateTimeOfInstant(payment.updatedAt),
          });
        if (fate === 'flagged') left.flagged.push(payment.id);
        else if (fate === 'refunded') left.refundedOld.push(payment.id);
        if (fate !== 'money') continue;
      }
      // Money the old table holds (or is about to), without what its columns cannot say.
      if (payment.reversesPaymentId !== null) left.corrections.push(payment.id);
      if (payment.subscriptionId !== null) left.charges.push(payment.id);
      if (payment.iban !== null && payment.iban.length > SEED_IBAN_LENGTH) left.ibans.push(payment.id);
    }
    if (page.length < PAGE) break;
    after = page.at(-1)!.id;
  }

  const charging = await database.db
    .select({ id: subscriptions.id })
    .from(subscriptions)
    .where(inArray(subscriptions.state, ['pending', 'active']))
    .orderBy(asc(subscriptions.id));

  const behind = (what: string, ids: number[], why: string): LeftBehind => ({
    what,
    table: 'payments',
    ids,
    why,
  });
  return {
    changes: [
      { what: 'payments made in Kasa', table: 'payments', action: 'insert', rows: inserted },
      {
        what: 'old orders paid in Kasa (a late LiqPay callback)',
        table: 'payments',
        action: 'update',
        rows: updated,
      },
    ],
    leftBehind: [
      behind(
        'checkouts waiting for LiqPay',
        left.waiting,
        'not paid yet, and only money goes back; should LiqPay still pay one, the old system has no row for its order: settle them in Kasa (the reconciliation with LiqPay) before switching back',
      ),
      behind(
        'checkouts never paid',
        left.unpaid,
        'LiqPay refused them or never settled them: no money moved',
      ),
      behind(
        'payments flagged for staff',
        left.flagged,
        'LiqPay reported a payment that does not match its order (amount, currency or account) and it was never credited; the old table has no state for it: settle it in LiqPay’s account',
      ),
      behind(
        'contributions made in Kasa and refunded through LiqPay',
        left.refundedNew,
        'the money came and went back; the old table has no state and no refund, so a row would count as money the fund holds',
      ),
      behind(
        'old contributions refunded through LiqPay in Kasa',
        left.refundedOld,
        'the old table has no state for a refund: the old row still shows it paid; mark it on the old admin site',
      ),
      behind(
        'payments of a kind the old payment types do not have',
        left.noType,
        'the old payment_types table has no type for their kind, and its thesis id is another type',
      ),
      behind(
        'correcting entries: the entry each corrects',
        left.corrections,
        'they go back as negative payments of the same type; the old table has no column for the entry they correct',
      ),
      behind(
        'LiqPay subscription charges: their order and LiqPay payment id',
        left.charges,
        'they go back without an order id: the subscription’s order names all its charges, and the old callback would date every row of an order again',
      ),
      behind(
        'payout accounts too long for the old column',
        left.ibans,
        `the old iban column holds ${SEED_IBAN_LENGTH} characters: the payment goes back without its account`,
      ),
      behind(
        'who entered, corrected or refunded a payment, and their note',
        left.staff,
        'the old table has no columns for them',
      ),
      behind(
        'automatic monthly dues, by subscription id',
        charging.map(({ id }) => id),
        'the old system has no subscriptions and LiqPay keeps charging them: cancel them in Kasa (or in LiqPay’s account) before switching back',
      ),
    ],
  };
}

/**
 * Every old payment's `payment_date` by its id, as the instant the import read it (milliseconds,
 * null when none: paymentOfSeed's `confirmedAt`). Every old row is here, brought over or not: the
 * import moves Kasa's sequence past the old table's largest id (keptIds), so a payment made in Kasa
 * never has an old row's id, and an old row the import left (a type Kasa has no kind for) has no
 * payment in Kasa to meet.
 */
async function seedPaymentDates(seedRows: VerifyContext['seedRows']): Promise<Map<number, number | null>> {
  const dates = new Map<number, number | null>();
  for await (const rows of seedRows('payments', READ)) {
    for (const row of rows) dates.set(Number(row.id), seedInstantOf(row.payment_date));
  }
  return dates;
}
