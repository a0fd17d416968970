import { EVENTS_EXCHANGE, type Subscription } from '@kasa/contracts';

/**
 * Names of everything on the broker. A namespace prefix lets tests run side by side on
 * one broker without seeing each other's messages; production uses none.
 */
export interface TopologyNames {
  readonly exchange: string;
  queue(subscription: Subscription): string;
  deadLetterQueue(queue: string): string;
  retryExchange(delayMs: number): string;
  retryQueue(delayMs: number): string;
}

export function topologyNames(namespace = ''): TopologyNames {
  return {
    exchange: `${namespace}${EVENTS_EXCHANGE}`,
    queue: (subscription) =>
      `${namespace}${subscription.consumer}.${'stream' in subscription ? subscription.stream : subscription.event}`,
    deadLetterQueue: (queue) => `${queue}.dlq`,
    retryExchange: (delayMs) => `${namespace}kasa.retry.${delayMs}ms`,
    retryQueue: (delayMs) => `${namespace}kasa.retry.${delayMs}ms`,
  };
}
