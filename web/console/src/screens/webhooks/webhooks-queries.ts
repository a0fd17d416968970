import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../api/admin-api';
import { api } from '../../api/client.ts';
import { call } from '../../api/errors.ts';

type NewSubscriber = paths['/webhooks']['post']['requestBody']['content']['application/json'];
type SubscriberChange = paths['/webhooks/{id}']['patch']['requestBody']['content']['application/json'];
/** An event type as the API names it (the list it offers is `useEventTypes`). */
export type EventType = NewSubscriber['event_types'][number];

export type DeliveryStatus = 'pending' | 'delivered' | 'dead' | 'paused';
export const DELIVERY_STATUSES: readonly DeliveryStatus[] = ['pending', 'delivered', 'dead', 'paused'];
const PAGE = 50;

/** The event types a subscriber can receive. */
export function useEventTypes() {
  return useQuery({
    queryKey: ['webhooks', 'event-types'],
    queryFn: () => call(() => api.GET('/webhooks/event-types')).then(({ data }) => data),
    staleTime: 10 * 60_000,
  });
}

export function useSubscribers() {
  return useQuery({
    queryKey: ['webhooks', 'subscribers'],
    queryFn: () => call(() => api.GET('/webhooks')).then(({ data }) => data),
  });
}

export type Subscriber = NonNullable<ReturnType<typeof useSubscribers>['data']>[number];

export function useSubscriber(id: number) {
  return useQuery({
    queryKey: ['webhooks', 'subscriber', id],
    queryFn: () => call(() => api.GET('/webhooks/{id}', { params: { path: { id } } })),
  });
}

/** A subscriber's deliveries, latest first, from `before` on. */
export function useDeliveries(id: number, status: DeliveryStatus | null, before: number | undefined) {
  return useQuery({
    queryKey: ['webhooks', 'deliveries', id, status, before],
    queryFn: () =>
      call(() =>
        api.GET('/webhooks/{id}/deliveries', {
          params: {
            path: { id },
            query: { limit: PAGE, ...(status ? { status: [status] } : {}), ...(before ? { before } : {}) },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export type Delivery = NonNullable<ReturnType<typeof useDeliveries>['data']>['data'][number];

/** Deliveries that failed every attempt, of one subscriber or all. */
export function useDeadLetters(subscriberId: number | null, before: number | undefined) {
  return useQuery({
    queryKey: ['webhooks', 'dead-letters', subscriberId, before],
    queryFn: () =>
      call(() =>
        api.GET('/webhooks/dead-letters', {
          params: {
            query: {
              limit: PAGE,
              ...(subscriberId ? { subscriber_id: subscriberId } : {}),
              ...(before ? { before } : {}),
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** One delivery: the event as sent and every attempt. */
export function useDelivery(id: number | null) {
  return useQuery({
    queryKey: ['webhooks', 'delivery', id],
    queryFn: () => call(() => api.GET('/webhooks/deliveries/{id}', { params: { path: { id: id! } } })),
    enabled: id !== null,
  });
}

/** Every attempt to reach a subscriber, latest first. */
export function useAttempts(id: number, before: number | undefined) {
  return useQuery({
    queryKey: ['webhooks', 'attempts', id, before],
    queryFn: () =>
      call(() =>
        api.GET('/webhooks/{id}/attempts', {
          params: { path: { id }, query: { limit: PAGE, ...(before ? { before } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** After any change: every webhook list and card is read again. */
function useRefresh() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['webhooks'] });
}

export function useCreateSubscriber() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: NewSubscriber) => call(() => api.POST('/webhooks', { body })),
    onSuccess: refresh,
  });
}

export function useChangeSubscriber(id: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: SubscriberChange) =>
      call(() => api.PATCH('/webhooks/{id}', { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
}

export function useDeleteSubscriber(id: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () => call(() => api.DELETE('/webhooks/{id}', { params: { path: { id } } })),
    onSuccess: refresh,
  });
}

export function useRotateSecret(id: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () => call(() => api.POST('/webhooks/{id}/secret', { params: { path: { id } }, body: {} })),
    onSuccess: refresh,
  });
}

export function useReplayAll(id: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () => call(() => api.POST('/webhooks/{id}/replay', { params: { path: { id } } })),
    onSuccess: refresh,
  });
}

export function useReplayDelivery() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: number) =>
      call(() => api.POST('/webhooks/deliveries/{id}/replay', { params: { path: { id } } })),
    onSuccess: refresh,
  });
}
