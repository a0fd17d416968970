/**
 * Every text the service sends, in Ukrainian, in one place. The key is the kind recorded
 * with each SMS; a text must come out the same for the same event, because a retry compares
 * it with what the provider already holds.
 */
export const SMS_TEXTS = {
  sign_code: ({ code }: { code: string }) => `Код для входу в Kasa: ${code}. Нікому його не повідомляйте.`,
} as const;

export type SmsKind = keyof typeof SMS_TEXTS;

export function smsText<K extends SmsKind>(kind: K, values: Parameters<(typeof SMS_TEXTS)[K]>[0]): string {
  return SMS_TEXTS[kind](values);
}
