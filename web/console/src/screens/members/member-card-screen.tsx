import { Anchor, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { type JSX, type ReactNode, useState } from 'react';
import { LoadFailure } from '../../components/load-failure.tsx';
import { messages } from '../../i18n/messages.ts';
import { MemberApproveModal } from './member-approve-modal.tsx';
import { MemberBadges } from './member-badges.tsx';
import { MemberBlockModal } from './member-block-modal.tsx';
import { MemberDocuments } from './member-documents.tsx';
import { MemberEditModal } from './member-edit-modal.tsx';
import { MemberPayments } from './member-payments.tsx';
import { MemberProfile } from './member-profile.tsx';
import { MemberProgram } from './member-program.tsx';
import { MemberRequests } from './member-requests.tsx';
import { memberCardRoute } from './members.routes.tsx';
import { fullName } from './members-filter.ts';
import { type MemberCard, useMemberCard } from './members-queries.ts';

const text = messages.members;

type Dialog = 'approve' | 'block' | 'edit' | null;

/** A member's card: profile, program, documents, requests and payments, and what staff do with them. */
export function MemberCardScreen(): JSX.Element {
  const { memberId } = memberCardRoute.useParams();
  const id = Number(memberId);
  const card = useMemberCard(Number.isInteger(id) && id > 0 ? id : 0);

  return (
    <Stack>
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/members" />}>
        ← {text.backToList}
      </Anchor>
      {card.error ? (
        <LoadFailure error={card.error} onRetry={() => void card.refetch()} />
      ) : !card.data ? (
        <Stack>
          <Skeleton height={40} width="40%" />
          <Skeleton height={160} />
          <Skeleton height={240} />
        </Stack>
      ) : (
        <MemberCardView card={card.data} />
      )}
    </Stack>
  );
}

function MemberCardView({ card }: { card: MemberCard }) {
  const { member } = card;
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const pendingChanges = member.is_submited && (card.new_program !== null || card.new_identities.length > 0);

  return (
    <>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2}>{fullName(member) ?? text.noName}</Title>
          <Group gap="xs">
            <Text c="dimmed" size="sm">
              {member.phone}
              {member.certificate ? ` · ${text.profileFields.certificate} ${member.certificate}` : ''}
            </Text>
            <MemberBadges member={member} />
          </Group>
        </Stack>
        <Group gap="xs">
          {(!member.is_submited || pendingChanges) && (
            <Button color="green" onClick={() => setDialog('approve')}>
              {member.is_submited ? text.actions.approveChanges : text.actions.approve}
            </Button>
          )}
          <Button variant="default" onClick={() => setDialog('edit')}>
            {text.actions.edit}
          </Button>
          <Button
            variant="light"
            color={member.is_active ? 'red' : 'green'}
            onClick={() => setDialog('block')}
          >
            {member.is_active ? text.actions.block : text.actions.unblock}
          </Button>
        </Group>
      </Group>
      <Section title={text.profile}>
        <MemberProfile card={card} />
      </Section>
      <Section title={text.program}>
        <MemberProgram card={card} />
      </Section>
      <Section title={text.documents}>
        <MemberDocuments card={card} />
      </Section>
      <Section title={text.requests}>
        <MemberRequests card={card} />
      </Section>
      <Section title={text.payments}>
        <MemberPayments card={card} />
      </Section>
      {dialog === 'approve' && <MemberApproveModal card={card} opened onClose={close} />}
      {dialog === 'block' && <MemberBlockModal card={card} opened onClose={close} />}
      {dialog === 'edit' && <MemberEditModal card={card} opened onClose={close} />}
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Title order={4} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
