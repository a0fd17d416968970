import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { call } from '../../api/errors.ts';
import type { RequestFilters } from './requests-logic.ts';
import { requestListBody } from './requests-logic.ts';

/** One page of `POST /requests` for the filters; the previous page stays shown while typing. */
export function useRequestList(filters: RequestFilters) {
  const body = requestListBody(filters);
  return useQuery({
    queryKey: ['requests', body],
    queryFn: () => call(() => api.POST('/requests', { body })),
    placeholderData: keepPreviousData,
  });
}

export const requestKey = (id: number) => ['request', id] as const;

/** The request card (`POST /request`): conversation with notes, files, payouts, flags. */
export function useRequestCard(id: number) {
  return useQuery({
    queryKey: requestKey(id),
    queryFn: async () => (await call(() => api.POST('/request', { body: { request: id } }))).data,
  });
}

export type RequestCard = NonNullable<ReturnType<typeof useRequestCard>['data']>;

/** A mutation of one request: the card and the lists are read again after it. */
function useRequestMutation<T>(id: number, send: (input: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: requestKey(id) }),
        client.invalidateQueries({ queryKey: ['requests'] }),
        client.invalidateQueries({ queryKey: ['payments'] }),
      ]);
    },
  });
}

/** An answer to the member, or an internal note. */
export const usePostMessage = (id: number) =>
  useRequestMutation(id, (input: { message: string; internal: boolean }) =>
    call(() => api.POST('/request/message', { body: { request_id: id, ...input } })),
  );

/** The diagnosis and the granted amount (hryvnias as decimal text). */
export const useAssess = (id: number) =>
  useRequestMutation(id, (input: { diagnos: string; suma: string }) =>
    call(() => api.PUT('/request', { body: { id, ...input } })),
  );

/** A payout (full or partial) recorded for the request. */
export const useRecordPayout = (id: number) =>
  useRequestMutation(
    id,
    (input: { member: number; type: number; amount: string; date: string; note?: string }) =>
      call(() => api.PUT('/payment', { body: { ...input, request: id } })),
  );

/** Closing or reopening the request. */
export const useCloseOrReopen = (id: number) =>
  useRequestMutation(id, (action: 'close' | 'reopen') =>
    call(() =>
      action === 'close'
        ? api.POST('/request/close', { body: { request_id: id } })
        : api.POST('/request/reopen', { body: { request_id: id } }),
    ),
  );

/** One of the request's files, as a blob fetched with the session's token. */
export function useRequestFile(id: number, filename: string | null) {
  return useQuery({
    queryKey: ['request-file', id, filename],
    enabled: filename !== null,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    queryFn: () =>
      call(() =>
        api.GET('/request/{id}/files/{filename}', {
          params: { path: { id, filename: filename ?? '' } },
          parseAs: 'blob',
        }),
      ) as Promise<Blob>,
  });
}
