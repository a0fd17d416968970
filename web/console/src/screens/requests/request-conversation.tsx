import { Alert, Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { formatDateTime } from '../../format/format.ts';
import { messages } from '../../i18n/messages.ts';
import { memberName } from './requests-logic.ts';
import { type RequestCard, usePostMessage } from './requests-queries.ts';

const text = messages.requests;

/** The conversation, oldest first, staff notes marked; an answer to the member or a note. */
export function RequestConversation({ card }: { card: RequestCard }) {
  const [draft, setDraft] = useState('');
  const post = usePostMessage(card.id);
  const closed = card.status.alias === 'closed';

  function send(internal: boolean) {
    const message = draft.trim();
    if (!message) return;
    post.mutate(
      { message, internal },
      {
        onSuccess: () => {
          setDraft('');
          notifications.show({ color: 'green', message: internal ? text.noteAdded : text.answerSent });
        },
        onError: (error) => notifications.show({ color: 'red', message: error.message }),
      },
    );
  }

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={4}>{text.conversation}</Title>
        {card.messages.length === 0 && (
          <Text c="dimmed" size="sm">
            {text.noMessages}
          </Text>
        )}
        {card.messages.map((message) => {
          const fromMember = message.member !== null;
          return (
            <Paper
              key={message.id}
              p="sm"
              radius="md"
              bg={message.internal ? 'yellow.0' : fromMember ? 'gray.0' : 'blue.0'}
              ml={fromMember ? 0 : 'xl'}
              mr={fromMember ? 'xl' : 0}
              data-testid="request-message"
            >
              <Group justify="space-between" gap="xs" mb={4}>
                <Group gap="xs">
                  <Text size="sm" fw={600}>
                    {fromMember
                      ? `${text.fromMember}: ${memberName(message.member ?? card.member)}`
                      : `${text.fromStaff}: ${message.user?.name ?? ''}`}
                  </Text>
                  {message.internal && (
                    <Badge size="xs" color="yellow" variant="filled">
                      {text.internalNote}
                    </Badge>
                  )}
                </Group>
                <Text size="xs" c="dimmed">
                  {formatDateTime(message.created_at)}
                </Text>
              </Group>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {message.message}
              </Text>
            </Paper>
          );
        })}
        <Textarea
          label={text.messageLabel}
          placeholder={text.messagePlaceholder}
          autosize
          minRows={3}
          maxLength={5000}
          value={draft}
          onChange={(event) => setDraft(event.currentTarget.value)}
        />
        {closed && (
          <Alert color="gray" p="xs">
            <Text size="sm">{text.closedNoAnswer}</Text>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button
            variant="light"
            color="yellow"
            disabled={!draft.trim()}
            loading={post.isPending && post.variables?.internal === true}
            onClick={() => send(true)}
          >
            {text.addNote}
          </Button>
          <Button
            disabled={!draft.trim() || closed}
            loading={post.isPending && post.variables?.internal === false}
            onClick={() => send(false)}
          >
            {text.sendAnswer}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
