import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { messages } from '../../i18n/messages.ts';

const text = messages.webhooks.secret;

/** A subscriber's secret, shown this once: the API never gives it again. */
export function WebhookSecretModal({
  secret,
  url,
  onClose,
}: {
  secret: string | null;
  url: string;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={secret !== null}
      onClose={onClose}
      title={text.title}
      centered
      size="lg"
      closeOnClickOutside={false}
    >
      <Stack>
        <Alert color="yellow" role="status">
          {text.once}
        </Alert>
        <Text size="sm" c="dimmed">
          {url}
        </Text>
        <Code block data-testid="webhook-secret">
          {secret}
        </Code>
        <Group justify="space-between">
          <CopyButton value={secret ?? ''}>
            {({ copied, copy }) => (
              <Button variant="light" color={copied ? 'teal' : undefined} onClick={copy}>
                {copied ? text.copied : text.copy}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onClose}>{text.done}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
