import { Type } from 'typebox';
import type { StaffUserRow } from '../db/staff-users.repository.ts';

const SeedDate = Type.String({ pattern: '^[0-9]{2}\\.[0-9]{2}\\.[0-9]{4}$', examples: ['24.08.2024'] });
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
  must_change_password: Type.Boolean(),
  created_at: SeedDate,
  updated_at: SeedDate,
});

/** The seed's `%d.%m.%Y`, on the fund's calendar. */
const seedDate = new Intl.DateTimeFormat('uk-UA', {
  timeZone: 'Europe/Kyiv',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

export function staffUserView(user: StaffUserRow) {
  return {
    id: user.id,
    name: user.name,
    login: user.login,
    email: user.email,
    phone: user.phone,
    role: user.role,
    is_active: user.isActive,
    must_change_password: user.mustChangePassword,
    created_at: seedDate.format(user.createdAt),
    updated_at: seedDate.format(user.updatedAt),
  };
}
