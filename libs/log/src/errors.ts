import { pino } from 'pino';

/** Error fields that carry a query's values: phones, hashes, whatever the query held. */
const VALUE_FIELDS = ['params', 'sql', 'values', 'parameters'];

/** drizzle puts `params: <values>` into the message itself; mysql2 quotes the SQL with its values. */
const scrub = (text: string | undefined) =>
  text?.replace(/\nparams: [\s\S]*?(?=\n {4}at |$)/, '\nparams: [redacted]');

/**
 * Serialises errors like pino's own, minus the values of the query that failed, which may be
 * personal data; causes are scrubbed the same way.
 */
export function serializeError(error: Error): Record<string, unknown> {
  const serialized = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
  return scrubRecord(serialized);
}

function scrubRecord(record: Record<string, unknown>): Record<string, unknown> {
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (VALUE_FIELDS.includes(key)) continue;
    if ((key === 'message' || key === 'stack') && typeof value === 'string') clean[key] = scrub(value);
    else if (key === 'cause' && value && typeof value === 'object')
      clean[key] = scrubRecord(value as Record<string, unknown>);
    else clean[key] = value;
  }
  return clean;
}
