import { Badge, Button, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { LoadFailure } from '../../components/load-failure.tsx';
import { formatDay, formatMoney } from '../../format/format.ts';
import { messages } from '../../i18n/messages.ts';
import { useSession } from '../../session/use-session.ts';
import { ProgramFormModal } from './program-form-modal.tsx';
import { ProgramTermsModal } from './program-terms-modal.tsx';
import { type ProgramRow, termsFileOf, usePrograms } from './programs-queries.ts';

const text = messages.programs;

/** What is open over the list: the form (a new program or a change) or a program's terms. */
type Open =
  | { kind: 'form'; program: ProgramRow | null }
  | { kind: 'terms'; program: ProgramRow; filename: string }
  | null;

/**
 * The fund's programs, active or not, with their monthly price and terms; administrators create
 * and change them (the API lets no one else).
 */
export function ProgramsScreen() {
  const isAdmin = useSession()?.user.role === 'admin';
  const programs = usePrograms();
  const [open, setOpen] = useState<Open>(null);
  const rows = programs.data?.data ?? [];

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{text.title}</Title>
          <Text c="dimmed" size="sm">
            {text.subtitle}
          </Text>
        </div>
        {isAdmin && <Button onClick={() => setOpen({ kind: 'form', program: null })}>{text.create}</Button>}
      </Group>

      {programs.isError ? (
        <LoadFailure error={programs.error} onRetry={() => void programs.refetch()} />
      ) : programs.isPending ? (
        <Stack gap="xs" aria-label={messages.common.loading}>
          {Array.from({ length: 4 }, (_, index) => (
            <Skeleton key={index} height={40} />
          ))}
        </Stack>
      ) : rows.length === 0 ? (
        <Paper withBorder p="xl">
          <Stack align="center" gap={4}>
            <Text fw={500}>{text.empty}</Text>
            {isAdmin && (
              <Text c="dimmed" size="sm">
                {text.emptyHint}
              </Text>
            )}
          </Stack>
        </Paper>
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{text.columns.name}</Table.Th>
                  <Table.Th ta="right">{text.columns.price}</Table.Th>
                  <Table.Th>{text.columns.state}</Table.Th>
                  <Table.Th>{text.columns.terms}</Table.Th>
                  <Table.Th>{text.columns.updated}</Table.Th>
                  {isAdmin && <Table.Th>{text.columns.actions}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((program) => {
                  const filename = termsFileOf(program.program_file);
                  const by = program.updated_by ?? program.created_by;
                  return (
                    <Table.Tr key={program.id}>
                      <Table.Td fw={500}>{program.program_name}</Table.Td>
                      <Table.Td ta="right" ff="monospace">
                        {formatMoney(program.month_price)}
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={program.is_active ? 'teal' : 'gray'}>
                          {program.is_active ? text.active : text.inactive}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {filename ? (
                          <Button
                            size="xs"
                            variant="light"
                            aria-label={`${text.showTerms}: ${program.program_name}`}
                            onClick={() => setOpen({ kind: 'terms', program, filename })}
                          >
                            {text.showTerms}
                          </Button>
                        ) : (
                          <Text size="sm" c="dimmed">
                            {text.noTerms}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatDay(program.updated_at)}</Text>
                        {by && (
                          <Text size="xs" c="dimmed">
                            {text.by(by.name)}
                          </Text>
                        )}
                      </Table.Td>
                      {isAdmin && (
                        <Table.Td>
                          <Button
                            size="xs"
                            variant="subtle"
                            aria-label={`${text.edit}: ${program.program_name}`}
                            onClick={() => setOpen({ kind: 'form', program })}
                          >
                            {text.edit}
                          </Button>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}

      {open?.kind === 'form' && isAdmin && (
        <ProgramFormModal program={open.program} onClose={() => setOpen(null)} />
      )}
      {open?.kind === 'terms' && (
        <ProgramTermsModal
          name={open.program.program_name}
          filename={open.filename}
          onClose={() => setOpen(null)}
        />
      )}
    </Stack>
  );
}
