import { CommonConfig, url } from '@kasa/config';
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
    /** Where members' documents, photos and program terms are kept, encrypted. */
    FILES_DIR: Type.String({ minLength: 1, default: './data/files' }),
    /** 32 random bytes, 64 hex characters or base64 (`openssl rand -base64 32`): the files' AES-256-GCM key. */
    FILES_KEY: Type.Optional(Type.String({ minLength: 1 })),
    /** Or the path of a file holding it (a Docker or Kubernetes secret). */
    FILES_KEY_FILE: Type.Optional(Type.String({ minLength: 1 })),
    /** Largest uploaded file, in bytes. */
    FILES_MAX_BYTES: Type.Integer({ minimum: 1024, maximum: 64 * 1024 * 1024, default: 10 * 1024 * 1024 }),
    ...DiiaVariables,
  }),
);

/** The member service's settings, with their rules: the files' key must come from somewhere. */
export const MemberSettings: typeof Settings = Type.Refine(
  Settings,
  (settings) => (settings.FILES_KEY === undefined) !== (settings.FILES_KEY_FILE === undefined),
  () => 'Set FILES_KEY (the files’ encryption key) or FILES_KEY_FILE (a file holding it), not both',
) as unknown as typeof Settings;
