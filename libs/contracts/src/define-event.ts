import type { Static, TObject } from 'typebox';
import { Compile } from 'typebox/compile';
import { envelopeOf } from './envelope.ts';

export interface EventDefinition<T extends string = string, D extends TObject = TObject> {
  readonly type: T;
  readonly version: number;
  readonly data: D;
  readonly envelope: ReturnType<typeof envelopeOf<T, D>>;
  /** Compiled once: consumers check every message they receive against it. */
  readonly check: (value: unknown) => value is Static<ReturnType<typeof envelopeOf<T, D>>>;
  readonly errors: (value: unknown) => string[];
  /** Carries a secret (a sign-in code): kept nowhere longer than delivery needs. */
  readonly sensitive: boolean;
}

export function defineEvent<T extends string, D extends TObject>(
  type: T,
  version: number,
  data: D,
  { sensitive = false } = {},
): EventDefinition<T, D> {
  const envelope = envelopeOf(type, version, data);
  const validator = Compile(envelope);
  return {
    type,
    version,
    data,
    envelope,
    check: (value): value is Static<typeof envelope> => validator.Check(value),
    errors: (value) => [...validator.Errors(value)].map((e) => `${e.instancePath || '/'} ${e.message}`),
    sensitive,
  };
}

export type EventOf<D extends EventDefinition> = Static<D['envelope']>;
export type DataOf<D extends EventDefinition> = Static<D['data']>;
