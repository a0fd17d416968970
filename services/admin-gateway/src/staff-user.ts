import { Type } from 'typebox';

export const StaffRole = Type.Union([Type.Literal('admin'), Type.Literal('staff')]);

/** A staff account as the admin site reads it (the seed's fields, and role and password state). */
export const StaffUser = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  login: Type.String(),
  email: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
  role: StaffRole,
  is_active: Type.Boolean(),
  must_change_password: Type.Boolean({ description: 'True until the one-time password is changed' }),
  created_at: Type.String({ description: 'dd.mm.yyyy', examples: ['24.08.2024'] }),
  updated_at: Type.String({ description: 'dd.mm.yyyy', examples: ['24.08.2024'] }),
});

export const Tokens = {
  access_token: Type.String(),
  refresh_token: Type.String({ description: 'Opaque; trade it at /token/refresh. Each works once.' }),
  expires_in: Type.Integer({ description: 'Seconds the access token is valid' }),
};
