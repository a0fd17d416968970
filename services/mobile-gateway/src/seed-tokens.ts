import { SeedSessionAnswer } from '@kasa/contracts';
import { isSeedToken, seedTokenVerifier, type TokenExchange, unauthorized } from '@kasa/http';
import type { GatewayContext } from '@kasa/runtime';
import type { Static } from 'typebox';
import type { MobileGatewaySettings } from './settings.ts';

/**
 * Members signed in to the old system stay signed in (issue 19): with its secret configured, an
 * HS256 token it gave is checked here (pinned to HS256 and that secret, so nothing else costs a
 * call), then traded once with the auth service for a Kasa token of the session it stands for,
 * until it expires. Only this gateway takes them: the admin gateway has no exchange, and the
 * Kasa token is a member's. Without the secret, such a token meets Kasa's EdDSA verifier and fails.
 */
export function seedTokenExchange({
  settings,
  services,
}: GatewayContext<Static<typeof MobileGatewaySettings>>): TokenExchange | undefined {
  if (!settings.SEED_JWT_SECRET) return undefined;
  const verify = seedTokenVerifier(settings.SEED_JWT_SECRET);
  return {
    recognises: isSeedToken,
    async exchange(token, requestId) {
      if (!verify(token, Date.now() / 1000)) throw unauthorized();
      const traded = await services.auth.request({
        method: 'POST',
        path: '/sessions/seed',
        body: { token },
        requestId,
        response: SeedSessionAnswer,
      });
      return traded.access_token;
    },
  };
}
