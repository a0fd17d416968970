import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../api/admin-api';
import { api } from '../../api/client.ts';
import { call } from '../../api/errors.ts';

export type ProgramRow =
  paths['/programs']['get']['responses'][200]['content']['application/json']['data'][number];

/** What the program form sends: the fields, and the terms when a new file was chosen. */
export interface ProgramChange {
  id?: number;
  program_name: string;
  /** The API's decimal hryvnias. */
  month_price: string;
  is_active: boolean;
  terms: File | null;
}

const keys = {
  all: ['programs'] as const,
  terms: (filename: string) => ['programs', 'terms', filename] as const,
};

/** Every program, active or not. */
export function usePrograms() {
  return useQuery({ queryKey: keys.all, queryFn: () => call(() => api.GET('/programs')) });
}

/** The terms' file name, the last part of the row's `program_file` URL. */
export function termsFileOf(programFile: string | null): string | null {
  if (!programFile) return null;
  const last = programFile.split('?')[0]!.split('/').filter(Boolean).at(-1);
  return last ? decodeURIComponent(last) : null;
}

/** A program's terms as a Blob, fetched with the session's token. */
export function useProgramTerms(filename: string) {
  return useQuery({
    queryKey: keys.terms(filename),
    queryFn: () =>
      call(() => api.GET('/program/{filename}', { params: { path: { filename } }, parseAs: 'blob' })),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Creates (no `id`) or changes a program; multipart with the terms when a file was chosen. */
export function useSaveProgram() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: ProgramChange) => {
      const form = new FormData();
      if (change.id !== undefined) form.append('id', String(change.id));
      form.append('program_name', change.program_name);
      form.append('month_price', change.month_price);
      form.append('is_active', String(change.is_active));
      if (change.terms) form.append('new_program_file', change.terms, change.terms.name);
      return call(() =>
        api.PUT('/program', {
          // The typed body describes the form's fields; what is sent is the form itself.
          body: {},
          bodySerializer: () => form,
        }),
      );
    },
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}
