import { Type } from 'typebox';
import { Instant } from './members.ts';

/**
 * Shapes the auth service answers and the gateways pass on: declared once, so both sides of
 * the internal API agree.
 */
export const TokenPair = Type.Object({
  access_token: Type.String(),
  refresh_token: Type.String({
    description: 'Opaque; trade it for a new pair at the refresh route. Each works once.',
  }),
  expires_in: Type.Integer({ description: 'Seconds the access token is valid' }),
});

/**
 * What auth answers the mobile gateway for a token of the old system: a Kasa member token of that
 * token's own session, which works no longer than the old token did.
 */
export const SeedSessionAnswer = Type.Object({
  access_token: Type.String(),
  expires_in: Type.Integer({ description: 'Seconds until it, and the old token, expire' }),
});

export const StaffRole = Type.Union([Type.Literal('admin'), Type.Literal('staff')]);

/** A staff account as the admin site reads it; never the password hash or the sign-in counters. */
export const StaffUser = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  login: Type.String(),
  email: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
  role: StaffRole,
  is_active: Type.Boolean(),
  must_change_password: Type.Boolean({ description: 'True until the one-time password is changed' }),
  /** Instants; each gateway renders them as its clients read them. */
  created_at: Instant,
  updated_at: Instant,
});

/** What a staff account's seed row (`model_to_dict(user)`) is made of. */
export const StaffUserRecord = Type.Pick(StaffUser, [
  'id',
  'login',
  'name',
  'email',
  'phone',
  'is_active',
  'created_at',
  'updated_at',
]);
