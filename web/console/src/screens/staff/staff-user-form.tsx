import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { messages } from '../../i18n/messages.ts';
import type { StaffUserFields } from './staff-queries.ts';

const text = messages.staff;

/** A staff user's fields, for a new user or an edit; the role is not offered for oneself. */
export function StaffUserForm({
  initial,
  canChooseRole,
  pending,
  onSubmit,
  onCancel,
}: {
  initial: StaffUserFields;
  canChooseRole: boolean;
  pending: boolean;
  onSubmit(fields: StaffUserFields): void;
  onCancel(): void;
}) {
  const [fields, setFields] = useState(initial);
  const set = (name: keyof StaffUserFields) => (value: string) =>
    setFields((current) => ({ ...current, [name]: value }));
  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit({ ...fields, login: fields.login.trim(), name: fields.name.trim(), email: fields.email.trim() });
  }
  return (
    <form onSubmit={submit}>
      <Stack>
        <TextInput
          label={text.login}
          description={text.loginHint}
          required
          value={fields.login}
          onChange={(event) => set('login')(event.currentTarget.value)}
        />
        <TextInput
          label={text.name}
          required
          value={fields.name}
          onChange={(event) => set('name')(event.currentTarget.value)}
        />
        <TextInput
          label={text.email}
          type="email"
          required
          value={fields.email}
          onChange={(event) => set('email')(event.currentTarget.value)}
        />
        <TextInput
          label={text.phone}
          value={fields.phone}
          onChange={(event) => set('phone')(event.currentTarget.value)}
        />
        {canChooseRole && (
          <Select
            label={text.role}
            data={[
              { value: 'staff', label: messages.session.roles.staff ?? 'staff' },
              { value: 'admin', label: messages.session.roles.admin ?? 'admin' },
            ]}
            allowDeselect={false}
            value={fields.role}
            onChange={(value) => value && set('role')(value)}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {messages.common.cancel}
          </Button>
          <Button type="submit" loading={pending}>
            {messages.common.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
