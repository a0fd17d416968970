import { Type } from 'typebox';
import { WEBHOOK_EVENT_TYPES } from '../topology.ts';
import { Nullable } from './members.ts';

/**
 * Shapes of outbound webhooks that the notification service answers and the admin gateway
 * passes on (SPEC §4). A subscriber's secret appears only in `SubscriberWithSecret`, the answer
 * to creating it or rotating its secret.
 */

const Time = Type.String({ format: 'date-time' });

/** An event type a subscriber can ask for, or `*` for every one (types added later included). */
export const WebhookEventType = Type.Union(
  [...WEBHOOK_EVENT_TYPES.map((type) => Type.Literal(type)), Type.Literal('*')],
  { description: 'an event type, or * for all of them' },
);

/** A subscriber's, a delivery's or an attempt's id. */
export const WebhookId = Type.Integer({ minimum: 1, maximum: 4_294_967_295 });

const WebhookUrl = Type.String({
  minLength: 1,
  maxLength: 2048,
  description:
    'http or https; its host must be or resolve to public addresses only (in every mode), unless the notification service allows the target in WEBHOOK_ALLOWED_TARGETS',
});
const WebhookEventTypes = Type.Array(WebhookEventType, { minItems: 1, maxItems: 100 });
const WebhookDescription = Type.String({ maxLength: 200 });

/** Paging of the delivery log, the attempts and the dead-letter list: latest first, by id. */
export const WebhookPaging = {
  before: Type.Optional(
    Type.Integer({ minimum: 1, description: 'the `next_before` of the previous page: only ids below it' }),
  ),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
};

/** A secret given by the administrator instead of a generated one. */
export const WebhookSecret = Type.String({
  minLength: 16,
  maxLength: 200,
  description:
    'an existing receiver’s secret: 16 to 200 printable characters, or whsec_ and base64 of 24+ bytes; ' +
    'generated (whsec_…) when left out',
});

/** Registering a subscriber. */
export const NewWebhookSubscriber = Type.Object({
  url: WebhookUrl,
  description: Type.Optional(WebhookDescription),
  event_types: WebhookEventTypes,
  enabled: Type.Optional(Type.Boolean({ default: true })),
  secret: Type.Optional(WebhookSecret),
});

/** Changing a subscriber: what is given changes (`description: null` removes it). */
export const WebhookSubscriberChange = Type.Object(
  {
    url: Type.Optional(WebhookUrl),
    description: Type.Optional(Type.Union([WebhookDescription, Type.Null()])),
    event_types: Type.Optional(WebhookEventTypes),
    enabled: Type.Optional(Type.Boolean()),
  },
  { minProperties: 1 },
);

export const WebhookSubscriber = Type.Object({
  id: Type.Integer(),
  url: Type.String(),
  description: Nullable(Type.String()),
  event_types: Type.Array(Type.String()),
  enabled: Type.Boolean(),
  /** `gone`: the receiver answered 410 Gone; `administrator`: disabled by hand. */
  disabled_reason: Nullable(Type.Union([Type.Literal('gone'), Type.Literal('administrator')])),
  disabled_at: Nullable(Time),
  created_at: Time,
  updated_at: Time,
});

export const SubscriberWithSecret = Type.Object({
  subscriber: WebhookSubscriber,
  secret: Type.String({ description: 'shown this once: keep it, it is never shown again' }),
});

export const WebhookDeliveryStatus = Type.Union(
  [Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('dead'), Type.Literal('paused')],
  { description: 'pending: to be sent or retried; paused: its subscriber is disabled' },
);

export const WebhookDelivery = Type.Object({
  id: Type.Integer(),
  subscriber_id: Type.Integer(),
  event_id: Type.String(),
  event_type: Type.String(),
  /** The object whose deliveries go out in order, `<domain>:<id>`. */
  object: Type.String(),
  occurred_at: Time,
  status: WebhookDeliveryStatus,
  attempts: Type.Integer({ minimum: 0 }),
  /** When pending: the next attempt, at the earliest. */
  next_attempt_at: Nullable(Time),
  last_status: Nullable(Type.Integer()),
  last_error: Nullable(Type.String()),
  last_attempt_at: Nullable(Time),
  delivered_at: Nullable(Time),
  created_at: Time,
});

export const WebhookAttempt = Type.Object({
  id: Type.Integer(),
  delivery_id: Type.Integer(),
  attempted_at: Time,
  duration_ms: Type.Integer({ minimum: 0 }),
  status_code: Nullable(Type.Integer()),
  error: Nullable(Type.String()),
  response_excerpt: Nullable(Type.String({ description: 'the first kilobyte of the answer' })),
});

/** One delivery with the event as sent, and every attempt. */
export const WebhookDeliveryDetail = Type.Object({
  delivery: WebhookDelivery,
  payload: Type.Unknown({ description: 'the event envelope, as POSTed' }),
  attempts: Type.Array(WebhookAttempt),
});

/** A page, latest first; `next_before` asks for the page after it. */
export const WebhookDeliveryPage = Type.Object({
  data: Type.Array(WebhookDelivery),
  next_before: Nullable(Type.Integer()),
});
export const WebhookAttemptPage = Type.Object({
  data: Type.Array(WebhookAttempt),
  next_before: Nullable(Type.Integer()),
});

export const WebhookReplay = Type.Object({ replayed: Type.Integer({ minimum: 0 }) });
