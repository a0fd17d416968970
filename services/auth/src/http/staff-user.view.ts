import type { StaffUser } from '@kasa/contracts';
import type { Static } from 'typebox';
import type { StaffUserRow } from '../db/staff-users.repository.ts';

/** The seed's `%d.%m.%Y`, on the fund's calendar. */
const seedDate = new Intl.DateTimeFormat('uk-UA', {
  timeZone: 'Europe/Kyiv',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

export function staffUserView(user: StaffUserRow): Static<typeof StaffUser> {
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
