import { type AuthUser, type HttpApp, requireTokensFor, unauthorized } from '@kasa/http';
import { Type } from 'typebox';
import { revokedSessions } from '../application/session-revocations.ts';
import { endSession } from '../application/sessions.ts';
import type { AuthDeps } from '../deps.ts';

const Instant = Type.String({ format: 'date-time' });

/** The verified token's session and subject; tokens from before sessions were named have none. */
function sessionOf(user: AuthUser) {
  const id = Number(user.sub);
  const kind = user.aud === 'staff' ? 'staff' : 'member';
  if (typeof user.sid !== 'string' || !Number.isSafeInteger(id) || id < 1) throw unauthorized();
  return { sessionId: user.sid, subject: { kind, id } as const };
}

/**
 * Sessions: the list of revoked ones the gateways keep (they refuse those tokens without a call
 * per request), and sign-out, which adds the caller's own.
 */
export function sessionRoutes(deps: AuthDeps) {
  return async function sessionRoutesPlugin(app: HttpApp): Promise<void> {
    app.get(
      '/sessions/revoked',
      {
        // Every gateway asks four times a second: a line each would bury the log (as health probes would).
        logLevel: 'warn',
        schema: {
          summary: 'Sessions revoked since `since` whose tokens have not expired (all of them without it)',
          description: 'The gateways ask every few hundred milliseconds and refuse these sessions’ tokens.',
          querystring: Type.Object({ since: Type.Optional(Instant) }),
          response: {
            200: Type.Object({
              as_of: Instant,
              sessions: Type.Array(Type.Object({ id: Type.String(), until: Instant })),
            }),
          },
        },
      },
      (request) => revokedSessions(deps, request.query.since ? new Date(request.query.since) : undefined),
    );

    app.register(async (signedIn: HttpApp) => {
      await requireTokensFor(signedIn, {
        publicKey: deps.keys.publicKeyPem,
        issuer: deps.jwtIssuer,
        audience: ['member', 'staff'],
      });
      signedIn.delete(
        '/sessions/current',
        {
          schema: {
            summary: "Sign out: end the caller's session (its access and refresh tokens)",
            response: { 200: Type.Object({ message: Type.String() }) },
          },
        },
        async (request) => {
          const { sessionId, subject } = sessionOf(request.user);
          const ended = await deps.unitOfWork.run(({ tx }) => endSession(tx, sessionId, subject));
          if (!ended) throw unauthorized();
          return { message: 'Signed out' };
        },
      );
    });
  };
}
