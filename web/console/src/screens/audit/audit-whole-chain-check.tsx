import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { call } from '../../api/errors.ts';
import { messages } from '../../i18n/messages.ts';

const text = messages.audit;

/**
 * The whole trail verified on the server, as `./kasa audit-verify` does: every event walked in
 * order and its hash recomputed. Intact up to its head, or the first position that breaks it.
 */
export function AuditWholeChainCheck() {
  const check = useMutation({
    mutationFn: () => call(() => api.GET('/audit/chain')).then((answer) => answer.data),
  });
  const report = check.data;
  return (
    <Stack gap="xs">
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" c="dimmed">
          {text.wholeChainHint}
        </Text>
        <Button variant="light" onClick={() => check.mutate()} loading={check.isPending}>
          {text.checkWholeChain}
        </Button>
      </Group>
      {report?.intact && (
        <Alert color="green" title={text.chainIntact} role="status">
          {text.wholeChainIntact(report.count, report.head?.hash ?? '')}
        </Alert>
      )}
      {report && !report.intact && report.break && (
        <Alert color="red" title={text.chainBroken} role="alert">
          {text.wholeChainBroken(report.break.position, report.count)}
        </Alert>
      )}
      {check.isError && (
        <Alert color="red" title={text.checkFailed} role="alert">
          {check.error.message}
        </Alert>
      )}
    </Stack>
  );
}
