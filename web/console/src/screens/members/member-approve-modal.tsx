import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { messages } from '../../i18n/messages.ts';
import { CertificateInput } from './certificate-input.tsx';
import { type MemberCard, useUpdateMember } from './members-queries.ts';

const text = messages.members;

/**
 * Approval: a new profile (with its certificate number, generated here if need be), or an
 * approved member's new program and documents, which become current.
 */
export function MemberApproveModal({
  card,
  opened,
  onClose,
}: {
  card: MemberCard;
  opened: boolean;
  onClose: () => void;
}) {
  const { member } = card;
  const [certificate, setCertificate] = useState(member.certificate ?? '');
  const update = useUpdateMember();

  function submit(event: FormEvent) {
    event.preventDefault();
    update.mutate(
      { id: member.id, certificate: certificate.trim() || null, is_submited: true },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: text.approvedNotice });
          onClose();
        },
      },
    );
  }

  return (
    <Modal opened={opened} onClose={onClose} title={text.approveTitle} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <Text size="sm">{member.is_submited ? text.approveChangesHint : text.approveHint}</Text>
          <CertificateInput value={certificate} onChange={setCertificate} />
          {update.error && (
            <Alert color="red" role="alert">
              {update.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {messages.common.cancel}
            </Button>
            <Button type="submit" color="green" loading={update.isPending}>
              {text.confirmApprove}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
