import { Type } from 'typebox';
import { defineEvent } from '../define-event.ts';
import { CalendarDate, FieldNames, Id, Money, Phone } from './fields.ts';

const MemberRef = { memberId: Id };

export const ProfileSubmitted = defineEvent(
  'member.profile_submitted',
  1,
  Type.Object({ ...MemberRef, programId: Id, documentTypes: Type.Array(Type.String()) }),
);
export const MemberUpdated = defineEvent(
  'member.updated',
  1,
  Type.Object({ ...MemberRef, fields: FieldNames }),
);
/**
 * The names and e-mail a member now has, for the auth service, which writes them into the
 * member's tokens (the seed's `name` and `email` claims). Personal data: it never leaves Kasa
 * (no webhook) and its outbox row goes as soon as the broker has it.
 */
export const MemberContactChanged = defineEvent(
  'member.contact_changed',
  1,
  Type.Object({
    ...MemberRef,
    firstName: Type.Union([Type.String(), Type.Null()]),
    lastName: Type.Union([Type.String(), Type.Null()]),
    email: Type.Union([Type.String(), Type.Null()]),
  }),
  { sensitive: true },
);
export const MemberApproved = defineEvent(
  'member.approved',
  1,
  Type.Object({ ...MemberRef, programId: Type.Union([Id, Type.Null()]) }),
);
export const MemberBlocked = defineEvent('member.blocked', 1, Type.Object(MemberRef));
export const MemberUnblocked = defineEvent('member.unblocked', 1, Type.Object(MemberRef));
export const PhoneChanged = defineEvent(
  'member.phone_changed',
  1,
  Type.Object({ ...MemberRef, phone: Phone }),
);
export const CorrectionRequested = defineEvent(
  'member.correction_requested',
  1,
  Type.Object({ ...MemberRef, fields: FieldNames }),
);
export const ProgramChangeRequested = defineEvent(
  'member.program_change_requested',
  1,
  Type.Object({ ...MemberRef, programId: Id }),
);
export const DocumentsUploaded = defineEvent(
  'member.documents_uploaded',
  1,
  Type.Object({ ...MemberRef, documentTypes: Type.Array(Type.String()), source: Type.String() }),
);
export const CertificateAssigned = defineEvent(
  'member.certificate_assigned',
  1,
  Type.Object({ ...MemberRef, certificate: Type.String() }),
);
export const MembershipExtended = defineEvent(
  'membership.extended',
  1,
  Type.Object({
    ...MemberRef,
    paymentId: Id,
    days: Type.Integer({ minimum: 0 }),
    previousPaidUntil: Type.Union([CalendarDate, Type.Null()]),
    paidUntil: CalendarDate,
  }),
);
/**
 * A confirmed contribution the member service cannot price yet: the member has no program
 * (neither one they are on nor one chosen and awaiting review). The money waits, in sight of
 * staff, until the member has one (then `membership.extended` follows for it) or staff refund it.
 */
export const ContributionAwaitingProgram = defineEvent(
  'membership.contribution_awaiting_program',
  1,
  Type.Object({ ...MemberRef, paymentId: Id, amount: Money }),
);
export const MembershipShortened = defineEvent(
  'membership.shortened',
  1,
  Type.Object({ ...MemberRef, paymentId: Id, days: Type.Integer({ minimum: 0 }), paidUntil: CalendarDate }),
);
/**
 * A membership lapses soon: the notification service's reminder job found it `daysLeft` days
 * before `paidUntil` and asks for the member's reminder text (once per paid-until day).
 */
export const MembershipReminderDue = defineEvent(
  'membership.reminder_due',
  1,
  Type.Object({ ...MemberRef, paidUntil: CalendarDate, daysLeft: Type.Integer({ minimum: 0 }) }),
);
export const ProgramSaved = defineEvent(
  'program.saved',
  1,
  Type.Object({ programId: Id, name: Type.String(), monthPrice: Money, isActive: Type.Boolean() }),
);
