import { Type } from 'typebox';
import { SeedDate } from '../http/seed-dates.ts';
import { SeedEmptyError } from './seed-errors.ts';
import { SeedTokenClaims } from './seed-token-claims.ts';

/**
 * seeds/000 admin-app/main.py signin: `{'access_token': token, 'user': {name, login, email,
 * is_active, updated_at: get_date(updated_at, "%d.%m.%Y")}}`, 200. `is_active` is the Users
 * table's INT column (table 2.4): a number, 1 or 0. Kasa adds the refresh token, the access
 * token's lifetime, and in `user` its id, phone, role, the one-time-password flag and `created_at`.
 */
export const AdminSignInAnswer = Type.Object({
  access_token: Type.String(),
  refresh_token: Type.String(),
  expires_in: Type.Integer(),
  user: Type.Object({
    name: Type.String(),
    login: Type.String(),
    email: Type.Union([Type.String(), Type.Null()]),
    is_active: Type.Integer({ minimum: 0, maximum: 1 }),
    updated_at: SeedDate,
    id: Type.Integer(),
    phone: Type.Union([Type.String(), Type.Null()]),
    role: Type.Union([Type.Literal('admin'), Type.Literal('staff')]),
    must_change_password: Type.Boolean(),
    created_at: SeedDate,
  }),
});

/**
 * seeds/000 admin-app/main.py signin: `except: return jsonify({}), 404` for an unknown login or a
 * wrong password (`Users.get` found no row). Kasa answers the same for a blocked account, so no
 * answer tells which logins exist. After five wrong passwords in a row Kasa locks the login (429).
 */
export const AdminSignInRefused = SeedEmptyError;

/**
 * seeds/000 admin-app/main.py signin `jwt.encode({...})`: the claims the admin site may decode from
 * a staff token (`exp` minutes away, as the seed's 5). Kasa adds `sub`, `role`, `sid`, `login`,
 * `must_change_password`, `iss`, `aud`, `iat`, `jti`.
 */
export const StaffTokenClaims = SeedTokenClaims;
