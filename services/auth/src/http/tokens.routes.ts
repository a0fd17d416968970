import { TokenPair } from '@kasa/contracts';
import type { HttpApp } from '@kasa/http';
import { Type } from 'typebox';
import { refreshTokens } from '../application/refresh-tokens.ts';
import type { AuthDeps } from '../deps.ts';

export function tokenRoutes(app: HttpApp, deps: AuthDeps): void {
  app.post(
    '/tokens/refresh',
    {
      schema: {
        summary: 'Trade a refresh token for a new pair (the old one stops working)',
        body: Type.Object({
          refresh_token: Type.String({ minLength: 1, maxLength: 128 }),
          audience: Type.Union([Type.Literal('member'), Type.Literal('staff')]),
        }),
        response: { 200: TokenPair },
      },
    },
    (request) => refreshTokens(deps, request.body.refresh_token, request.body.audience),
  );
}
