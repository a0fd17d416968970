import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { messages } from '../../i18n/messages.ts';
import { type MemberCard, useUpdateMember } from './members-queries.ts';

const text = messages.members;

/** Blocks an active member (their sessions end) or unblocks a blocked one, once confirmed. */
export function MemberBlockModal({
  card,
  opened,
  onClose,
}: {
  card: MemberCard;
  opened: boolean;
  onClose: () => void;
}) {
  const { member } = card;
  const blocking = member.is_active;
  const update = useUpdateMember();

  function confirm() {
    update.mutate(
      { id: member.id, is_active: !blocking },
      {
        onSuccess: () => {
          notifications.show({
            color: blocking ? 'orange' : 'green',
            message: blocking ? text.blockedNotice : text.unblockedNotice,
          });
          onClose();
        },
      },
    );
  }

  return (
    <Modal opened={opened} onClose={onClose} title={blocking ? text.blockTitle : text.unblockTitle}>
      <Stack>
        <Text size="sm">{blocking ? text.blockHint : text.unblockHint}</Text>
        {member.is_submited && (card.new_program || card.new_identities.length > 0) && (
          <Text size="sm" c="dimmed">
            {text.saveEffect}
          </Text>
        )}
        {update.error && (
          <Alert color="red" role="alert">
            {update.error.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {messages.common.cancel}
          </Button>
          <Button color={blocking ? 'red' : 'green'} loading={update.isPending} onClick={confirm}>
            {blocking ? text.actions.block : text.actions.unblock}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
