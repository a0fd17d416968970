import type { LIQPAY_CALLBACK_RESULTS } from '@kasa/contracts';

/** What became of a LiqPay report: applied, already so, no such order, or flagged for staff. */
export type ReportResult = (typeof LIQPAY_CALLBACK_RESULTS)[number];
