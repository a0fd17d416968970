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

export type ErrorEnvelopeStyle = 'status-and-message' | 'message-only';

export function errorBody(message: string, style: ErrorEnvelopeStyle): ErrorEnvelopeBody {
  return style === 'message-only' ? { message } : { status: 'error', message };
}
