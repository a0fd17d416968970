import type { FastifyInstance, RouteOptions } from 'fastify';
import { type ErrorEnvelopeStyle, errorSchemaOf } from './error-envelope.ts';

type Responses = Record<string, unknown>;

/**
 * Declares, on every route with a schema, the errors any route can answer that its author need
 * not list: 400 when it reads input, 401 when it needs a token, 503 when a dependency is down
 * (with Retry-After). Each in the route's own envelope, so OpenAPI shows the bodies clients get.
 * A route's own declaration of a status wins.
 */
export function declareCommonErrors(app: FastifyInstance): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    const schema = route.schema as
      | (RouteOptions['schema'] & { security?: unknown; hide?: boolean })
      | undefined;
    if (!schema || schema.hide) return;
    const style: ErrorEnvelopeStyle = route.config?.errorEnvelope ?? 'status-and-message';
    const error = (description: string) => ({ ...errorSchemaOf(style), description });
    const common: Responses = {
      ...(schema.body || schema.querystring || schema.params
        ? { 400: error('The input is not valid; the message names the field') }
        : {}),
      ...(schema.security ? { 401: error('The token is missing, invalid, expired or revoked') } : {}),
      503: error('A service or database it needs is down; try again after Retry-After seconds'),
    };
    schema.response = { ...common, ...((schema.response as Responses | undefined) ?? {}) };
  });
}
