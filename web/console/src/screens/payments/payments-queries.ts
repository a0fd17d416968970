import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../api/admin-api';
import { api } from '../../api/client.ts';
import { call } from '../../api/errors.ts';
import { allPages, offsetOf, PAGE_SIZE, type PaymentFilters, registerBody } from './payment-filters.ts';
import type { PaymentRow } from './payment-row.ts';

export type ManualEntry = paths['/payment']['put']['requestBody']['content']['application/json'];

const REGISTER = ['payments', 'register'] as const;

/** One page of the register for these filters; the previous page stays shown while the next loads. */
export function usePaymentRegister(filters: PaymentFilters) {
  const { page, ...matching } = filters;
  return useQuery({
    queryKey: [...REGISTER, matching, page ?? 1],
    queryFn: () =>
      call(() => api.POST('/payments', { body: registerBody(matching, offsetOf(page), PAGE_SIZE) })),
    placeholderData: keepPreviousData,
  });
}

/** Every row matching the filters (for the export), fetched page after page. */
export function fetchAllMatching(filters: PaymentFilters): Promise<PaymentRow[]> {
  return allPages((offset, limit) =>
    call(() => api.POST('/payments', { body: registerBody(filters, offset, limit) })),
  );
}

/** Members whose words match (a certificate may be one digit), for picking one (at most 20). */
export function useMemberLookup(query: string) {
  return useQuery({
    queryKey: ['payments', 'member-lookup', query],
    queryFn: () => call(() => api.POST('/members', { body: { filter: { query }, offset: 0, limit: 20 } })),
    enabled: query.trim() !== '',
    placeholderData: keepPreviousData,
  });
}

/** A member's requests (for a payout), from their card. */
export function useMemberRequests(memberId: number | null) {
  return useQuery({
    queryKey: ['payments', 'member-requests', memberId],
    queryFn: async () => (await call(() => api.POST('/member', { body: { id: memberId! } }))).requests,
    enabled: memberId !== null,
  });
}

/**
 * A change to the register: the register, the members' cards (their payments and paid-until
 * day) and the requests (what is left of a grant) are read again after it.
 */
function useRegisterChange<Input, Output>(send: (input: Input) => Promise<Output>) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () =>
      Promise.all(
        ['payments', 'members', 'requests'].map((area) => queries.invalidateQueries({ queryKey: [area] })),
      ),
  });
}

export const useManualEntry = () =>
  useRegisterChange((entry: ManualEntry) => call(() => api.PUT('/payment', { body: entry })));

export const useReversal = () =>
  useRegisterChange((input: { payment: number; note: string }) =>
    call(() => api.POST('/payment/reverse', { body: input })),
  );

export const useRefund = () =>
  useRegisterChange((input: { payment: number; reason?: string }) =>
    call(() => api.POST('/payment/refund', { body: input })),
  );
