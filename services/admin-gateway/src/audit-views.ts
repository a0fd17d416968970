import { type AuditRecord, AuditRecordChecked } from '@kasa/contracts';
import { type Static, Type } from 'typebox';

/** An audit event as the admin site reads it: the service's record and its time as Kyiv reads it. */
export const SiteAuditEvent = Type.Object({
  ...AuditRecordChecked.properties,
  verification: Type.Optional(AuditRecordChecked.properties.verification),
  occurred_kyiv: Type.String({ description: 'when it happened, Kyiv time: dd.mm.yyyy HH:MM:SS' }),
});

const kyivClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Kyiv',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** `2026-08-24T06:30:05Z` → `24.08.2026 09:30:05`: the fund's clock, as its staff read it. */
export function kyivDateTimeOf(instant: Date): string {
  const parts = Object.fromEntries(kyivClock.formatToParts(instant).map(({ type, value }) => [type, value]));
  return `${parts.day}.${parts.month}.${parts.year} ${parts.hour}:${parts.minute}:${parts.second}`;
}

export function siteAuditEvent(
  record: AuditRecord | Static<typeof AuditRecordChecked>,
): Static<typeof SiteAuditEvent> {
  return { ...record, occurred_kyiv: kyivDateTimeOf(new Date(record.occurred_at)) };
}
