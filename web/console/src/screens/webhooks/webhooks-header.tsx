import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { messages } from '../../i18n/messages.ts';

const text = messages.webhooks;

/** The section's title and its two lists: subscribers and dead letters. */
export function WebhooksHeader({ active }: { active: 'subscribers' | 'dead-letters' }) {
  const navigate = useNavigate();
  return (
    <Stack gap="sm">
      <div>
        <Title order={2}>{text.title}</Title>
        <Text c="dimmed" size="sm">
          {text.subtitle}
        </Text>
      </div>
      <Tabs
        value={active}
        onChange={(tab) => {
          if (tab === 'subscribers') void navigate({ to: '/webhooks' });
          if (tab === 'dead-letters') void navigate({ to: '/webhooks/dead-letters' });
        }}
      >
        <Tabs.List>
          <Tabs.Tab value="subscribers">{text.tabs.subscribers}</Tabs.Tab>
          <Tabs.Tab value="dead-letters">{text.tabs.deadLetters}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
    </Stack>
  );
}
