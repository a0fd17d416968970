import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  PasswordInput,
  Stack,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { messages } from '../../i18n/messages.ts';
import {
  ALL_EVENTS,
  emptyWebhookForm,
  eventTypesOf,
  newSubscriberBody,
  subscriberChangeBody,
  type WebhookFormProblems,
  type WebhookFormValues,
  webhookFormProblems,
} from './webhook-form.ts';
import {
  type EventType,
  type Subscriber,
  useChangeSubscriber,
  useCreateSubscriber,
  useEventTypes,
} from './webhooks-queries.ts';

const text = messages.webhooks.form;

/**
 * Registers a subscriber (then hands its one-time secret on), or changes one: address,
 * description, event types. Enabling and disabling are actions of their own on the card.
 */
export function WebhookFormModal({
  opened,
  onClose,
  subscriber,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  /** The subscriber to change; none to register a new one. */
  subscriber?: Subscriber;
  onCreated?: (created: { secret: string; subscriber: Subscriber }) => void;
}) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={subscriber ? text.editTitle : text.createTitle}
      size="lg"
      centered
    >
      {opened && <WebhookForm subscriber={subscriber} onDone={onClose} onCreated={onCreated} />}
    </Modal>
  );
}

function WebhookForm({
  subscriber,
  onDone,
  onCreated,
}: {
  subscriber?: Subscriber;
  onDone: () => void;
  onCreated?: (created: { secret: string; subscriber: Subscriber }) => void;
}) {
  const [values, setValues] = useState<WebhookFormValues>(() =>
    subscriber
      ? {
          ...emptyWebhookForm(),
          url: subscriber.url,
          description: subscriber.description ?? '',
          eventTypes: subscriber.event_types,
          enabled: subscriber.enabled,
        }
      : emptyWebhookForm(),
  );
  const [shown, setShown] = useState<WebhookFormProblems>({});
  const eventTypes = useEventTypes();
  const create = useCreateSubscriber();
  const change = useChangeSubscriber(subscriber?.id ?? 0);
  const saving = create.isPending || change.isPending;
  const failure = create.error ?? change.error;
  const set = (patch: Partial<WebhookFormValues>) => setValues((previous) => ({ ...previous, ...patch }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = webhookFormProblems(values);
    setShown(problems);
    if (Object.keys(problems).length) return;
    if (subscriber) {
      const body = subscriberChangeBody(values, subscriber);
      if (body) {
        const { event_types, ...rest } = body;
        await change.mutateAsync({
          ...rest,
          ...(event_types ? { event_types: event_types as EventType[] } : {}),
        });
      }
      notifications.show({ color: 'green', message: messages.common.saved });
      onDone();
      return;
    }
    const body = newSubscriberBody(values);
    const created = await create.mutateAsync({ ...body, event_types: body.event_types as EventType[] });
    notifications.show({ color: 'green', message: text.created });
    onDone();
    onCreated?.(created);
  }

  const options = [
    { value: ALL_EVENTS, label: messages.webhooks.allEvents },
    ...(eventTypes.data ?? []).map((type) => ({ value: type, label: type })),
  ];

  return (
    <form onSubmit={(event) => void submit(event).catch(() => undefined)} noValidate>
      <Stack>
        {failure && (
          <Alert color="red" role="alert">
            {failure.message}
          </Alert>
        )}
        {eventTypes.isError && (
          <Alert color="red" role="alert">
            {eventTypes.error.message}
          </Alert>
        )}
        <TextInput
          label={text.url}
          description={text.urlHint}
          placeholder="https://"
          required
          value={values.url}
          error={shown.url}
          onChange={(event) => set({ url: event.currentTarget.value })}
        />
        <TextInput
          label={text.description}
          maxLength={200}
          value={values.description}
          onChange={(event) => set({ description: event.currentTarget.value })}
        />
        <MultiSelect
          label={text.eventTypes}
          description={text.eventTypesHint}
          required
          searchable
          data={options}
          value={values.eventTypes}
          error={shown.eventTypes}
          onChange={(chosen) => set({ eventTypes: eventTypesOf(chosen) })}
          comboboxProps={{ withinPortal: true }}
        />
        {!subscriber && (
          <>
            <PasswordInput
              label={text.secret}
              description={text.secretHint}
              autoComplete="off"
              value={values.secret}
              error={shown.secret}
              onChange={(event) => set({ secret: event.currentTarget.value })}
            />
            <Checkbox
              label={text.enabled}
              checked={values.enabled}
              onChange={(event) => set({ enabled: event.currentTarget.checked })}
            />
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {messages.common.cancel}
          </Button>
          <Button type="submit" loading={saving}>
            {subscriber ? messages.common.save : text.create}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
