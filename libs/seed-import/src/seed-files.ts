import { stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Where the old upload folder has a file: in one of `folders` (a member's: the seed kept each
 * member's uploads in a folder named by the id), or at the top (programs' terms, and a folder
 * flattened when it was copied). Never outside it: the name must be a bare file name.
 */
export async function findSeedFile(
  filesDir: string | null,
  folders: readonly string[],
  name: string,
): Promise<{ path: string; size: number } | null> {
  if (filesDir === null || name === '' || name === '.' || name === '..' || /[/\\]/.test(name)) return null;
  for (const path of [...folders.map((folder) => join(filesDir, folder, name)), join(filesDir, name)]) {
    const found = await stat(path).catch(() => null);
    if (found?.isFile()) return { path, size: found.size };
  }
  return null;
}
