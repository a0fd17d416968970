import { CommonConfig, url } from '@kasa/config';
import { FileStoreVariables, requireOneFileKey } from '@kasa/files';
import { Type } from 'typebox';
import { DiiaVariables, refineDiiaSettings } from './diia/diia-settings.ts';

/** The member service's own variables (SPEC §5: files, public address, Diia, the token key). */
const Settings = refineDiiaSettings(
  Type.Object({
    NODE_ENV: CommonConfig.NODE_ENV,
    /** The auth service's public key (PEM, or the path of a PEM file): members' and staff's tokens. */
    JWT_PUBLIC_KEY: Type.String({ minLength: 1 }),
    JWT_ISSUER: Type.String({ default: 'kasa-auth' }),
    /** The mobile gateway's public address: Diia's return link is made from it. */
    PUBLIC_URL: url('http://127.0.0.1:8080', ['http', 'https']),
    /** Members' documents, photos and program terms, encrypted. */
    ...FileStoreVariables,
    ...DiiaVariables,
  }),
);

/** The member service's settings, with their rules: the files' key must come from somewhere. */
export const MemberSettings = requireOneFileKey(Settings);
