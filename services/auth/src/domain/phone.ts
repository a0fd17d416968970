/** E.164: `+`, a country code and the subscriber number, 8 to 15 digits in all. */
const E164 = /^\+[1-9][0-9]{7,14}$/;

export type PhoneCheck = { ok: true; phone: string } | { ok: false; message: string };

/**
 * Accepts a phone in E.164 from an allowed country (by its calling-code prefix, `380` for
 * Ukraine, whose numbers are `+380` and 9 more digits).
 */
export function checkPhone(input: string, allowedCountryCodes: readonly string[]): PhoneCheck {
  const phone = input.replace(/[\s()-]/g, '');
  if (!E164.test(phone))
    return { ok: false, message: 'Phone must be in international format, e.g. +380671234567' };
  const country = allowedCountryCodes.find((code) => phone.startsWith(`+${code}`));
  if (!country) return { ok: false, message: 'Sign-in by SMS is not available for this country' };
  if (country === '380' && phone.length !== 13)
    return { ok: false, message: 'A Ukrainian number has 12 digits after +' };
  return { ok: true, phone };
}
