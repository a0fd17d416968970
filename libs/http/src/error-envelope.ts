import { type Static, Type } from 'typebox';

export const ERROR_ENVELOPE_ID = 'ErrorEnvelope';

/** What every error answer looks like (SPEC §6); added to each app as a shared schema. */
export const ErrorEnvelope = Type.Object(
  {
    status: Type.Optional(Type.Literal('error')),
    message: Type.String(),
  },
  { $id: ERROR_ENVELOPE_ID, description: 'An error; `status` is absent on the few seed routes that omit it' },
);

export type ErrorEnvelopeBody = Static<typeof ErrorEnvelope>;

/** Use in route `response` schemas (e.g. `404: ErrorResponse`) to point at the shared component. */
export const ErrorResponse = Type.Unsafe<ErrorEnvelopeBody>({ $ref: `${ERROR_ENVELOPE_ID}#` });

/** Header naming the error's machine code, so a gateway can pass a service's code on. */
export const ERROR_CODE_HEADER = 'x-error-code';

/**
 * The seed's error bodies, each route its own (seeds/000): `{status, message}` on most admin
 * routes, `{message}` on the member app's, `{error}` on its request create/update, `{success:
 * false}` on the Diia callback. The last two also carry `message`, which the seed's clients ignore.
 */
export type ErrorEnvelopeStyle = 'status-and-message' | 'message-only' | 'error-field' | 'success-flag';

export function errorBody(message: string, style: ErrorEnvelopeStyle): ErrorEnvelopeBody {
  switch (style) {
    case 'message-only':
      return { message };
    case 'error-field':
      return { error: message, message } as ErrorEnvelopeBody;
    case 'success-flag':
      return { success: false, message } as ErrorEnvelopeBody;
    default:
      return { status: 'error', message };
  }
}

/** The schema of a route's error answers in its style (for `response` and so for OpenAPI). */
export function errorSchemaOf(style: ErrorEnvelopeStyle) {
  switch (style) {
    case 'message-only':
      return Type.Object({ message: Type.String() });
    case 'error-field':
      return Type.Object({ error: Type.String(), message: Type.String() });
    case 'success-flag':
      return Type.Object({ success: Type.Literal(false), message: Type.String() });
    default:
      return Type.Object({ status: Type.Literal('error'), message: Type.String() });
  }
}
