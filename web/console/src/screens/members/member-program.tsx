import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { formatDay, formatMoney } from '../../format/format.ts';
import { messages } from '../../i18n/messages.ts';
import type { MemberCard } from './members-queries.ts';

const text = messages.members;

type ProgramRow = NonNullable<MemberCard['actual_program']>;

/** The member's current program and the change they asked for, if any. */
export function MemberProgram({ card }: { card: MemberCard }) {
  if (!card.actual_program && !card.new_program) return <Text c="dimmed">{text.noProgram}</Text>;
  return (
    <Stack gap="sm">
      {card.actual_program && <ProgramLine label={text.currentProgram} row={card.actual_program} />}
      {card.new_program && <ProgramLine label={text.pendingProgram} row={card.new_program} pending />}
    </Stack>
  );
}

function ProgramLine({ label, row, pending = false }: { label: string; row: ProgramRow; pending?: boolean }) {
  return (
    <Paper withBorder p="sm" bg={pending ? 'blue.0' : undefined}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Group justify="space-between" gap="xs">
        <Text fw={500}>{row.program.program_name}</Text>
        {pending && (
          <Badge variant="light" size="sm">
            {text.reasons.program_change}
          </Badge>
        )}
      </Group>
      <Text size="sm">
        {text.perMonth(formatMoney(row.program.month_price))} · {text.programSince(formatDay(row.created_at))}
      </Text>
    </Paper>
  );
}
