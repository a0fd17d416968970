import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../api/errors.ts';
import { messages } from '../../i18n/messages.ts';
import { sessions } from '../../session/session.ts';

const text = messages.signIn;

/** Sign-in with login and password; a temporary password leads on to its change. */
export function SignInScreen() {
  const { redirect } = useSearch({ from: '/sign-in' });
  const navigate = useNavigate();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useMutation({
    mutationFn: async () => {
      const { data, error, response } = await api.POST('/signin', {
        body: { login: login.trim(), password },
      });
      if (data) return data;
      throw new Error(
        response.status === 404
          ? text.refused
          : response.status === 429
            ? text.locked
            : errorMessage(response, error),
      );
    },
    onSuccess: (data) => {
      sessions.start({
        accessToken: data.access_token,
        refreshToken: data.refresh_token,
        user: {
          id: data.user.id,
          name: data.user.name,
          login: data.user.login,
          role: data.user.role,
          must_change_password: data.user.must_change_password,
        },
      });
      if (data.user.must_change_password) void navigate({ to: '/change-password', search: { redirect } });
      else void navigate({ to: redirect ?? '/' });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (login.trim() && password) signIn.mutate();
  }

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w={380}>
        <form onSubmit={submit}>
          <Stack>
            <div>
              <Title order={2}>{messages.common.appName}</Title>
              <Text c="dimmed">{text.title}</Text>
            </div>
            {signIn.error && (
              <Alert color="red" role="alert">
                {signIn.error.message}
              </Alert>
            )}
            <TextInput
              label={text.login}
              name="login"
              autoComplete="username"
              required
              value={login}
              onChange={(event) => setLogin(event.currentTarget.value)}
            />
            <PasswordInput
              label={text.password}
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
            />
            <Button type="submit" loading={signIn.isPending}>
              {text.submit}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
