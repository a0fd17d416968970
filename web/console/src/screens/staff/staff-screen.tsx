import { Alert, Badge, Button, Group, Menu, Modal, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { LoadFailure } from '../../components/load-failure.tsx';
import { formatDay } from '../../format/format.ts';
import { messages } from '../../i18n/messages.ts';
import { useSession } from '../../session/use-session.ts';
import { OneTimePassword } from './one-time-password.tsx';
import {
  type StaffUserFields,
  type StaffUserRow,
  useCreateStaffUser,
  useDeleteStaffUser,
  useEditStaffUser,
  useResetStaffPassword,
  useSetStaffUserActive,
  useStaffUsers,
} from './staff-queries.ts';
import { StaffUserForm } from './staff-user-form.tsx';

const text = messages.staff;

const NEW_USER: StaffUserFields = { login: '', name: '', email: '', phone: '', role: 'staff' };

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; user: StaffUserRow }
  | { kind: 'confirm'; user: StaffUserRow; action: 'block' | 'unblock' | 'reset' | 'delete' }
  | { kind: 'password'; login: string; password: string };

const failed = (error: Error) => notifications.show({ color: 'red', message: error.message });
/** A change went through: said so, and the dialog closed. */
const doneThen = (close: () => void, message: string) => () => {
  notifications.show({ color: 'green', message });
  close();
};

/**
 * Staff users (administrators): create one (their one-time password shown once), edit, block
 * or unblock, reset a password, delete. Nobody acts on themselves here but to edit their details;
 * the last active administrator is the API's to protect (its answer is shown).
 */
export function StaffScreen() {
  const session = useSession();
  const users = useStaffUsers(session?.user.role === 'admin');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const create = useCreateStaffUser();
  const edit = useEditStaffUser();
  const setActive = useSetStaffUserActive();
  const reset = useResetStaffPassword();
  const remove = useDeleteStaffUser();
  const close = () => setDialog(null);
  const me = session?.user.id;
  if (session?.user.role !== 'admin')
    return (
      <Stack>
        <Title order={2}>{text.title}</Title>
        <Alert color="gray" role="alert">
          {messages.common.adminsOnly}
        </Alert>
      </Stack>
    );

  function confirm(user: StaffUserRow, action: 'block' | 'unblock' | 'reset' | 'delete') {
    const after = { onError: failed };
    if (action === 'reset')
      reset.mutate(user.id, {
        ...after,
        onSuccess: (answer) =>
          answer.password
            ? setDialog({ kind: 'password', login: user.login, password: answer.password })
            : close(),
      });
    else if (action === 'delete')
      remove.mutate(user.id, { ...after, onSuccess: doneThen(close, text.deleted) });
    else
      setActive.mutate(
        { id: user.id, active: action === 'unblock' },
        { ...after, onSuccess: doneThen(close, action === 'block' ? text.blocked : text.unblocked) },
      );
  }

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{text.title}</Title>
        <Button onClick={() => setDialog({ kind: 'create' })}>{text.create}</Button>
      </Group>
      {users.isPending && <Skeleton h={200} />}
      {users.isError && <LoadFailure error={users.error} onRetry={() => void users.refetch()} />}
      {users.data && users.data.length === 0 && <Text c="dimmed">{messages.common.nothingFound}</Text>}
      {users.data && users.data.length > 0 && (
        <Table striped highlightOnHover verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{text.name}</Table.Th>
              <Table.Th>{text.login}</Table.Th>
              <Table.Th>{text.email}</Table.Th>
              <Table.Th>{text.phone}</Table.Th>
              <Table.Th>{text.role}</Table.Th>
              <Table.Th>{text.state}</Table.Th>
              <Table.Th>{text.since}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.data.map((user) => (
              <Table.Tr key={user.id}>
                <Table.Td>{user.name}</Table.Td>
                <Table.Td>{user.login}</Table.Td>
                <Table.Td>{user.email ?? '—'}</Table.Td>
                <Table.Td>{user.phone ?? '—'}</Table.Td>
                <Table.Td>{messages.session.roles[user.role] ?? user.role}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {user.is_active ? (
                      <Badge color="green" variant="light">
                        {text.active}
                      </Badge>
                    ) : (
                      <Badge color="gray">{text.inactive}</Badge>
                    )}
                    {user.must_change_password && (
                      <Badge color="yellow" variant="light">
                        {text.temporaryPassword}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{formatDay(user.created_at)}</Table.Td>
                <Table.Td>
                  <Menu position="bottom-end">
                    <Menu.Target>
                      <Button size="xs" variant="subtle" aria-label={`${text.actions}: ${user.login}`}>
                        {text.actions}
                      </Button>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item onClick={() => setDialog({ kind: 'edit', user })}>{text.edit}</Menu.Item>
                      {user.id !== me && (
                        <>
                          <Menu.Item
                            onClick={() =>
                              setDialog({
                                kind: 'confirm',
                                user,
                                action: user.is_active ? 'block' : 'unblock',
                              })
                            }
                          >
                            {user.is_active ? text.block : text.unblock}
                          </Menu.Item>
                          <Menu.Item onClick={() => setDialog({ kind: 'confirm', user, action: 'reset' })}>
                            {text.resetPassword}
                          </Menu.Item>
                          <Menu.Item
                            color="red"
                            onClick={() => setDialog({ kind: 'confirm', user, action: 'delete' })}
                          >
                            {text.delete}
                          </Menu.Item>
                        </>
                      )}
                    </Menu.Dropdown>
                  </Menu>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      {dialog?.kind === 'create' && (
        <Modal opened onClose={close} title={text.create}>
          <StaffUserForm
            initial={NEW_USER}
            canChooseRole
            pending={create.isPending}
            onCancel={close}
            onSubmit={(fields) =>
              create.mutate(fields, {
                onError: failed,
                onSuccess: (answer) =>
                  setDialog({ kind: 'password', login: fields.login, password: answer.data.password }),
              })
            }
          />
        </Modal>
      )}
      {dialog?.kind === 'edit' && (
        <Modal opened onClose={close} title={`${text.edit}: ${dialog.user.login}`}>
          <StaffUserForm
            initial={{
              login: dialog.user.login,
              name: dialog.user.name,
              email: dialog.user.email ?? '',
              phone: dialog.user.phone ?? '',
              role: dialog.user.role,
            }}
            canChooseRole={dialog.user.id !== me}
            pending={edit.isPending}
            onCancel={close}
            onSubmit={(fields) =>
              edit.mutate(
                { id: dialog.user.id, ...fields },
                { onError: failed, onSuccess: doneThen(close, messages.common.saved) },
              )
            }
          />
        </Modal>
      )}
      {dialog?.kind === 'confirm' && (
        <Modal opened onClose={close} title={text.confirm[dialog.action]}>
          <Stack>
            <Text>
              {text.confirmText[dialog.action]} <b>{dialog.user.name}</b> ({dialog.user.login})?
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {messages.common.cancel}
              </Button>
              <Button
                color={dialog.action === 'delete' || dialog.action === 'block' ? 'red' : 'blue'}
                loading={setActive.isPending || reset.isPending || remove.isPending}
                onClick={() => confirm(dialog.user, dialog.action)}
              >
                {text.confirm[dialog.action]}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
      {dialog?.kind === 'password' && (
        <OneTimePassword login={dialog.login} password={dialog.password} onClose={close} />
      )}
    </Stack>
  );
}
