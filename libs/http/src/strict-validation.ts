import AjvCompiler from '@fastify/ajv-compiler';
import type { FastifyServerOptions } from 'fastify';
import { inputDecoderFor } from './strict-input.ts';

interface RouteSchema {
  schema: unknown;
  method: string;
  url: string;
  httpPart?: string;
}

interface Validate {
  (data: unknown, context?: unknown): boolean;
  errors?: unknown;
  schemaEnv?: unknown;
}

const ajvCompilers = AjvCompiler();

/**
 * fastify's Ajv validation without type coercion: each field takes its own type, or that
 * type's canonical text (strict-input.ts), and nothing else. Wrong types are a 400 before a
 * handler runs, so they never reach a query.
 */
export const strictValidation: NonNullable<FastifyServerOptions['schemaController']> = {
  compilersFactory: {
    // fastify's declared type has the compiler take a bare schema; it is given the route's.
    buildValidator: buildStrictValidator as never,
  },
};

function buildStrictValidator(
  externalSchemas: Record<string, unknown>,
  options: Record<string, unknown> = {},
) {
  const customOptions = { ...(options.customOptions as object | undefined), coerceTypes: false };
  const compile = ajvCompilers(
    externalSchemas as never,
    { ...options, customOptions } as never,
  ) as unknown as (route: RouteSchema) => Validate;
  return (route: RouteSchema) => {
    const validate = compile(route);
    const decode = inputDecoderFor(route.schema, route.httpPart);
    if (!decode) return validate;
    const strict: Validate = (data, context) => {
      const errors = decode(data);
      if (errors.length > 0) {
        strict.errors = errors;
        return false;
      }
      const valid = validate(data, context);
      strict.errors = validate.errors;
      return valid;
    };
    // fastify hands Ajv's own functions the request, so a root value can be replaced.
    strict.schemaEnv = validate.schemaEnv;
    return strict;
  };
}
