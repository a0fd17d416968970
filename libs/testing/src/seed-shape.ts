import assert from 'node:assert/strict';
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';

/**
 * Fails unless `body` has the seed's shape: every field the schema declares, with its type and
 * format, at every depth. Fields Kasa added are allowed. The message lists where it drifts.
 */
export function assertSeedShape(schema: TSchema, body: unknown, what: string): void {
  const errors = [...Value.Errors(schema, body)];
  if (errors.length === 0) return;
  const where = errors
    .slice(0, 15)
    .map((error) => `  ${error.instancePath || '/'}: ${error.message}`)
    .join('\n');
  assert.fail(
    `${what} drifts from the seed's shape:\n${where}\nbody: ${JSON.stringify(body).slice(0, 1500)}`,
  );
}
