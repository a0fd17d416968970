import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { messages } from '../../i18n/messages.ts';
import { chainVerdict } from './audit-filter.ts';
import { fetchCheckedEvent } from './audit-queries.ts';

const text = messages.audit;
/** Checks at a time: enough to be quick, few enough to leave the audit service room. */
const AT_ONCE = 4;

type Outcome =
  | { state: 'idle' }
  | { state: 'checking'; done: number; total: number }
  | { state: 'done'; verdict: ReturnType<typeof chainVerdict> }
  | { state: 'failed'; message: string };

/**
 * The hash check of the events on the page: each one's stored hash against its content, and its
 * link to the event before. The API checks one event at a time; the whole chain is the server's.
 */
export function AuditChainCheck({ sequences }: { sequences: readonly number[] }) {
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });

  async function check() {
    const queue = [...sequences];
    const checked: Awaited<ReturnType<typeof fetchCheckedEvent>>[] = [];
    setOutcome({ state: 'checking', done: 0, total: queue.length });
    try {
      await Promise.all(
        Array.from({ length: Math.min(AT_ONCE, queue.length) }, async () => {
          for (let sequence = queue.shift(); sequence !== undefined; sequence = queue.shift()) {
            checked.push(await fetchCheckedEvent(sequence));
            setOutcome({ state: 'checking', done: checked.length, total: sequences.length });
          }
        }),
      );
      setOutcome({ state: 'done', verdict: chainVerdict(checked) });
    } catch (error) {
      queue.length = 0;
      setOutcome({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <Stack gap="xs">
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" c="dimmed">
          {text.wholeChainNote}
        </Text>
        <Button
          variant="light"
          onClick={check}
          disabled={sequences.length === 0}
          loading={outcome.state === 'checking'}
        >
          {text.checkPage}
        </Button>
      </Group>
      {outcome.state === 'checking' && (
        <Text size="sm" aria-live="polite">
          {text.checking(outcome.done, outcome.total)}
        </Text>
      )}
      {outcome.state === 'done' &&
        (outcome.verdict.intact ? (
          <Alert color="green" title={text.chainIntact} role="status">
            {text.chainIntactText(outcome.verdict.count)}
          </Alert>
        ) : (
          <Alert color="red" title={text.chainBroken} role="alert">
            {text.chainBrokenText(outcome.verdict.broken.join(', '))}
          </Alert>
        ))}
      {outcome.state === 'failed' && (
        <Alert color="red" title={text.checkFailed} role="alert">
          {outcome.message}
        </Alert>
      )}
    </Stack>
  );
}
