import { Type } from 'typebox';

/**
 * seeds/000 `jwt.encode({user_id, name, email, exp})` in both apps' sign-in: the claims a client
 * may decode from its token, to greet the user or time the session. Kasa adds `sub` (the same id
 * as text), `sid` (the session, revocable), `role`, `iss`, `aud`, `iat`, `jti`.
 */
export const SeedTokenClaims = Type.Object({
  user_id: Type.Integer({ minimum: 1 }),
  name: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  exp: Type.Integer(),
  sub: Type.String(),
  sid: Type.String(),
});
