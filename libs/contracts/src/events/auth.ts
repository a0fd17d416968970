import { Type } from 'typebox';
import { defineEvent } from '../define-event.ts';
import { Id, Phone, Timestamp } from './fields.ts';

export const MemberSignedUp = defineEvent(
  'auth.member_signed_up',
  1,
  Type.Object({ memberId: Id, phone: Phone }),
);

/**
 * Carries the one-time code to the notification service, which texts it; nobody else subscribes.
 * `purpose` says what the code opens, so that the text says it too: a sign-in (also when absent,
 * as events written before it was added) or a member's change to this phone.
 */
export const SignCodeRequested = defineEvent(
  'auth.sign_code_requested',
  1,
  Type.Object({
    signRequestId: Id,
    phone: Phone,
    code: Type.String({ pattern: '^[0-9]{6}$' }),
    expiresAt: Timestamp,
    purpose: Type.Optional(Type.Union([Type.Literal('sign_in'), Type.Literal('phone_change')])),
  }),
  { sensitive: true },
);

const StaffRole = Type.Union([Type.Literal('admin'), Type.Literal('staff')]);

export const StaffUserCreated = defineEvent(
  'staff.user_created',
  1,
  Type.Object({ userId: Id, login: Type.String(), role: StaffRole }),
);
export const StaffUserUpdated = defineEvent(
  'staff.user_updated',
  1,
  Type.Object({ userId: Id, fields: Type.Array(Type.String()) }),
);
export const StaffUserBlocked = defineEvent(
  'staff.user_blocked',
  1,
  Type.Object({ userId: Id, blocked: Type.Boolean() }),
);
export const StaffUserDeleted = defineEvent('staff.user_deleted', 1, Type.Object({ userId: Id }));
export const StaffPasswordChanged = defineEvent(
  'staff.password_changed',
  1,
  Type.Object({ userId: Id, byAdministrator: Type.Boolean() }),
);
export const StaffSigninLocked = defineEvent(
  'staff.signin_locked',
  1,
  Type.Object({ userId: Id, failedAttempts: Type.Integer({ minimum: 1 }), lockedUntil: Timestamp }),
);
