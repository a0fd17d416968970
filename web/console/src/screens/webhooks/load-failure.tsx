import { Alert, Button, Stack, Text } from '@mantine/core';
import { messages } from '../../i18n/messages.ts';

/** A read that failed: the API's words and a way to try again. */
export function LoadFailure({ error, onRetry }: { error: Error; onRetry: () => void }) {
  return (
    <Alert color="red" title={messages.common.failedToLoad} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{error.message}</Text>
        <Button size="xs" variant="light" onClick={onRetry}>
          {messages.common.retry}
        </Button>
      </Stack>
    </Alert>
  );
}
