import { kopiykyOf } from '@kasa/contracts';
import { badRequest } from '@kasa/http';
import { Type } from 'typebox';

/** An amount as the admin site sends it: hryvnias with at most 2 decimals, a number or text. */
export const SiteAmount = Type.Union([Type.Number(), Type.String({ maxLength: 20 })], {
  description: 'hryvnias, at most 2 decimals',
});

/** The kopiyky of a site amount; 400 naming the field when it is not one. */
export function kopiykyOfField(field: string, amount: number | string): number {
  const kopiyky = kopiykyOf(amount);
  if (kopiyky === null)
    throw badRequest(
      `Field '${field}' must be an amount in hryvnias with at most 2 decimals`,
      'invalid_amount',
    );
  return kopiyky;
}
