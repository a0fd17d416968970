import { SeedStatusError } from './seed-errors.ts';

/**
 * The admin site's file routes (SPEC §7 rows 1–2) answer the file itself, with its stored type
 * (Flask's `send_from_directory`); only their errors are JSON.
 */

/** The seed's words when there is no such file: `'Файл не знайдено'`. */
export const SEED_FILE_NOT_FOUND = 'Файл не знайдено';

/**
 * seeds/000 admin-app/main.py downloader: 404 `{status: 'error', message: 'Файл не знайдено'}`
 * without a `user_id`. With one, a missing file made `send_from_directory` answer Flask's HTML 404
 * page; Kasa answers this body for it too, as the route clearly meant.
 */
export const AdminFileMissing = SeedStatusError;

/** seeds/000 admin-app/main.py download_program: 404 `{status: 'error', message: 'Файл не знайдено'}`. */
export const AdminProgramTermsMissing = SeedStatusError;
