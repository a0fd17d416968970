import { Paper, Text } from '@mantine/core';

/** One figure of a request's money: what was granted, paid, or is left. */
export function PayoutFigure({
  label,
  value,
  testId,
  strong,
}: {
  label: string;
  value: string;
  testId?: string;
  strong?: boolean;
}) {
  return (
    <Paper bg="gray.0" p="xs" radius="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={strong ? 700 : 500} data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}
