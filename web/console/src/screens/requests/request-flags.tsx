import { Alert, Anchor, List, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { Fragment } from 'react';
import { formatMoney } from '../../format/format.ts';
import { messages } from '../../i18n/messages.ts';
import type { RequestCard } from './requests-queries.ts';

const text = messages.requests;

/** The reviewer's warnings: receipts attached to other requests too (linked), an unusual amount. */
export function RequestFlags({ flags, files }: { flags: RequestCard['flags']; files: RequestCard['files'] }) {
  const { duplicate_files: duplicates, unusual_amount: unusual } = flags;
  if (duplicates.length === 0 && !unusual) return null;
  return (
    <Alert color="orange" title={text.flags} role="alert">
      <List size="sm" spacing={4}>
        {duplicates.map((duplicate) => (
          <List.Item key={duplicate.filename}>
            {text.duplicateFile(
              files.findIndex((file) => file.filename === duplicate.filename) + 1,
              duplicate.request_ids.length,
            )}{' '}
            {duplicate.request_ids.map((id, index) => (
              <Fragment key={id}>
                {index > 0 && ', '}
                <Anchor
                  size="sm"
                  renderRoot={(props) => (
                    <Link {...props} to="/requests/$requestId" params={{ requestId: String(id) }} />
                  )}
                >
                  №{id}
                </Anchor>
              </Fragment>
            ))}
          </List.Item>
        ))}
        {unusual && (
          <List.Item>
            {text.unusualAmount(formatMoney(unusual.granted), formatMoney(unusual.usual_max))}
            {unusual.note && (
              <Text size="xs" c="dimmed">
                {unusual.note}
              </Text>
            )}
          </List.Item>
        )}
      </List>
    </Alert>
  );
}
