import { seedDateOfCalendarDate } from '@kasa/contracts';
import { hryvniaText } from '../texts/ukrainian.ts';

/**
 * Every text the service sends members, in Ukrainian, in one place. The key is the kind
 * recorded with each SMS; a text must come out the same for the same event, because a retry
 * compares it with what the provider already holds. Each fits one Cyrillic (UCS-2) segment
 * of 70 characters (a test holds them to it), so a text costs the fund one SMS.
 */
export const SMS_TEXTS = {
  sign_code: ({ code }: { code: string }) => `Код для входу в Kasa: ${code}. Нікому його не повідомляйте.`,
  phone_change_code: ({ code }: { code: string }) =>
    `Код для зміни номера в Kasa: ${code}. Нікому його не повідомляйте.`,
  request_answered: ({ requestId }: { requestId: number }) =>
    `Фонд відповів на ваше звернення №${requestId}. Деталі в застосунку.`,
  request_closed: ({ requestId }: { requestId: number }) =>
    `Ваше звернення №${requestId} закрито. Деталі в застосунку.`,
  payout_recorded: ({ requestId, amount }: { requestId: number; amount: number }) =>
    `За зверненням №${requestId} вам виплачено ${hryvniaText(amount)} грн.`,
  membership_extended: ({ paidUntil }: { paidUntil: string }) =>
    `Внесок отримано. Членство в Kasa сплачено до ${seedDateOfCalendarDate(paidUntil)}.`,
  membership_reminder: ({ paidUntil }: { paidUntil: string }) =>
    `Членство в Kasa сплачено до ${seedDateOfCalendarDate(paidUntil)}. Поповніть внесок.`,
} as const;

export type SmsKind = keyof typeof SMS_TEXTS;

export function smsText<K extends SmsKind>(kind: K, values: Parameters<(typeof SMS_TEXTS)[K]>[0]): string {
  return (SMS_TEXTS[kind] as (values: Parameters<(typeof SMS_TEXTS)[K]>[0]) => string)(values);
}
