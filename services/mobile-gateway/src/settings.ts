import { SeedTokenSecret } from '@kasa/config';
import { Type } from 'typebox';

/** The mobile gateway's own variables. */
export const MobileGatewaySettings = Type.Object({
  /** iOS app ids for universal links, comma-separated (the seed's app by default). */
  APPLE_APP_IDS: Type.String({
    default: '5JTBMP57KF.ua.org.lKassa',
    pattern: '^[A-Z0-9]{10}\\.[\\w.-]+(,[A-Z0-9]{10}\\.[\\w.-]+)*$',
  }),
  /** The old system's token secret: members keep the tokens it gave them (seed-tokens.ts). */
  ...SeedTokenSecret,
});
