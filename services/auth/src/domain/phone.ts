/** E.164: `+`, a country code and the subscriber number, 8 to 15 digits in all. */
const E164 = /^\+[1-9][0-9]{7,14}$/;

/**
 * Codes of Ukraine's mobile networks (Kyivstar, Vodafone, lifecell, Ukrtelecom, PEOPLEnet,
 * Intertelecom, Datagroup). A sign-in code goes by SMS, so a landline or an unassigned code
 * (`+380000000000`) would only spend an SMS on a number that cannot receive it.
 */
const UKRAINIAN_MOBILE_CODES = new Set([
  '39',
  '50',
  '63',
  '66',
  '67',
  '68',
  '73',
  '75',
  '77',
  '89',
  '91',
  '92',
  '93',
  '94',
  '95',
  '96',
  '97',
  '98',
  '99',
]);

export type PhoneCheck = { ok: true; phone: string } | { ok: false; message: string };

/**
 * Accepts a phone in E.164 from an allowed country (by its calling-code prefix, `380` for
 * Ukraine, whose numbers are `+380`, a mobile operator code and 7 more digits).
 */
export function checkPhone(input: string, allowedCountryCodes: readonly string[]): PhoneCheck {
  const phone = input.replace(/[\s()-]/g, '');
  if (!E164.test(phone))
    return { ok: false, message: 'Phone must be in international format, e.g. +380671234567' };
  const country = allowedCountryCodes.find((code) => phone.startsWith(`+${code}`));
  if (!country) return { ok: false, message: 'Sign-in by SMS is not available for this country' };
  if (country === '380') {
    if (phone.length !== 13) return { ok: false, message: 'A Ukrainian number has 12 digits after +' };
    if (!UKRAINIAN_MOBILE_CODES.has(phone.slice(4, 6)))
      return { ok: false, message: 'Phone must be a Ukrainian mobile number, e.g. +380671234567' };
  }
  return { ok: true, phone };
}
