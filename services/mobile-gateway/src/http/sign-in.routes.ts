import {
  MobileSignInAnswer,
  MobileSignInDenied,
  MobileSignInMissing,
  MobileSignRequestAnswer,
  MobileSignRequestDenied,
  MobileSignRequestExists,
  SeedMessageError,
  TokenPair,
} from '@kasa/contracts';
import { asCaller, bearerSecurity, type HttpApp, requireAuth } from '@kasa/http';
import type { GatewayContext } from '@kasa/runtime';
import { type TObject, Type } from 'typebox';
import { seedErrors } from '../access.ts';

/** An error answer as OpenAPI lists it: the seed's `{message}`, saying when it comes. */
const answer = (schema: TObject, description: string) => Type.Object(schema.properties, { description });

const Blocked = answer(SeedMessageError, 'The account is blocked (Kasa: the seed had no blocking)');

const Session = Type.Object({
  member_id: Type.Integer(),
  expires_at: Type.String({ format: 'date-time', description: 'When this access token stops working' }),
});

export function signInRoutes(app: HttpApp, { services }: GatewayContext): void {
  app.get(
    '/user/session',
    {
      config: seedErrors,
      onRequest: requireAuth(),
      schema: {
        tags: ['sign-in'],
        summary: 'Whose token this is and until when it works',
        security: bearerSecurity,
        response: { 200: Session },
      },
    },
    async (request) => ({
      member_id: Number(request.user.sub),
      expires_at: new Date((request.user.exp ?? 0) * 1000).toISOString(),
    }),
  );

  app.delete(
    '/user/session',
    {
      config: seedErrors,
      onRequest: requireAuth(),
      schema: {
        tags: ['sign-in'],
        summary: 'Sign out: this token (and its refresh token) stops working on every route within a second',
        security: bearerSecurity,
        response: { 200: Type.Object({ message: Type.String() }) },
      },
    },
    (request) =>
      services.auth.request({
        method: 'DELETE',
        path: '/sessions/current',
        ...asCaller(request),
        response: Type.Object({ message: Type.String() }),
      }),
  );

  app.post(
    '/user/signrequest',
    {
      config: seedErrors,
      schema: {
        tags: ['sign-in'],
        summary: 'Send a sign-in code by SMS',
        description:
          '`create: true` for a new phone (422 if it exists), false for an existing member (422 if not). ' +
          "401 once the phone's daily limit of codes is reached (the seed's); 429 with Retry-After when asked too often.",
        body: Type.Object({
          phone: Type.String({ minLength: 1, maxLength: 32, examples: ['+380671234567'] }),
          create: Type.Optional(Type.Boolean({ default: false })),
        }),
        response: {
          200: MobileSignRequestAnswer,
          401: answer(MobileSignRequestDenied, "'Access denied': the daily limit of codes for this phone"),
          403: Blocked,
          422: answer(
            MobileSignRequestExists,
            "'User already exist' with `create`, 'User does not exist' without",
          ),
          429: answer(
            SeedMessageError,
            'Asked too often (Kasa: cooldown, caps per ten minutes and per address)',
          ),
        },
      },
    },
    (request) =>
      services.auth.request({
        method: 'POST',
        path: '/members/sign-requests',
        body: { phone: request.body.phone, create: request.body.create ?? false, address: request.ip },
        requestId: request.id,
        response: MobileSignRequestAnswer,
      }),
  );

  app.post(
    '/user/signin',
    {
      config: seedErrors,
      schema: {
        tags: ['sign-in'],
        summary: 'Trade the SMS code for an access token',
        description:
          "The member's token works 30 days (MEMBER_ACCESS_TOKEN_TTL_DAYS), as the seed's, and ends early when " +
          'the member is blocked, their phone changes or they sign out.',
        body: Type.Object({
          phone: Type.String({ minLength: 1, maxLength: 32 }),
          code: Type.String({ minLength: 1, maxLength: 16 }),
        }),
        response: {
          200: MobileSignInAnswer,
          401: answer(MobileSignInDenied, "'Access denied for this user': a wrong, used or expired code"),
          403: Blocked,
          404: answer(
            MobileSignInMissing,
            "'User does not exist': the phone is no member's and `create` was not asked",
          ),
        },
      },
    },
    (request) =>
      services.auth.request({
        method: 'POST',
        path: '/members/sign-in',
        body: { phone: request.body.phone, code: request.body.code },
        requestId: request.id,
        response: MobileSignInAnswer,
      }),
  );

  app.post(
    '/user/token/refresh',
    {
      config: seedErrors,
      schema: {
        tags: ['sign-in'],
        summary: 'Trade a refresh token for a new pair',
        body: Type.Object({ refresh_token: Type.String({ minLength: 1, maxLength: 128 }) }),
        response: { 200: TokenPair },
      },
    },
    (request) =>
      services.auth.request({
        method: 'POST',
        path: '/tokens/refresh',
        body: { refresh_token: request.body.refresh_token, audience: 'member' },
        requestId: request.id,
        response: TokenPair,
      }),
  );
}
