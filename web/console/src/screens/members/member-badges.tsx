import { Badge, Group } from '@mantine/core';
import { messages } from '../../i18n/messages.ts';
import { attentionReasons } from './members-filter.ts';

const text = messages.members;

interface MemberState {
  is_active: boolean;
  is_submited: boolean;
  has_new_program_change: boolean;
  has_new_passport_data: boolean;
  has_new_request: number;
}

/** What state the member is in and why they need attention, as small badges. */
export function MemberBadges({ member }: { member: MemberState }) {
  const reasons = attentionReasons(member);
  return (
    <Group gap={4}>
      {!member.is_active && (
        <Badge color="red" variant="filled" size="sm">
          {text.blocked}
        </Badge>
      )}
      {reasons.map((reason) => (
        <Badge key={reason} color={reason === 'not_submitted' ? 'orange' : 'blue'} variant="light" size="sm">
          {text.reasons[reason]}
        </Badge>
      ))}
      {member.is_active && reasons.length === 0 && member.is_submited && (
        <Badge color="green" variant="light" size="sm">
          {text.approved}
        </Badge>
      )}
    </Group>
  );
}
