import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { messages } from '../../i18n/messages.ts';
import { CertificateInput } from './certificate-input.tsx';
import { changedFields, type EditableField, editFormOf, isBirthDate } from './member-edit.ts';
import { type MemberCard, useUpdateMember } from './members-queries.ts';

const text = messages.members;
const labels = text.profileFields;

const FIELDS: [EditableField, string, number][] = [
  ['last_name', labels.lastName, 64],
  ['first_name', labels.firstName, 64],
  ['middle_name', labels.middleName, 64],
  ['birth_date', labels.birthDate, 10],
  ['phone', labels.phone, 32],
  ['email', labels.email, 254],
  ['passport_data', labels.passport, 255],
  ['inn', labels.inn, 16],
  ['iban', labels.iban, 40],
];

/** The member's profile fields, edited; only what changed is sent. */
export function MemberEditModal({
  card,
  opened,
  onClose,
}: {
  card: MemberCard;
  opened: boolean;
  onClose: () => void;
}) {
  const [original] = useState(() => editFormOf(card.member));
  const [form, setForm] = useState(original);
  const update = useUpdateMember();
  const badDate = !isBirthDate(form.birth_date);
  const changes = changedFields(original, form);
  const set = (field: EditableField) => (value: string) =>
    setForm((current) => ({ ...current, [field]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (badDate || Object.keys(changes).length === 0) return;
    update.mutate(
      { id: card.member.id, ...changes },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: text.editedNotice });
          onClose();
        },
      },
    );
  }

  return (
    <Modal opened={opened} onClose={onClose} title={text.editTitle} size="xl">
      <form onSubmit={submit}>
        <Stack>
          <Text size="sm" c="dimmed">
            {text.editHint}
            {card.member.is_submited && (card.new_program || card.new_identities.length > 0)
              ? ` ${text.saveEffect}`
              : ''}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {FIELDS.map(([field, label, maxLength]) => (
              <TextInput
                key={field}
                label={label}
                value={form[field]}
                maxLength={maxLength}
                placeholder={field === 'birth_date' ? text.birthDateHint : undefined}
                error={field === 'birth_date' && badDate ? text.birthDateHint : undefined}
                onChange={(event) => set(field)(event.currentTarget.value)}
              />
            ))}
          </SimpleGrid>
          <CertificateInput value={form.certificate} onChange={set('certificate')} />
          {update.error && (
            <Alert color="red" role="alert">
              {update.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {messages.common.cancel}
            </Button>
            <Button
              type="submit"
              loading={update.isPending}
              disabled={badDate || Object.keys(changes).length === 0}
            >
              {messages.common.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
