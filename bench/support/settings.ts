import { AMQP_URL, MYSQL_URL } from '@kasa/config';
import { Type } from 'typebox';

/** What every benchmark that starts the services needs: the servers and the keys `./kasa` exports. */
export const BenchStackVariables = {
  MYSQL_URL,
  AMQP_URL,
  /** ./kasa exports both (files in .data/keys). */
  JWT_PRIVATE_KEY: Type.String({ minLength: 1 }),
  JWT_PUBLIC_KEY: Type.String({ minLength: 1 }),
  JWT_ISSUER: Type.String({ default: 'kasa-auth' }),
  FILES_KEY: Type.Optional(Type.String({ minLength: 1 })),
};
