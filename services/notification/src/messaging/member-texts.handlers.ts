import type { KasaEvent } from '@kasa/contracts';
import type { Consumers } from '@kasa/messaging';
import { sendSmsOnce } from '../application/send-sms-once.ts';
import {
  findContact,
  type MemberContact,
  recordBlocked,
  recordPaidUntil,
  recordPhone,
} from '../db/member-contacts.repository.ts';
import type { NotificationDeps } from '../deps.ts';
import { type SmsKind, smsText } from '../sms/templates.ts';

/**
 * The `member-texts` stream: keeps each member's number, block and paid-until day, and texts
 * the member what matters to them: staff answered or closed their request, a payout was
 * recorded, their membership was extended, or lapses soon (the reminder job's event).
 */
export function memberTextsHandlers(
  consumers: Consumers,
  { database, smsSender: sender }: Pick<NotificationDeps, 'database' | 'smsSender'>,
): void {
  consumers.handleStream('member-texts', async (anyEvent, context) => {
    const event = anyEvent as KasaEvent;
    const at = new Date(event.occurredAt);
    const text = async <K extends SmsKind>(
      memberId: number,
      kind: K,
      values: Parameters<typeof smsText<K>>[1],
      /** Why this member is not to be texted after all, if so. */
      unless?: (contact: MemberContact) => string | undefined,
    ) => {
      const contact = await findContact(context.tx, memberId);
      if (!contact?.phone) {
        context.logger.warn({ memberId, kind }, 'no phone number known for the member: not texted');
        return;
      }
      const reason = unless?.(contact);
      if (reason) {
        context.logger.info({ memberId, kind }, reason);
        return;
      }
      await sendSmsOnce(
        { eventId: event.id, kind, to: contact.phone, body: smsText(kind, values) },
        { db: database.db, tx: context.tx, sender, logger: context.logger },
      );
    };

    switch (event.type) {
      case 'auth.member_signed_up':
      case 'member.phone_changed':
        return recordPhone(context.tx, event.data.memberId, event.data.phone, at);
      case 'member.blocked':
      case 'member.unblocked':
        return recordBlocked(context.tx, event.data.memberId, event.type === 'member.blocked', at);
      case 'membership.shortened':
        return recordPaidUntil(context.tx, event.data.memberId, event.data.paidUntil, at);
      case 'membership.extended': {
        const { memberId, paidUntil, days } = event.data;
        await recordPaidUntil(context.tx, memberId, paidUntil, at);
        // A contribution worth less than a day moved no date: nothing to tell.
        if (days > 0) await text(memberId, 'membership_extended', { paidUntil });
        return;
      }
      case 'membership.reminder_due':
        return text(
          event.data.memberId,
          'membership_reminder',
          { paidUntil: event.data.paidUntil },
          stillDue(event),
        );
      case 'request.message_posted':
        if (event.data.author !== 'staff' || event.data.internal) return;
        return text(event.data.memberId, 'request_answered', { requestId: event.data.requestId });
      case 'request.status_changed':
        if (event.data.to !== 'closed') return;
        return text(event.data.memberId, 'request_closed', { requestId: event.data.requestId });
      case 'payout.recorded':
        return text(event.data.memberId, 'payout_recorded', {
          requestId: event.data.requestId,
          amount: event.data.amount,
        });
      default:
        return;
    }
  });
}

/** A blocked member is not reminded; one who paid since the reminder was due has a later day. */
function stillDue(event: Extract<KasaEvent, { type: 'membership.reminder_due' }>) {
  return (contact: MemberContact) => {
    if (contact.blocked) return 'member blocked: not reminded';
    if (contact.paidUntil !== event.data.paidUntil)
      return 'membership extended since the reminder was due: not texted';
    return undefined;
  };
}
