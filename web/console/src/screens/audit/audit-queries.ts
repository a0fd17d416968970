import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { call } from '../../api/errors.ts';
import { type AuditSearch, auditRequestBody } from './audit-filter.ts';

/** One page of the audit log, the filters applied by the server. */
export function useAuditPage(search: AuditSearch) {
  const body = auditRequestBody(search);
  return useQuery({
    queryKey: ['audit', 'page', body],
    queryFn: () => call(() => api.POST('/audit', { body })),
    placeholderData: keepPreviousData,
  });
}

export type AuditEvent = NonNullable<ReturnType<typeof useAuditPage>['data']>['data'][number];

/** One event with its hash checked (and the link to the one before). */
export const fetchCheckedEvent = (sequence: number) =>
  call(() => api.GET('/audit/{sequence}', { params: { path: { sequence } } })).then(({ data }) => data);

export function useCheckedEvent(sequence: number | null) {
  return useQuery({
    queryKey: ['audit', 'event', sequence],
    queryFn: () => fetchCheckedEvent(sequence!),
    enabled: sequence !== null,
  });
}

/** The event types Kasa sends out: suggestions for the type filter (any other can be typed). */
export function useKnownEventTypes() {
  return useQuery({
    queryKey: ['webhooks', 'event-types'],
    queryFn: () => call(() => api.GET('/webhooks/event-types')).then(({ data }) => data),
    staleTime: 10 * 60_000,
  });
}
