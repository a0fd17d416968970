import { Type } from 'typebox';

/** The admin gateway's own variables. */
export const AdminGatewaySettings = Type.Object({
  /**
   * Which web origins may call this API from a browser: `*` (any), or origins comma-separated
   * (`https://admin.example.org,https://staging.example.org`). Any origin is safe while tokens
   * travel in headers and never in cookies: a page elsewhere has no token to send.
   */
  ADMIN_CORS_ORIGINS: Type.String({
    default: '*',
    pattern: '^(\\*|https?://[^,\\s/]+(,https?://[^,\\s/]+)*)$',
  }),
  /**
   * The staff console's built files (`pnpm --filter @kasa/console build`), served at `/`.
   * Empty: the repository's `web/console/dist`.
   */
  CONSOLE_DIR: Type.String({ default: '' }),
});
