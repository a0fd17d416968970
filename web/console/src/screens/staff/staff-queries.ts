import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { call } from '../../api/errors.ts';

const STAFF = ['staff-users'] as const;

/** Every staff user; asked only for administrators (the API refuses anyone else). */
export function useStaffUsers(enabled = true) {
  return useQuery({
    queryKey: STAFF,
    enabled,
    queryFn: () => call(() => api.GET('/user')).then((answer) => answer.data),
  });
}

export type StaffUserRow = NonNullable<ReturnType<typeof useStaffUsers>['data']>[number];

export interface StaffUserFields {
  login: string;
  name: string;
  email: string;
  phone: string;
  role: 'admin' | 'staff';
}

/** The fields as the API takes them: no phone is null, never an empty text. */
function bodyOf({ phone, ...fields }: StaffUserFields) {
  return { ...fields, phone: phone.trim() === '' ? null : phone.trim() };
}

/** Every change to staff users refreshes the list. */
function useStaffChange<Input, Output>(send: (input: Input) => Promise<Output>) {
  const queries = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => queries.invalidateQueries({ queryKey: STAFF }) });
}

/** A new user; the answer carries their one-time password, shown once. */
export const useCreateStaffUser = () =>
  useStaffChange((fields: StaffUserFields) =>
    call(() => api.PUT('/user', { body: { ...bodyOf(fields), is_active: true } })),
  );

export const useEditStaffUser = () =>
  useStaffChange(({ id, ...fields }: StaffUserFields & { id: number }) =>
    call(() => api.POST('/user', { body: { id, ...bodyOf(fields) } })),
  );

export const useSetStaffUserActive = () =>
  useStaffChange(({ id, active }: { id: number; active: boolean }) =>
    call(() => api.POST('/user', { body: { id, is_active: active } })),
  );

/** A new one-time password for another user; they change it at their next sign-in. */
export const useResetStaffPassword = () =>
  useStaffChange((id: number) => call(() => api.POST('/user/change_password', { body: { id } })));

export const useDeleteStaffUser = () =>
  useStaffChange((id: number) => call(() => api.DELETE('/user/{id}', { params: { path: { id } } })));
