import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../api/admin-api';
import { api } from '../../api/client.ts';
import { ApiError, call } from '../../api/errors.ts';
import type { MembersBody } from './members-filter.ts';

export type MemberCard = paths['/member']['post']['responses'][200]['content']['application/json'];
export type MemberRow =
  paths['/members']['post']['responses'][200]['content']['application/json']['data'][number];
export type MemberEdit = paths['/member']['put']['requestBody']['content']['application/json'];

const keys = {
  all: ['members'] as const,
  list: (body: MembersBody) => ['members', 'list', body] as const,
  card: (id: number) => ['members', 'card', id] as const,
  file: (memberId: number, filename: string) => ['members', 'file', memberId, filename] as const,
};

/** One page of the search, or of the attention queue; the previous page stays while the next loads. */
export function useMembersList(body: MembersBody) {
  return useQuery({
    queryKey: keys.list(body),
    queryFn: () => call(() => api.POST('/members', { body })),
    placeholderData: keepPreviousData,
  });
}

export function useMemberCard(id: number) {
  return useQuery({
    queryKey: keys.card(id),
    queryFn: () => call(() => api.POST('/member', { body: { id } })),
  });
}

/** Edit, approve, block or unblock: the card and the lists are read again after it. */
export function useUpdateMember() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (edit: MemberEdit) => call(() => api.PUT('/member', { body: edit })),
    onSettled: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

/** A new certificate number (unique and increasing); it is the member's only once saved. */
export function useGenerateCertificate() {
  return useMutation({
    mutationFn: async () => (await call(() => api.GET('/member/generate_certificate'))).data,
  });
}

/** One of the member's files, fetched with the session's token, as a Blob. */
export function useMemberFile(memberId: number, filename: string) {
  return useQuery({
    queryKey: keys.file(memberId, filename),
    queryFn: async () => {
      let answer: Awaited<ReturnType<typeof sendFile>>;
      try {
        answer = await sendFile(memberId, filename);
      } catch {
        throw new ApiError(undefined, null);
      }
      if (!answer.response.ok || !(answer.data instanceof Blob))
        throw new ApiError(answer.response, answer.error);
      return answer.data;
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
}

const sendFile = (memberId: number, filename: string) =>
  api.POST('/files', { body: { user_id: memberId, filename }, parseAs: 'blob' });
