const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Base64 text without the line breaks and spaces mail-style encoders add; null when it is not base64. */
export function strictBase64(text: string): string | null {
  const compact = text.replace(/\s+/g, '');
  if (compact === '' || compact.length % 4 === 1 || !BASE64.test(compact)) return null;
  return compact;
}
