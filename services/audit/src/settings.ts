import { Type } from 'typebox';

/** The audit service's own variables: the key that checks administrators' tokens. */
export const AuditSettings = Type.Object({
  /** The auth service's public key (PEM, or the path of a PEM file). */
  JWT_PUBLIC_KEY: Type.String({ minLength: 1 }),
  JWT_ISSUER: Type.String({ default: 'kasa-auth' }),
});
