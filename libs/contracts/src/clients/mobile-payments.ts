import { Type } from 'typebox';
import { Nullable } from '../http/members.ts';
import { SeedDate } from '../http/seed-dates.ts';
import { SeedStatusError } from './seed-errors.ts';
import { PythonFloatText } from './seed-formats.ts';

/**
 * The member app's payments (SPEC §6 rows 11, 12, 18, 19), as seeds/000 kasa-app/main.py answers
 * them: `payments_get` (`/user/charges/list`), `charges_get` (`/user/payments/list`), `liqpay`
 * and `liqpay_callback`.
 */

/**
 * seeds/000 kasa-app/main.py payments_get: `{date: get_date(pm.payment_date, "%d.%m.%Y"), sum:
 * str(pm.suma), diagnosis: pm.request.diagnos, request_id, type: pm.payment_type.name}`. The seed
 * read `pm.suma` of a Payments row, which has `amount`, and filtered on `Payments.date`, which is
 * `payment_date`: broken as written, so Kasa answers the payment's amount and filters on the
 * payment's day, as the route plan says.
 */
export const MobileCharge = Type.Object({
  date: SeedDate,
  sum: { ...PythonFloatText, description: "hryvnias, as Python's str() of a float; negative for a reversal" },
  diagnosis: Type.String(),
  request_id: Nullable(Type.Integer()),
  type: Type.String({ description: 'the payment type: Відшкодування or Часткове відшкодування' }),
});

/** seeds/000 kasa-app/main.py payments_get: `jsonify(results)`, the member's payouts. */
export const MobileChargesAnswer = Type.Array(MobileCharge);

/**
 * seeds/000 kasa-app/main.py charges_get: `{date, sum: str(pm.suma), payed_to: None}` (`pm.suma`
 * broken as written, as above: Kasa answers the amount). The seed always sent `payed_to` null;
 * Kasa fills it with the day the membership ran to once the contribution was applied.
 */
export const MobileContribution = Type.Object({
  date: SeedDate,
  sum: PythonFloatText,
  payed_to: Nullable({ ...SeedDate, description: 'the membership ran to this day once it was applied' }),
});

/** seeds/000 kasa-app/main.py charges_get: `jsonify(results)`, the member's contributions. */
export const MobilePaymentsAnswer = Type.Array(MobileContribution);

/** seeds/000 kasa-app/main.py liqpay: `{signature, data}` for the LiqPay checkout (keys sorted, as jsonify sorted them). */
export const MobileLiqPayAnswer = Type.Object({
  data: Type.String({ description: 'base64 JSON of the checkout parameters' }),
  signature: Type.String({ description: 'base64 sha1 of private key + data + private key' }),
});

/**
 * seeds/000 kasa-app/main.py liqpay_callback: `{status: 'success', message: 'Платіж успішно
 * підтверджено', data}` with `data` the decoded parameters. Kasa checks LiqPay's signature first
 * (400 when it is not the fund's), which the seed never did.
 */
export const MobileLiqPayCallbackAnswer = Type.Object({
  status: Type.String(),
  message: Type.String(),
  data: Type.Record(Type.String(), Type.Unknown(), { description: 'the parameters LiqPay signed' }),
});

/** seeds/000 kasa-app/main.py liqpay_callback: 404 `Платіж не знайдено` (an order Kasa never made). */
export const MobileLiqPayCallbackNotFound = SeedStatusError;

/** The seed's texts, as its clients and LiqPay's logs show them. */
export const MOBILE_PAYMENT_MESSAGES = {
  callbackHandled: 'Платіж успішно підтверджено',
  paymentNotFound: 'Платіж не знайдено',
} as const;
