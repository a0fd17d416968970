import { TokenPair } from '@kasa/contracts';
import { bearerSecurity, type HttpApp, requireAuth } from '@kasa/http';
import type { GatewayContext } from '@kasa/runtime';
import { Type } from 'typebox';
import { seedErrors } from '../access.ts';

const Message = Type.Object({ message: Type.String() });
/** The seed's sign-in routes answer errors as `{ message }`. */

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

  app.post(
    '/user/signrequest',
    {
      config: seedErrors,
      schema: {
        tags: ['sign-in'],
        summary: 'Send a sign-in code by SMS',
        description:
          '`create: true` for a new phone (422 if it exists), false for an existing member (422 if not). ' +
          '429 with Retry-After when asked too often.',
        body: Type.Object({
          phone: Type.String({ minLength: 1, maxLength: 32, examples: ['+380671234567'] }),
          create: Type.Optional(Type.Boolean({ default: false })),
        }),
        response: { 200: Message },
      },
    },
    (request) =>
      services.auth.request({
        method: 'POST',
        path: '/members/sign-requests',
        body: { phone: request.body.phone, create: request.body.create ?? false, address: request.ip },
        requestId: request.id,
        response: Message,
      }),
  );

  app.post(
    '/user/signin',
    {
      config: seedErrors,
      schema: {
        tags: ['sign-in'],
        summary: 'Trade the SMS code for an access token',
        body: Type.Object({
          phone: Type.String({ minLength: 1, maxLength: 32 }),
          code: Type.String({ minLength: 1, maxLength: 16 }),
        }),
        response: { 200: TokenPair },
      },
    },
    (request) =>
      services.auth.request({
        method: 'POST',
        path: '/members/sign-in',
        body: { phone: request.body.phone, code: request.body.code },
        requestId: request.id,
        response: TokenPair,
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
