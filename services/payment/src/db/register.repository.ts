import type { PaymentKindName as PaymentKind } from '@kasa/contracts';
import type { Executor } from '@kasa/db';
import { and, count, desc, eq, gte, inArray, isNotNull, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { PaymentState } from '../domain/payment-state.ts';
import type { PaymentRow } from './payments.repository.ts';
import { payments } from './schema.ts';

/** The register's filters; each one given narrows the list (they combine with AND). */
export interface RegisterFilter {
  kinds?: PaymentKind[];
  states?: PaymentState[];
  /** Kyiv days the money moved, both included. */
  paidFrom?: string;
  paidTo?: string;
  /** Kopiyky, both included. */
  amountMin?: number;
  amountMax?: number;
  memberIds?: number[];
  requestIds?: number[];
  /** Only payments waiting for a decision (flagged: not as ordered, or no program to price them). */
  flagged?: boolean;
}

function conditionsOf(filter: RegisterFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [
    filter.kinds?.length ? inArray(payments.kind, filter.kinds) : undefined,
    filter.states?.length ? inArray(payments.state, filter.states) : undefined,
    filter.paidFrom === undefined ? undefined : gte(payments.paidOn, filter.paidFrom),
    filter.paidTo === undefined ? undefined : lte(payments.paidOn, filter.paidTo),
    filter.amountMin === undefined ? undefined : gte(payments.amount, filter.amountMin),
    filter.amountMax === undefined ? undefined : lte(payments.amount, filter.amountMax),
    filter.memberIds === undefined ? undefined : inArray(payments.memberId, filter.memberIds),
    filter.requestIds === undefined ? undefined : inArray(payments.requestId, filter.requestIds),
    filter.flagged === undefined
      ? undefined
      : filter.flagged
        ? isNotNull(payments.flag)
        : isNull(payments.flag),
  ];
  return and(...conditions);
}

/** A page of the register, latest first, with how many payments match in all and their sum. */
export async function searchRegister(
  tx: Executor,
  filter: RegisterFilter,
  page: { offset: number; limit: number },
): Promise<{ rows: PaymentRow[]; total: number; sum: number }> {
  if (filter.memberIds?.length === 0 || filter.requestIds?.length === 0)
    return { rows: [], total: 0, sum: 0 };
  const where = conditionsOf(filter);
  const [rows, [counted]] = await Promise.all([
    tx
      .select()
      .from(payments)
      .where(where)
      .orderBy(desc(payments.createdAt), desc(payments.id))
      .limit(page.limit)
      .offset(page.offset),
    tx
      .select({ total: count(), sum: sql<string>`COALESCE(SUM(${payments.amount}), 0)` })
      .from(payments)
      .where(where),
  ]);
  return { rows, total: counted?.total ?? 0, sum: Number(counted?.sum ?? 0) };
}

/** A member's payouts (and their reversals) on the days from `from` to `to`, latest first. */
export function payoutsOf(tx: Executor, memberId: number, from?: string, to?: string): Promise<PaymentRow[]> {
  return tx
    .select()
    .from(payments)
    .where(
      and(
        eq(payments.memberId, memberId),
        inArray(payments.kind, ['payout', 'partial_payout']),
        eq(payments.state, 'confirmed'),
        from === undefined ? undefined : gte(payments.paidOn, from),
        to === undefined ? undefined : lte(payments.paidOn, to),
      ),
    )
    .orderBy(desc(payments.paidOn), desc(payments.id));
}
