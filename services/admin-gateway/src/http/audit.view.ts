import { type AuditRecord, AuditRecordChecked, kyivDateTimeOf } from '@kasa/contracts';
import { type Static, Type } from 'typebox';

/** An audit event as the admin site reads it: the service's record and its time as Kyiv reads it. */
export const SiteAuditEvent = Type.Object({
  ...AuditRecordChecked.properties,
  verification: Type.Optional(AuditRecordChecked.properties.verification),
  occurred_kyiv: Type.String({ description: 'when it happened, Kyiv time: dd.mm.yyyy HH:MM:SS' }),
});

export function siteAuditEvent(
  record: AuditRecord | Static<typeof AuditRecordChecked>,
): Static<typeof SiteAuditEvent> {
  return { ...record, occurred_kyiv: kyivDateTimeOf(new Date(record.occurred_at)) };
}
