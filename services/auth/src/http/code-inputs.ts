import { badRequest } from '@kasa/http';
import { Type } from 'typebox';
import { checkPhone } from '../domain/phone.ts';

/**
 * A phone a code is to go to, as Kasa keeps numbers; 400 saying what is wrong with it otherwise
 * (a number that is not mobile, or of a country codes do not go to).
 */
export function phoneInput(deps: { allowedCountryCodes: readonly string[] }, input: string): string {
  const check = checkPhone(input, deps.allowedCountryCodes);
  if (!check.ok) throw badRequest(check.message, 'invalid_phone');
  return check.phone;
}

/** Where a request for a code came from: the limits per address count by it. */
export const ClientAddress = Type.String({
  minLength: 1,
  maxLength: 45,
  description: "The client's IP address, as the gateway saw it",
});
