import { Type } from 'typebox';
import { SeedStatusError } from './seed-errors.ts';
import { SeedProgramRow } from './seed-rows.ts';

/**
 * The admin site's program routes (SPEC §7 rows 13–15). A row is `model_to_dict(program)`:
 * `program_file` the full URL of the terms (the seed stored `SERVER_URL/program/<file>`),
 * `created_by`/`updated_by` the staff users' rows. Kasa adds `program_id` (the same as `id`),
 * which its own admin code read before.
 */
const ProgramRow = Type.Object({ ...SeedProgramRow.properties, program_id: Type.Integer() });

/**
 * seeds/000 admin-app/main.py programs_get: `{status, data: [model_to_dict(program)]}`. The seed
 * listed the active programs only, so a program once switched off could never be switched on
 * again from the site; Kasa lists them all (`is_active` tells which).
 */
export const AdminProgramsAnswer = Type.Object({ status: Type.String(), data: Type.Array(ProgramRow) });

/** seeds/000 admin-app/main.py program_get: `{status, data: model_to_dict(program)}`. */
export const AdminProgramAnswer = Type.Object({ status: Type.String(), data: ProgramRow });

/**
 * seeds/000 admin-app/main.py program_get: an unknown id failed in `Programs.get` and answered
 * 500 `{status: 'error', message, data}`; Kasa answers 404 with `{status, message}`.
 */
export const AdminProgramMissing = SeedStatusError;

/**
 * seeds/000 admin-app/main.py program_create_update: `{status, message, data: model_to_dict(program)}`,
 * 'Програма успішно створена' or 'Програму успішно оновлено'.
 */
export const AdminProgramSaveAnswer = Type.Object({
  status: Type.String(),
  message: Type.String(),
  data: ProgramRow,
});

/** seeds/000 admin-app/main.py program_create_update: 400 `{status, message}` for a form it cannot read. */
export const AdminProgramSaveInvalid = SeedStatusError;
