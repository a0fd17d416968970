import { messages } from '../../i18n/messages.ts';

/**
 * A webhook subscriber's form: checked as far as the browser can (the server checks the address
 * itself: public, resolvable) and turned into the bodies of `POST /webhooks` and `PATCH /webhooks/:id`.
 */

const text = messages.webhooks.form;

/** Every event type, those added later included. */
export const ALL_EVENTS = '*';

export interface WebhookFormValues {
  url: string;
  description: string;
  eventTypes: string[];
  enabled: boolean;
  /** Only when registering: an existing receiver's secret, or empty for a generated one. */
  secret: string;
}

export const emptyWebhookForm = (): WebhookFormValues => ({
  url: '',
  description: '',
  eventTypes: [],
  enabled: true,
  secret: '',
});

export type WebhookFormProblems = Partial<Record<'url' | 'eventTypes' | 'secret', string>>;

export function webhookFormProblems(values: WebhookFormValues): WebhookFormProblems {
  const problems: WebhookFormProblems = {};
  const url = values.url.trim();
  if (!url) problems.url = text.urlRequired;
  else if (!/^https?:\/\/[^\s/]+/i.test(url) || url.length > 2048) problems.url = text.urlInvalid;
  if (values.eventTypes.length === 0) problems.eventTypes = text.typesRequired;
  const secret = values.secret.trim();
  if (secret && (secret.length < 16 || secret.length > 200)) problems.secret = text.secretShort;
  return problems;
}

/** `*` means every type: chosen with others, it stands alone. */
export function eventTypesOf(chosen: readonly string[]): string[] {
  const unique = [...new Set(chosen)];
  return unique.includes(ALL_EVENTS) ? [ALL_EVENTS] : unique;
}

/** The body that registers a subscriber. */
export function newSubscriberBody(values: WebhookFormValues) {
  const description = values.description.trim();
  const secret = values.secret.trim();
  return {
    url: values.url.trim(),
    event_types: eventTypesOf(values.eventTypes),
    enabled: values.enabled,
    ...(description ? { description } : {}),
    ...(secret ? { secret } : {}),
  };
}

/** The body that changes a subscriber: only what differs (null removes the description); null when nothing does. */
export function subscriberChangeBody(
  values: WebhookFormValues,
  current: { url: string; description: string | null; event_types: string[] },
) {
  const url = values.url.trim();
  const description = values.description.trim() || null;
  const types = eventTypesOf(values.eventTypes);
  const change = {
    ...(url !== current.url ? { url } : {}),
    ...(description !== current.description ? { description } : {}),
    ...(types.join('\n') !== [...current.event_types].join('\n') ? { event_types: types } : {}),
  };
  return Object.keys(change).length ? change : null;
}
