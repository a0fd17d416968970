import { Anchor, Modal, Skeleton, Stack } from '@mantine/core';
import { LoadFailure } from '../../components/load-failure.tsx';
import { useObjectUrl } from '../../files/use-object-url.ts';
import { messages } from '../../i18n/messages.ts';
import { useProgramTerms } from './programs-queries.ts';

const text = messages.programs.viewer;

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
        <LoadFailure error={terms.error} onRetry={() => void terms.refetch()} title={text.failed} />
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
