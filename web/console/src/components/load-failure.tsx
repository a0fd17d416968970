import { Alert, Button, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { messages } from '../i18n/messages.ts';

/**
 * A read that failed: the API's words and a way to try again. The title defaults to
 * "failed to load"; pass `title={null}` for a bare alert.
 */
export function LoadFailure({
  error,
  onRetry,
  title = messages.common.failedToLoad,
}: {
  error: Error;
  onRetry: () => void;
  title?: ReactNode;
}) {
  return (
    <Alert color="red" title={title ?? undefined} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{error.message}</Text>
        <Button size="xs" variant="light" onClick={onRetry}>
          {messages.common.retry}
        </Button>
      </Stack>
    </Alert>
  );
}
