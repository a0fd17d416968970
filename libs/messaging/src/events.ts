import { randomUUID } from 'node:crypto';
import type { Actor, DataOf, EventDefinition, EventOf } from '@kasa/contracts';

export interface EventMeta {
  aggregateId: string | number;
  actor: Actor;
  correlationId?: string | undefined;
}

export interface AnyEvent {
  id: string;
  type: string;
  version: number;
  occurredAt: string;
  aggregateId: string;
  actor: Actor;
  correlationId?: string;
  data: unknown;
}

/** Builds an event of a declared type; the data is checked against its contract right here. */
export function newEvent<D extends EventDefinition>(
  definition: D,
  data: DataOf<D>,
  meta: EventMeta,
): EventOf<D> {
  const event = {
    id: randomUUID(),
    type: definition.type,
    version: definition.version,
    occurredAt: new Date().toISOString(),
    aggregateId: String(meta.aggregateId),
    actor: meta.actor,
    ...(meta.correlationId ? { correlationId: meta.correlationId } : {}),
    data,
  };
  if (!definition.check(event)) {
    throw new TypeError(
      `Event ${definition.type} breaks its contract: ${definition.errors(event).join('; ')}`,
    );
  }
  return event as EventOf<D>;
}
