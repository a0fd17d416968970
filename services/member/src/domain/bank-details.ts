/**
 * A Ukrainian IBAN: `UA`, two check digits, the bank's 6-digit code and a 19-character
 * account, 29 characters in all, valid by ISO 13616's mod-97 check.
 */
export function normalizeIban(input: string): string | null {
  const iban = input.replace(/\s+/g, '').toUpperCase();
  if (!/^UA[0-9]{2}[0-9]{6}[0-9A-Z]{19}$/.test(iban)) return null;
  const rearranged = `${iban.slice(4)}${iban.slice(0, 4)}`;
  let remainder = 0;
  for (const char of rearranged) {
    const value = char >= 'A' ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1 ? iban : null;
}

const TAX_NUMBER_WEIGHTS = [-1, 5, 7, 9, 4, 6, 10, 5, 7];

/** A Ukrainian individual tax number (РНОКПП): 10 digits, the last a check digit. */
export function isValidTaxNumber(input: string): boolean {
  if (!/^[0-9]{10}$/.test(input)) return false;
  const sum = TAX_NUMBER_WEIGHTS.reduce((total, weight, index) => total + weight * Number(input[index]), 0);
  return (((sum % 11) + 11) % 11) % 10 === Number(input[9]);
}

/** E.164 as in contracts; a Ukrainian number has 12 digits after `+`. Spaces and dashes are forgiven. */
export function normalizePhone(input: string): string | null {
  const phone = input.replace(/[\s()-]/g, '');
  if (!/^\+[1-9][0-9]{7,14}$/.test(phone)) return null;
  if (phone.startsWith('+380') && phone.length !== 13) return null;
  return phone;
}
