import { Alert, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { formatDay } from '../../format/format.ts';
import { messages } from '../../i18n/messages.ts';
import type { MemberCard } from './members-queries.ts';

const text = messages.members;
const labels = text.profileFields;

/** What the member told the fund about themselves, and the mistakes they reported in it. */
export function MemberProfile({ card }: { card: MemberCard }) {
  const { member } = card;
  const rows: [string, string | null][] = [
    [labels.lastName, member.last_name],
    [labels.firstName, member.first_name],
    [labels.middleName, member.middle_name],
    [labels.birthDate, member.birth_date ? formatDay(member.birth_date) : null],
    [labels.phone, member.phone],
    [labels.email, member.email],
    [labels.passport, member.passport_data],
    [labels.inn, member.inn],
    [labels.iban, member.actual_iban],
    [labels.certificate, member.certificate],
    [labels.paidUntil, member.expiration_date ? formatDay(member.expiration_date) : null],
    [labels.registered, formatDay(member.created_at)],
  ];
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" verticalSpacing="xs">
        {rows.map(([label, value]) => (
          <div key={label}>
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text>{value?.trim() ? value : '—'}</Text>
          </div>
        ))}
      </SimpleGrid>
      {card.corrections.map((correction) => (
        <Alert key={correction.id} color="yellow" title={text.corrections}>
          <Text size="sm">{text.correctionFrom(formatDay(correction.created_at))}</Text>
          <List size="sm" mt={4}>
            {correction.last_name && <List.Item>{`${labels.lastName}: ${correction.last_name}`}</List.Item>}
            {correction.first_name && (
              <List.Item>{`${labels.firstName}: ${correction.first_name}`}</List.Item>
            )}
            {correction.middle_name && (
              <List.Item>{`${labels.middleName}: ${correction.middle_name}`}</List.Item>
            )}
            {correction.birth_date && (
              <List.Item>{`${labels.birthDate}: ${formatDay(correction.birth_date)}`}</List.Item>
            )}
          </List>
        </Alert>
      ))}
    </Stack>
  );
}
