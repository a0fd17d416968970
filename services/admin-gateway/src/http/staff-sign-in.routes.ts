import { AdminSignInAnswer, AdminSignInRefused, seedDateOf } from '@kasa/contracts';
import { asCaller, bearerSecurity, type HttpApp, isAppError, notFound } from '@kasa/http';
import type { GatewayContext } from '@kasa/runtime';
import { type Static, Type } from 'typebox';
import { signedIn } from '../access.ts';
import { StaffUser, Tokens } from '../staff-user.ts';

const TokenPair = Type.Object(Tokens);
const SignedIn = Type.Object({ ...Tokens, user: StaffUser });
const Message = Type.Object({ message: Type.String() });

/** The seed's answer: its `user` fields typed as the seed's (an INT `is_active`), Kasa's beside them. */
function signInView({ user, ...tokens }: Static<typeof SignedIn>): Static<typeof AdminSignInAnswer> {
  return {
    ...tokens,
    user: {
      name: user.name,
      login: user.login,
      email: user.email,
      is_active: user.is_active ? 1 : 0,
      updated_at: seedDateOf(new Date(user.updated_at)),
      id: user.id,
      phone: user.phone,
      role: user.role,
      must_change_password: user.must_change_password,
      created_at: seedDateOf(new Date(user.created_at)),
    },
  };
}

export function staffSignInRoutes(app: HttpApp, { services }: GatewayContext): void {
  app.post(
    '/signin',
    {
      schema: {
        tags: ['sign-in'],
        summary: 'Sign in with login and password',
        description:
          "404 `{}` (the seed's answer) for an unknown login, a wrong password or a blocked account alike. After " +
          '5 wrong passwords in a row the login is locked: 429 with Retry-After, for a minute, doubling with each ' +
          'further failure up to an hour. With `must_change_password`, only /user/change_password is open until ' +
          'the password is changed.',
        body: Type.Object({
          login: Type.String({ minLength: 1, maxLength: 64 }),
          password: Type.String({ minLength: 1, maxLength: 1024 }),
        }),
        response: {
          200: AdminSignInAnswer,
          404: Type.Object(AdminSignInRefused.properties, {
            description: "`{}`: the login and password match no active account (the seed's answer)",
          }),
        },
      },
    },
    async (request) => {
      try {
        return signInView(
          await services.auth.request({
            method: 'POST',
            path: '/staff/sign-in',
            body: { login: request.body.login, password: request.body.password },
            requestId: request.id,
            response: SignedIn,
          }),
        );
      } catch (error) {
        // Auth's one answer for every wrong pair (401), in the seed's words: 404 `{}`.
        if (isAppError(error) && error.statusCode === 401)
          throw notFound('Wrong login or password', 'sign_in_refused');
        throw error;
      }
    },
  );

  app.delete(
    '/session',
    {
      ...signedIn,
      schema: {
        tags: ['sign-in'],
        summary: 'Sign out: this token (and its refresh token) stops working within a second',
        security: bearerSecurity,
        response: { 200: Message },
      },
    },
    (request) =>
      services.auth.request({
        method: 'DELETE',
        path: '/sessions/current',
        ...asCaller(request),
        response: Message,
      }),
  );

  app.post(
    '/token/refresh',
    {
      schema: {
        tags: ['sign-in'],
        summary: 'Trade a refresh token for a new pair',
        description: 'The old refresh token stops working; using it again ends every session of its family.',
        body: Type.Object({ refresh_token: Type.String({ minLength: 1, maxLength: 128 }) }),
        response: { 200: TokenPair },
      },
    },
    (request) =>
      services.auth.request({
        method: 'POST',
        path: '/tokens/refresh',
        body: { refresh_token: request.body.refresh_token, audience: 'staff' },
        requestId: request.id,
        response: TokenPair,
      }),
  );
}
