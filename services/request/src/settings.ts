import { CommonConfig } from '@kasa/config';
import { FileStoreVariables, requireOneFileKey } from '@kasa/files';
import { Type } from 'typebox';

/** The request service's own variables: the token key, the receipts' store, the usual amount. */
const Settings = Type.Object({
  NODE_ENV: CommonConfig.NODE_ENV,
  /** The auth service's public key (PEM, or the path of a PEM file): members' and staff's tokens. */
  JWT_PUBLIC_KEY: Type.String({ minLength: 1 }),
  JWT_ISSUER: Type.String({ default: 'kasa-auth' }),
  /**
   * Granted amounts above this (kopiyky) are flagged to the reviewer as unusual, until the
   * member's program has enough granted requests to tell what is usual on it.
   */
  REQUEST_USUAL_MAX_AMOUNT: Type.Integer({ minimum: 0, maximum: 100_000_000, default: 2_000_000 }),
  /** Receipt photos and scans, encrypted. */
  ...FileStoreVariables,
});

/** The request service's settings, with their rules: the files' key must come from somewhere. */
export const RequestSettings = requireOneFileKey(Settings);
