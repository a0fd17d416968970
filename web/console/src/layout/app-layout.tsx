import { AppShell, Badge, Burger, Button, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { api } from '../api/client.ts';
import { navigationFor } from '../app/navigation.ts';
import { messages } from '../i18n/messages.ts';
import { sessions } from '../session/session.ts';
import { useSession } from '../session/use-session.ts';

/** The frame of every staff screen: the sections the user may open, who is signed in, sign-out. */
export function AppLayout() {
  const session = useSession();
  const [opened, { toggle }] = useDisclosure();
  const path = useRouterState({ select: (state) => state.location.pathname });
  if (!session) return null;
  const { user } = session;

  async function signOut() {
    // The token stops working on the server; whatever it answers, this browser forgets it.
    await api.DELETE('/session').catch(() => undefined);
    sessions.end('signed_out');
  }

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" />
            <Title order={4}>{messages.common.appName}</Title>
            <Text c="dimmed" size="sm" visibleFrom="sm">
              {messages.common.appSubtitle}
            </Text>
          </Group>
          <Group gap="sm">
            <Text size="sm" data-testid="signed-in-user">
              {user.name}
            </Text>
            <Badge variant="light">{messages.session.roles[user.role] ?? user.role}</Badge>
            <Button variant="subtle" size="xs" onClick={signOut}>
              {messages.session.signOut}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <Stack gap={2}>
          {navigationFor(user).map((entry) => (
            <NavLink
              key={entry.to}
              component={Link}
              to={entry.to}
              label={entry.label}
              active={path === entry.to || path.startsWith(`${entry.to}/`)}
            />
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
