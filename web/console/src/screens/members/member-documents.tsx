import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { messages } from '../../i18n/messages.ts';
import { MemberDocument } from './member-document.tsx';
import type { MemberCard } from './members-queries.ts';

const text = messages.members;

type Identity = MemberCard['identities'][number];

/** The documents waiting for approval, then the current ones, each shown in the page. */
export function MemberDocuments({ card }: { card: MemberCard }) {
  const memberId = card.member.id;
  if (card.new_identities.length === 0 && card.current_identities.length === 0)
    return <Text c="dimmed">{text.noDocuments}</Text>;
  return (
    <Stack gap="lg">
      {card.new_identities.length > 0 && (
        <DocumentGroup title={text.pendingDocuments} memberId={memberId} identities={card.new_identities} />
      )}
      {card.current_identities.length > 0 && (
        <DocumentGroup
          title={text.currentDocuments}
          memberId={memberId}
          identities={card.current_identities}
        />
      )}
    </Stack>
  );
}

function DocumentGroup({
  title,
  memberId,
  identities,
}: {
  title: string;
  memberId: number;
  identities: readonly Identity[];
}) {
  return (
    <section aria-label={title}>
      <Title order={5} mb="xs">
        {title}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {identities.map((identity) => (
          <MemberDocument
            key={identity.id}
            memberId={memberId}
            filename={identity.file.filename}
            title={identity.identity_type.name}
            updatedAt={identity.updated_at}
          />
        ))}
      </SimpleGrid>
    </section>
  );
}
