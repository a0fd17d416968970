import { createHash, randomBytes } from 'node:crypto';
import { seededRandom } from '@kasa/testing';
import type { Connection } from 'mysql2/promise';
import type { Population } from '../members/data.ts';

const BATCH = 5_000;
/** Contributions members make, in hryvnias: 450.50 checks that kopiyky survive the round trip. */
const AMOUNTS = [100, 150, 300, 450.5, 600, 1_200];
/** LiqPay's ids of the charges: far from anything the fake or a test uses. */
const FIRST_LIQPAY_ID = 2_000_000_000;

/** A pending contribution written into the payment schema, and the callback LiqPay sends for it. */
export interface PlannedPayment {
  /** `payments.id`: the position in the plan plus one. */
  id: number;
  orderId: string;
  memberId: number;
  /** Kopiyky. */
  amount: number;
  /** floor(30 × amount / month price) on the member's program (SPEC §3). */
  days: number;
  /** The urlencoded form (`data`, `signature`) LiqPay posts to the mobile gateway. */
  body: string;
}

export interface PaymentPlan {
  payments: PlannedPayment[];
  /** Each member's paid-until day before the benchmark (null: never paid). */
  paidUntil: Map<number, string | null>;
}

/** LiqPay's signature: base64(sha1(private key + data + private key)). */
const signatureOf = (data: string, privateKey: string) =>
  createHash('sha1')
    .update(privateKey + data + privateKey)
    .digest('base64');

/** A success callback as LiqPay sends it (API version 3), with the fields it usually carries. */
function callbackBody(payment: Omit<PlannedPayment, 'body' | 'days'>, publicKey: string, privateKey: string) {
  const liqpayId = FIRST_LIQPAY_ID + payment.id;
  const now = Date.now();
  const params = {
    payment_id: liqpayId,
    action: 'pay',
    status: 'success',
    version: 3,
    type: 'buy',
    paytype: 'card',
    public_key: publicKey,
    acq_id: 414_963,
    order_id: payment.orderId,
    liqpay_order_id: `BENCH${liqpayId}`,
    description: 'Членський внесок до каси взаємодопомоги',
    sender_card_mask2: '516875*71',
    sender_card_bank: 'pb',
    sender_card_type: 'mc',
    sender_card_country: 804,
    amount: payment.amount / 100,
    currency: 'UAH',
    sender_commission: 0,
    receiver_commission: Math.round(payment.amount * 0.015) / 100,
    agent_commission: 0,
    amount_debit: payment.amount / 100,
    amount_credit: payment.amount / 100,
    commission_debit: 0,
    commission_credit: Math.round(payment.amount * 0.015) / 100,
    currency_debit: 'UAH',
    currency_credit: 'UAH',
    is_3ds: false,
    language: 'uk',
    create_date: now - 4_000,
    end_date: now,
    transaction_id: liqpayId,
  };
  const data = Buffer.from(JSON.stringify(params), 'utf8').toString('base64');
  return new URLSearchParams({ data, signature: signatureOf(data, privateKey) }).toString();
}

/**
 * `count` contributions by the population's approved, active members, each member picked at
 * random (so some pay more than once), each for one of AMOUNTS, with the callback LiqPay
 * would sign for it.
 */
export function planPayments(
  population: Population,
  count: number,
  keys: { publicKey: string; privateKey: string },
  seed = 7,
): PaymentPlan {
  const rnd = seededRandom(seed);
  const prices = new Map(population.programs.map((program) => [program.id, program.monthPrice]));
  const payers = population.members.filter(
    (member) => member.isSubmitted && member.isActive && member.programId !== null,
  );
  const payments: PlannedPayment[] = [];
  for (let index = 0; index < count; index += 1) {
    const member = payers[Math.floor(rnd() * payers.length)]!;
    const amount = Math.round(AMOUNTS[Math.floor(rnd() * AMOUNTS.length)]! * 100);
    const payment = {
      id: index + 1,
      orderId: `kasa-${randomBytes(12).toString('hex')}`,
      memberId: member.id,
      amount,
    };
    payments.push({
      ...payment,
      days: Math.floor((30 * amount) / prices.get(member.programId!)!),
      body: callbackBody(payment, keys.publicKey, keys.privateKey),
    });
  }
  const paidUntil = new Map(population.members.map((member) => [member.id, member.paidUntil]));
  return { payments, paidUntil };
}

/** `2024-06-01 12:00:00.000`: DATETIME(3) in UTC, as the services write it. */
const datetime = (date: Date) => date.toISOString().slice(0, 23).replace('T', ' ');

/**
 * The planned contributions as pending LiqPay checkouts, straight into the payment service's
 * migrated schema (as `POST /me/checkouts` leaves them), in multi-row INSERTs.
 */
export async function seedPendingPayments(
  database: Connection,
  schema: string,
  payments: readonly PlannedPayment[],
): Promise<void> {
  await database.query(`USE \`${schema}\``);
  await database.query('SET SESSION unique_checks = 0, foreign_key_checks = 0');
  const now = datetime(new Date());
  for (let start = 0; start < payments.length; start += BATCH) {
    const batch = payments.slice(start, start + BATCH);
    await database.query('BEGIN');
    await database.query(
      `INSERT INTO payments (id, member_id, kind, source, state, amount, currency, order_id, created_at, updated_at)
       VALUES ?`,
      [
        batch.map((payment) => [
          payment.id,
          payment.memberId,
          'contribution',
          'liqpay',
          'pending',
          payment.amount,
          'UAH',
          payment.orderId,
          now,
          now,
        ]),
      ],
    );
    await database.query('COMMIT');
  }
  await database.query('ANALYZE TABLE payments');
  // Written out now rather than by the background flusher during the measurements.
  await database.query('FLUSH TABLES payments FOR EXPORT');
  await database.query('UNLOCK TABLES');
}
