import { MobileAppSiteAssociation } from '@kasa/contracts';
import type { HttpApp } from '@kasa/http';

/**
 * Apple's universal links: the app comes back from Diia through `/diia/*` on our domain.
 * The app ids (`<team id>.<bundle id>`) come from configuration.
 */
export function appLinksRoutes(app: HttpApp, appIds: string[]): void {
  const body = { applinks: { details: [{ appIDs: appIds, components: [{ '/': '/diia/*' }] }] } };
  app.get(
    '/.well-known/apple-app-site-association',
    {
      schema: {
        tags: ['app'],
        summary: 'Universal links for the iOS app',
        response: { 200: MobileAppSiteAssociation },
      },
    },
    async () => body,
  );
}
