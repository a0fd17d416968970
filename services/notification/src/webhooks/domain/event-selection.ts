/** A subscriber's event types: `*` stands for every type that may leave Kasa. */
export const ALL_EVENTS = '*';

export function subscribesTo(eventTypes: readonly string[], type: string): boolean {
  return eventTypes.includes(ALL_EVENTS) || eventTypes.includes(type);
}

/**
 * The object an event is about, for ordering: its type's domain and its aggregate
 * (`payment.confirmed` of payment 42 → `payment:42`). Deliveries of one object to one subscriber
 * go out in the order the events happened.
 */
export function objectKeyOf(type: string, aggregateId: string): string {
  const dot = type.indexOf('.');
  return `${dot === -1 ? type : type.slice(0, dot)}:${aggregateId}`;
}
