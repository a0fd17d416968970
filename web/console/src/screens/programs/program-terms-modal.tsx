import { Alert, Anchor, Button, Modal, Skeleton, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { messages } from '../../i18n/messages.ts';
import { useProgramTerms } from './programs-queries.ts';

const text = messages.programs.viewer;

/** A URL for the blob while the component shows it, revoked when it is gone. */
function useObjectUrl(blob: Blob | undefined): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!blob) return;
    const made = URL.createObjectURL(blob);
    setUrl(made);
    return () => {
      URL.revokeObjectURL(made);
      setUrl(null);
    };
  }, [blob]);
  return url;
}

/** A program's terms, fetched with the session's token and shown in the page. */
export function ProgramTermsModal({
  name,
  filename,
  onClose,
}: {
  name: string;
  filename: string;
  onClose: () => void;
}) {
  const terms = useProgramTerms(filename);
  const url = useObjectUrl(terms.data);
  return (
    <Modal opened onClose={onClose} title={text.title(name)} size="xl">
      {terms.error ? (
        <Alert color="red" role="alert" title={text.failed}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{terms.error.message}</Text>
            <Button size="xs" variant="light" color="red" onClick={() => void terms.refetch()}>
              {messages.common.retry}
            </Button>
          </Stack>
        </Alert>
      ) : !url ? (
        <Skeleton height={560} />
      ) : (
        <Stack gap="xs">
          <iframe src={url} title={text.frameTitle} height={560} width="100%" style={{ border: 0 }} />
          <Anchor href={url} download={filename} size="sm">
            {filename}
          </Anchor>
        </Stack>
      )}
    </Modal>
  );
}
