import { Alert, Button, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { parseHryvnias } from '../../format/format.ts';
import { messages } from '../../i18n/messages.ts';
import { type RequestCard, useAssess } from './requests-queries.ts';

const text = messages.requests;

const typedAmount = (hryvnias: number) => (hryvnias ? hryvnias.toFixed(2).replace('.', ',') : '');

/** The diagnosis and the granted amount; a closed request is reopened before they change. */
export function RequestAssessment({ card }: { card: RequestCard }) {
  const [diagnosis, setDiagnosis] = useState(card.diagnos ?? '');
  const [granted, setGranted] = useState(typedAmount(card.suma));
  const [invalid, setInvalid] = useState(false);
  const assess = useAssess(card.id);
  const closed = card.status.alias === 'closed';

  function submit(event: FormEvent) {
    event.preventDefault();
    const suma = granted.trim() === '' ? '0.00' : parseHryvnias(granted);
    setInvalid(suma === null);
    if (suma === null) return;
    assess.mutate(
      { diagnos: diagnosis.trim(), suma },
      {
        onSuccess: () => notifications.show({ color: 'green', message: text.assessed }),
        onError: (error) => notifications.show({ color: 'red', message: error.message }),
      },
    );
  }

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={4}>{text.assessment}</Title>
          <Textarea
            label={text.diagnosis}
            autosize
            minRows={2}
            maxLength={2000}
            value={diagnosis}
            disabled={closed}
            onChange={(event) => setDiagnosis(event.currentTarget.value)}
          />
          <TextInput
            label={text.granted}
            inputMode="decimal"
            value={granted}
            disabled={closed}
            error={invalid ? text.notAnAmount : undefined}
            onChange={(event) => setGranted(event.currentTarget.value)}
          />
          {closed ? (
            <Alert color="gray" p="xs">
              <Text size="sm">{text.closedNoChange}</Text>
            </Alert>
          ) : (
            <Button type="submit" loading={assess.isPending}>
              {text.saveAssessment}
            </Button>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
