import { type Static, Type } from 'typebox';
import { Nullable } from './members.ts';

/**
 * LiqPay's callback form, declared once: the mobile gateway reads it with this schema, the
 * payment service reads it again with the same one, and `liqpay_callbacks` keeps what passed.
 *
 * Both fields are base64 text, so a character is a byte (ASCII), whatever the client's
 * encoding: the limits in characters are the limits in bytes, and a `text` column (65,535
 * bytes) holds any `data` that passes. Cyrillic or any other non-base64 text is refused as
 * malformed, never stored.
 */
export const LIQPAY_CALLBACK_LIMITS = {
  /**
   * `data`: base64 of LiqPay's JSON parameters. A payment's report is 1-3 KB of base64 (its
   * own fields and our short description), so 16 KB leaves room for fields LiqPay may add.
   */
  dataChars: 16_384,
  /**
   * `signature`: base64 of a digest of private key + data + private key: 28 characters for
   * SHA-1 (20 bytes), which API version 3 signs with, 44 for SHA3-256 (32 bytes) at most.
   */
  signatureChars: 44,
} as const;

/** Standard base64 (RFC 4648 §4: `+`, `/` and `=` padding), as LiqPay encodes. */
const BASE64 = '^[A-Za-z0-9+/]*={0,2}$';

/**
 * The largest urlencoded form the two fields can make: `+`, `/` and `=` are sent as `%2B`,
 * `%2F` and `%3D` (3 bytes each), so no valid form is longer than three times its characters.
 * A larger body is refused before it is read whole.
 */
export const LIQPAY_CALLBACK_FORM_MAX_BYTES =
  3 * (LIQPAY_CALLBACK_LIMITS.dataChars + LIQPAY_CALLBACK_LIMITS.signatureChars) + '&data=&signature='.length;

export const LiqPayCallbackForm = Type.Object({
  data: Type.String({
    minLength: 1,
    maxLength: LIQPAY_CALLBACK_LIMITS.dataChars,
    pattern: BASE64,
    description: `base64 of the JSON parameters LiqPay reports, at most ${LIQPAY_CALLBACK_LIMITS.dataChars} characters`,
  }),
  signature: Type.String({
    minLength: 1,
    maxLength: LIQPAY_CALLBACK_LIMITS.signatureChars,
    pattern: BASE64,
    description: 'base64 of sha1(private key + data + private key)',
  }),
});

export type LiqPayCallbackFormValue = Static<typeof LiqPayCallbackForm>;

/**
 * Why a callback was refused without being kept: not signed with the fund's key, larger than
 * the form allows, or not the form at all (not base64, missing fields, another media type).
 */
export const LIQPAY_CALLBACK_REJECTIONS = ['bad_signature', 'oversized', 'malformed'] as const;
export type LiqPayCallbackRejection = (typeof LIQPAY_CALLBACK_REJECTIONS)[number];

/** A request's error as fastify reports it: its validation errors, or the code of its own. */
export interface FormError {
  code?: string | undefined;
  validation?: unknown;
}

/**
 * Whether `error` refused the callback form itself, and for which rule: `oversized` when the
 * body was too large to read or a field is longer than its limit, `malformed` when it is not
 * the form (not base64, a field missing, another media type). Null for any other error.
 */
export function formRejectionOf(error: FormError, form: unknown): 'oversized' | 'malformed' | null {
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return 'oversized';
  if (Array.isArray(error.validation)) {
    const { data, signature } = (typeof form === 'object' && form !== null ? form : {}) as Record<
      string,
      unknown
    >;
    const longer = (value: unknown, limit: number) => typeof value === 'string' && value.length > limit;
    return longer(data, LIQPAY_CALLBACK_LIMITS.dataChars) ||
      longer(signature, LIQPAY_CALLBACK_LIMITS.signatureChars)
      ? 'oversized'
      : 'malformed';
  }
  return error.code?.startsWith('FST_ERR_CTP_') ? 'malformed' : null;
}

const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of `data` as received, hex' });

/**
 * A callback the mobile gateway refused by the form alone, told to the payment service to be
 * counted: its reason, and what identifies its `data` without keeping it (null when the body
 * was too large to read).
 */
export const LiqPayCallbackRejectionReport = Type.Object({
  reason: Type.Enum(['oversized', 'malformed']),
  data_length: Nullable(Type.Integer({ minimum: 0, maximum: 2_147_483_647, description: 'characters' })),
  data_sha256: Nullable(Sha256),
});

/**
 * Refused callbacks of one Kyiv day for one reason: how many, when the first and the last
 * came, and the last one's size and hash (to match a callback LiqPay says it sent). Nothing
 * of their content is kept.
 */
export const LiqPayCallbackRejectionDay = Type.Object({
  day: Type.String({ format: 'date', description: 'a Kyiv calendar day, YYYY-MM-DD' }),
  reason: Type.Enum(LIQPAY_CALLBACK_REJECTIONS),
  count: Type.Integer({ minimum: 1 }),
  first_at: Type.String({ format: 'date-time' }),
  last_at: Type.String({ format: 'date-time' }),
  last_data_length: Nullable(Type.Integer({ minimum: 0, description: 'characters of `data`' })),
  last_data_sha256: Nullable(Sha256),
});
