/** A subscriber's delivery that has not been delivered (nor given up on) yet. */
export interface PendingDelivery {
  id: number;
  objectKey: string;
  /** When its event happened, in ms: the order its object's deliveries go out in (then by id). */
  occurredAt: number;
  /** A worker holds it right now (its lease has not run out). */
  inFlight: boolean;
  /** When it comes due (or came due), in ms. */
  nextAttemptAt: number;
}

export interface OrderPlan {
  /** Deliveries to send one after another: each chain starts at its object's earliest pending delivery. */
  chains: number[][];
  /** Due deliveries that wait behind an earlier one of their object, and until when. */
  deferred: { id: number; until: number }[];
}

/**
 * Keeps each object's deliveries in order. A delivery may go only when no earlier one of its
 * object is still pending (earlier: by the event's time, then by id); delivered and dead ones do
 * not hold it back, so one delivery that failed every retry never blocks its object for good.
 * `due` are the deliveries this worker holds locked and may claim, `pending` every pending
 * delivery of their objects. Each object whose earliest pending delivery is among `due` gives a
 * chain: it and the ones right after it that are due too, up to `maxChain`.
 *
 * A due delivery behind an earliest one that is not among `due` (it waits for a retry, or it is
 * due but was not among the rows this worker looked at) is deferred to a millisecond after that
 * earliest one comes due. Workers take due rows by due time, then id, so the earliest one is then
 * always taken first: without it, later deliveries due before their object's earliest could fill
 * every claim and hold it back for good. Behind an earliest one that is in flight, they are
 * simply left: its attempt ends soon, and they may go right after it.
 */
export function planInOrder(
  due: ReadonlySet<number>,
  pending: readonly PendingDelivery[],
  maxChain: number,
): OrderPlan {
  const byObject = new Map<string, PendingDelivery[]>();
  for (const delivery of pending) {
    const list = byObject.get(delivery.objectKey);
    if (list) list.push(delivery);
    else byObject.set(delivery.objectKey, [delivery]);
  }
  const plan: OrderPlan = { chains: [], deferred: [] };
  for (const deliveries of byObject.values()) {
    deliveries.sort((a, b) => a.occurredAt - b.occurredAt || a.id - b.id);
    const head = deliveries[0]!;
    if (due.has(head.id)) {
      const chain: number[] = [];
      for (const delivery of deliveries) {
        if (!due.has(delivery.id) || chain.length >= maxChain) break;
        chain.push(delivery.id);
      }
      plan.chains.push(chain);
    } else if (!head.inFlight) {
      const until = head.nextAttemptAt + 1;
      for (const delivery of deliveries)
        if (due.has(delivery.id)) plan.deferred.push({ id: delivery.id, until });
    }
  }
  return plan;
}
