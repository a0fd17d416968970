import { Type } from 'typebox';

/** Shared field shapes, so one fact has one schema across events. */
export const Id = Type.Integer({ minimum: 1 });
/** Money in kopiyky (integer minor units of UAH). */
export const Money = Type.Integer({ minimum: 0 });
export const Currency = Type.Literal('UAH');
export const Phone = Type.String({ pattern: '^\\+[1-9][0-9]{7,14}$' });
/** A calendar date, `YYYY-MM-DD`. */
export const CalendarDate = Type.String({ format: 'date' });
export const Timestamp = Type.String({ format: 'date-time' });
export const FieldNames = Type.Array(Type.String({ maxLength: 64 }), { maxItems: 64 });
