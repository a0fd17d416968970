import { Type } from 'typebox';
import { SeedMessageError } from './seed-errors.ts';
import { SeedTokenClaims } from './seed-token-claims.ts';

/**
 * The mobile app's sign-in (SPEC §6 rows 3–4), as seeds/000 kasa-app/main.py answered it, and
 * the token it keeps: the app knows no refresh, so a member's access token lives as long as the
 * seed's (30 days) and ends early only when its session is revoked.
 */

/** seeds/000 kasa-app/main.py sign_request_post: `{'message': 'Message was sent.'}`, 200. */
export const MobileSignRequestAnswer = Type.Object({ message: Type.String() });

/**
 * seeds/000 sign_request_post: 422 `{'message': 'User already exist'}` (`create` and the phone is a
 * member's) or `{'message': 'User does not exist'}` (no `create` and it is nobody's).
 */
export const MobileSignRequestExists = SeedMessageError;

/**
 * seeds/000 sign_request_post: 401 `{'message': 'Access denied'}` once the phone's daily limit of
 * codes is reached. Kasa's own limits (cooldown, per ten minutes, per address) answer 429.
 */
export const MobileSignRequestDenied = SeedMessageError;

/**
 * seeds/000 kasa-app/main.py signin_post: `{'access_token': token}`, 200. Kasa adds the refresh
 * token and the access token's lifetime in seconds for clients that use them; the seed's app
 * reads only `access_token`.
 */
export const MobileSignInAnswer = Type.Object({
  access_token: Type.String(),
  refresh_token: Type.String(),
  expires_in: Type.Integer(),
});

/** seeds/000 signin_post: 401 `{'message': 'Access denied for this user'}`: a wrong, used or expired code. */
export const MobileSignInDenied = SeedMessageError;

/**
 * seeds/000 signin_post: 404 `{'message': 'User does not exist'}`: the code was right, but the
 * phone is no member's and was not asked for with `create`.
 */
export const MobileSignInMissing = SeedMessageError;

/**
 * seeds/000 signin_post `jwt.encode({...})`: the claims a client may decode from a member's token.
 * `name` was `"{first_name} {last_name}"`; Kasa gives the names the member has, joined by a space,
 * and an empty string before they give any (the seed printed Python's `None None`). `email` is
 * null until the profile has one, as the seed's `db_user.email`. Kasa adds `sub` (the same id as
 * text), `role`, `sid` (the session, revocable), `iss`, `aud`, `iat`, `jti`.
 */
export const MemberTokenClaims = SeedTokenClaims;
