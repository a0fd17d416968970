import { Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { LoadFailure } from '../../components/load-failure.tsx';
import { useObjectUrl } from '../../files/use-object-url.ts';
import { messages } from '../../i18n/messages.ts';
import { receiptKind } from './requests-logic.ts';
import { useRequestFile } from './requests-queries.ts';

const text = messages.requests;

/** One file, fetched with the session's token; its object URL lives as long as the viewer. */
export function ReceiptViewer({
  requestId,
  filename,
  title,
}: {
  requestId: number;
  filename: string;
  title: string;
}) {
  const file = useRequestFile(requestId, filename);
  const url = useObjectUrl(file.data);

  if (file.isError)
    return <LoadFailure error={file.error} onRetry={() => void file.refetch()} title={null} />;
  if (!file.data || !url)
    return (
      <Center h={240}>
        <Loader />
      </Center>
    );
  const kind = receiptKind(file.data.type);
  return (
    <Stack gap="xs">
      {kind === 'image' && (
        <Center bg="gray.0" p="xs">
          <img src={url} alt={title} style={{ maxWidth: '100%', maxHeight: 520 }} />
        </Center>
      )}
      {kind === 'pdf' && <iframe src={url} title={title} style={{ width: '100%', height: 560, border: 0 }} />}
      {kind === 'other' && (
        <Text size="sm" c="dimmed">
          {text.cannotPreview}
        </Text>
      )}
      <Group>
        <Button component="a" href={url} download={filename} size="xs" variant="subtle">
          {text.download}
        </Button>
      </Group>
    </Stack>
  );
}
