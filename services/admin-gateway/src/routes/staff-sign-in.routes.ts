import type { HttpApp } from '@kasa/http';
import type { GatewayContext } from '@kasa/runtime';
import { Type } from 'typebox';
import { StaffUser, Tokens } from '../staff-user.ts';

const TokenPair = Type.Object(Tokens);
const SignedIn = Type.Object({ ...Tokens, user: StaffUser });

export function staffSignInRoutes(app: HttpApp, { services }: GatewayContext): void {
  app.post(
    '/signin',
    {
      schema: {
        tags: ['sign-in'],
        summary: 'Sign in with login and password',
        description:
          '401 "Wrong login or password" for any wrong pair. After 5 wrong passwords in a row the account is ' +
          'locked: 429 with Retry-After, for a minute, doubling with each further failure up to an hour. ' +
          'With `must_change_password`, only /user/change_password is open until the password is changed.',
        body: Type.Object({
          login: Type.String({ minLength: 1, maxLength: 64 }),
          password: Type.String({ minLength: 1, maxLength: 1024 }),
        }),
        response: { 200: SignedIn },
      },
    },
    (request) =>
      services.auth.request({
        method: 'POST',
        path: '/staff/sign-in',
        body: { login: request.body.login, password: request.body.password },
        requestId: request.id,
        response: SignedIn,
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
