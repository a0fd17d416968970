import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { messages } from '../../i18n/messages.ts';

const text = messages.staff;

/** A generated password, shown this once: the API never gives it again. */
export function OneTimePassword({
  login,
  password,
  onClose,
}: {
  login: string;
  password: string;
  onClose(): void;
}) {
  return (
    <Modal opened onClose={onClose} title={text.oneTimeTitle} closeOnClickOutside={false}>
      <Stack>
        <Text>{text.oneTimeHint}</Text>
        <Group gap="xs">
          <Text>{text.login}:</Text>
          <Code>{login}</Code>
        </Group>
        <Group gap="xs">
          <Text>{text.password}:</Text>
          <Code data-testid="one-time-password" fz="lg">
            {password}
          </Code>
          <CopyButton value={password}>
            {({ copied, copy }) => (
              <Button size="xs" variant="light" onClick={copy}>
                {copied ? text.copied : text.copy}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Alert color="yellow">{text.oneTimeWarning}</Alert>
        <Group justify="flex-end">
          <Button onClick={onClose}>{text.handedOver}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
