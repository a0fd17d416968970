export { Broker, type BrokerOptions, type SetupStep } from './broker.ts';
export {
  type BatchContext,
  Consumers,
  type Handler,
  type HandlerContext,
  type StreamBatchHandler,
  type StreamHandler,
} from './consumer.ts';
export {
  countDeadLetters,
  type DeadLetter,
  inspectDeadLetters,
  replayDeadLetters,
} from './dead-letters.ts';
export { isUnavailable, PermanentError } from './errors.ts';
export { type AnyEvent, type EventMeta, newEvent } from './events.ts';
export { claimEvent } from './inbox.ts';
export { DEFAULT_RETRY_DELAYS_MS, Messaging, type MessagingOptions } from './messaging.ts';
export { type TopologyNames, topologyNames } from './names.ts';
export { enqueue, type TransactionContext, UnitOfWork } from './outbox.ts';
export { OutboxRelay, type OutboxRelayOptions } from './outbox-relay.ts';
export {
  createProbeLedger,
  handleProbes,
  newProbe,
  PROBE_CONSUMER_SCRIPT,
  PROBE_SUBSCRIPTION,
  probeTotals,
} from './probe-ledger.ts';
export { BrokerUnavailableError, eventMessage, type OutgoingMessage, Publisher } from './publisher.ts';
export { assertTopology, type TopologyOptions } from './topology.ts';
