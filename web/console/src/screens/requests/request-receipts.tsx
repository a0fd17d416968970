import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { formatDateTime } from '../../format/format.ts';
import { messages } from '../../i18n/messages.ts';
import { ReceiptViewer } from './receipt-viewer.tsx';

const text = messages.requests;

interface ReceiptFile {
  id: number;
  filename: string;
  created_at: string;
}

/** The request's files: one chosen at a time, shown inline (images, PDFs) from a blob URL. */
export function RequestReceipts({ requestId, files }: { requestId: number; files: readonly ReceiptFile[] }) {
  const [chosen, setChosen] = useState<string | null>(files[0]?.filename ?? null);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={4}>{text.receipts}</Title>
        {files.length === 0 ? (
          <Text c="dimmed" size="sm">
            {text.noReceipts}
          </Text>
        ) : (
          <>
            <Group gap="xs">
              {files.map((file, index) => (
                <Button
                  key={file.id}
                  size="xs"
                  variant={file.filename === chosen ? 'filled' : 'default'}
                  onClick={() => setChosen(file.filename)}
                  title={file.filename}
                >
                  {text.fileLabel(index + 1, formatDateTime(file.created_at))}
                </Button>
              ))}
            </Group>
            {chosen && (
              <ReceiptViewer
                key={chosen}
                requestId={requestId}
                filename={chosen}
                title={text.receiptTitle(files.findIndex((file) => file.filename === chosen) + 1)}
              />
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
