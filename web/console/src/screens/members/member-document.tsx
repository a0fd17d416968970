import { Anchor, Card, Group, Image, Skeleton, Stack, Text } from '@mantine/core';
import { LoadFailure } from '../../components/load-failure.tsx';
import { useObjectUrl } from '../../files/use-object-url.ts';
import { formatDay } from '../../format/format.ts';
import { messages } from '../../i18n/messages.ts';
import { useMemberFile } from './members-queries.ts';

const text = messages.members;
/** Every document shows in a frame of one height, so that a row of them lines up. */
const FRAME_HEIGHT = 300;

/** Types a browser shows inline; anything else (HEIC photos) is offered for download. */
const shownAsImage = (type: string) => /^image\/(jpeg|png|gif|webp)$/.test(type);
const shownAsPdf = (type: string) => type === 'application/pdf';

export interface DocumentProps {
  memberId: number;
  filename: string;
  /** The document's type as the API names it (`ID-картка, аверс`…). */
  title: string;
  updatedAt: string;
}

/** One identity document, fetched with the session's token and shown in the page. */
export function MemberDocument({ memberId, filename, title, updatedAt }: DocumentProps) {
  const file = useMemberFile(memberId, filename);
  const url = useObjectUrl(file.data);
  const type = file.data?.type ?? '';

  return (
    <Card withBorder padding="sm">
      <Card.Section withBorder inheritPadding py={6}>
        <Group justify="space-between" gap="xs">
          <Text fw={500} size="sm">
            {title}
          </Text>
          <Text c="dimmed" size="xs">
            {formatDay(updatedAt)}
          </Text>
        </Group>
      </Card.Section>
      <Stack mt="sm" gap="xs">
        {file.error ? (
          <LoadFailure error={file.error} onRetry={() => void file.refetch()} title={null} />
        ) : !url ? (
          <Skeleton height={FRAME_HEIGHT} />
        ) : shownAsImage(type) ? (
          <Anchor href={url} target="_blank" rel="noopener">
            <Image src={url} alt={title} h={FRAME_HEIGHT} fit="contain" radius="sm" bg="gray.0" />
          </Anchor>
        ) : shownAsPdf(type) ? (
          <iframe src={url} title={title} height={FRAME_HEIGHT} width="100%" style={{ border: 0 }} />
        ) : (
          <Text size="sm" c="dimmed">
            {text.documentUnavailable}
          </Text>
        )}
        {url && (
          <Anchor href={url} download={filename} size="sm">
            {text.downloadDocument}
          </Anchor>
        )}
      </Stack>
    </Card>
  );
}
