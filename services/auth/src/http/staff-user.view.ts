import { type StaffUser, seedDateOf } from '@kasa/contracts';
import type { Static } from 'typebox';
import type { StaffUserRow } from '../db/staff-users.repository.ts';

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
    created_at: seedDateOf(user.createdAt),
    updated_at: seedDateOf(user.updatedAt),
  };
}
