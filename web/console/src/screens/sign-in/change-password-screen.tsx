import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { api } from '../../api/client.ts';
import { call } from '../../api/errors.ts';
import { messages } from '../../i18n/messages.ts';
import { sessions } from '../../session/session.ts';
import { useSession } from '../../session/use-session.ts';

const text = messages.changePassword;

/**
 * The user's own password change. After a sign-in with a temporary password it is the only
 * screen open; the API ends the user's other sessions and answers with new tokens for this one.
 */
export function ChangePasswordScreen() {
  const session = useSession();
  const { redirect } = useSearch({ from: '/change-password' });
  const navigate = useNavigate();
  const [oldPassword, setOldPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [mistake, setMistake] = useState<string | null>(null);
  const change = useMutation({
    mutationFn: () =>
      call(() =>
        api.POST('/user/change_password', { body: { old_password: oldPassword, new_password: newPassword } }),
      ),
    onSuccess: (answer) => {
      if (answer.access_token && answer.refresh_token)
        sessions.renew(
          { accessToken: answer.access_token, refreshToken: answer.refresh_token },
          { must_change_password: false },
        );
      void navigate({ to: redirect ?? '/' });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (newPassword.length < 8) return setMistake(text.tooShort);
    if (newPassword !== repeated) return setMistake(text.mismatch);
    setMistake(null);
    change.mutate();
  }

  const problem = mistake ?? change.error?.message;
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w={420}>
        <form onSubmit={submit}>
          <Stack>
            <Title order={2}>{text.title}</Title>
            {session?.user.must_change_password && <Text>{text.firstTime}</Text>}
            {problem && (
              <Alert color="red" role="alert">
                {problem}
              </Alert>
            )}
            <PasswordInput
              label={text.oldPassword}
              name="old_password"
              autoComplete="current-password"
              required
              value={oldPassword}
              onChange={(event) => setOldPassword(event.currentTarget.value)}
            />
            <PasswordInput
              label={text.newPassword}
              description={text.hint}
              name="new_password"
              autoComplete="new-password"
              required
              value={newPassword}
              onChange={(event) => setNewPassword(event.currentTarget.value)}
            />
            <PasswordInput
              label={text.repeatPassword}
              name="repeat_password"
              autoComplete="new-password"
              required
              value={repeated}
              onChange={(event) => setRepeated(event.currentTarget.value)}
            />
            <Button type="submit" loading={change.isPending}>
              {text.submit}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
