import { Type } from 'typebox';
import { StaffRole } from '../http/sign-in.ts';
import { SeedStatusError } from './seed-errors.ts';
import { SeedUserRow } from './seed-rows.ts';

/**
 * The admin site's staff-user routes (SPEC §7 rows 4–8). The seed let any signed-in user create,
 * edit and delete accounts; Kasa lets administrators only, and answers others with the 403 the
 * seed's `user_get` gave.
 */

/** A user row with what Kasa adds: the role and whether the one-time password is still unchanged. */
const KasaUserRow = Type.Object({
  ...SeedUserRow.properties,
  role: StaffRole,
  must_change_password: Type.Boolean(),
});

/** seeds/000 admin-app/main.py user_get: `{data: [model_to_dict(user)]}`; an unknown id gives `[]`. */
export const AdminUsersAnswer = Type.Object({ data: Type.Array(KasaUserRow) });

/** seeds/000 admin-app/main.py user_get: 403 `{status, message}` for anyone but the administrator. */
export const AdminUsersForbidden = SeedStatusError;

/**
 * seeds/000 admin-app/main.py user_create: `{status, message}`. Kasa adds the account as `data`
 * and its generated one-time password in `data.password`, answered this once.
 */
export const AdminUserCreateAnswer = Type.Object({
  status: Type.String(),
  message: Type.String(),
  data: Type.Object({ ...KasaUserRow.properties, password: Type.String() }),
});

/** seeds/000 admin-app/main.py user_create: 422 `{status, message: 'user already exist'}`. */
export const AdminUserCreateLoginTaken = SeedStatusError;

/** seeds/000 admin-app/main.py user_update: `{status, message, data: model_to_dict(user)}`. */
export const AdminUserUpdateAnswer = Type.Object({
  status: Type.String(),
  message: Type.String(),
  data: KasaUserRow,
});

/** seeds/000 admin-app/main.py user_update: 422 `{status, message: 'user does not exist'}`. */
export const AdminUserUpdateMissing = SeedStatusError;

/** seeds/000 admin-app/main.py user_delete: `{status, message}`. */
export const AdminUserDeleteAnswer = Type.Object({ status: Type.String(), message: Type.String() });

/**
 * seeds/000 admin-app/main.py change_password: `{status, message}`. Kasa adds new tokens after
 * changing one's own (the other sessions end), or the generated password after an administrator's
 * reset of another user's.
 */
export const AdminChangePasswordAnswer = Type.Object({
  status: Type.String(),
  message: Type.String(),
  access_token: Type.Optional(Type.String()),
  refresh_token: Type.Optional(Type.String()),
  expires_in: Type.Optional(Type.Integer()),
  password: Type.Optional(Type.String({ description: 'The generated password, after a reset' })),
});

/** seeds/000 admin-app/main.py change_password: 403 `{status, message}` for another's id, unless the administrator. */
export const AdminChangePasswordForbidden = SeedStatusError;
