import { SeedSessionAnswer } from '@kasa/contracts';
import { errorSchemaOf, type HttpApp } from '@kasa/http';
import { Type } from 'typebox';
import { continueSeedSession } from '../application/seed-sessions.ts';
import type { AuthDeps } from '../deps.ts';

/** The mobile gateway trades the old system's member tokens here (issue 19, switch-over). */
export function seedSessionRoutes(app: HttpApp, deps: AuthDeps): void {
  app.post(
    '/sessions/seed',
    {
      schema: {
        summary: "Trade a member's token from the old system for a Kasa token of its own session",
        description:
          'The token must be HS256 with `SEED_JWT_SECRET`, unexpired, of an existing member. Its session ends ' +
          'as Kasa’s do (sign-out with it, a block, a new phone); the Kasa token expires with it.',
        body: Type.Object({ token: Type.String({ minLength: 1, maxLength: 4096 }) }),
        response: {
          200: SeedSessionAnswer,
          401: Type.Object(errorSchemaOf('status-and-message').properties, {
            description: 'Not a valid token of the old system, or its session has ended',
          }),
        },
      },
    },
    (request) => continueSeedSession(deps, request.body.token),
  );
}
