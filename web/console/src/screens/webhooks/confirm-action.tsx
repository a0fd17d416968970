import { Button, type ButtonProps, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { messages } from '../../i18n/messages.ts';

/** A button whose action is asked about first, in words that say what will happen. */
export function ConfirmAction({
  label,
  question,
  onConfirm,
  loading,
  ...button
}: ButtonProps & { label: string; question: string; onConfirm: () => Promise<unknown> }) {
  const [opened, { open, close }] = useDisclosure();
  return (
    <>
      <Button {...button} loading={loading} onClick={open}>
        {label}
      </Button>
      <Modal opened={opened} onClose={close} title={label} centered>
        <Stack>
          <Text size="sm">{question}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {messages.common.cancel}
            </Button>
            <Button
              color={button.color}
              onClick={async () => {
                close();
                await onConfirm();
              }}
            >
              {messages.webhooks.detail.confirm}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
