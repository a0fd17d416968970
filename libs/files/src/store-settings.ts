import { readFileSync } from 'node:fs';
import { type TObject, type TProperties, Type } from 'typebox';
import { parseFileKey } from './encryption.ts';
import { FileStore } from './file-store.ts';

/** The variables of a service that keeps files: where, under which key, how large. */
export const FileStoreVariables = {
  /** Where the service's files are kept, encrypted. */
  FILES_DIR: Type.String({ minLength: 1, default: './data/files' }),
  /** 32 random bytes, 64 hex characters or base64 (`openssl rand -base64 32`): the files' AES-256-GCM key. */
  FILES_KEY: Type.Optional(Type.String({ minLength: 1 })),
  /** Or the path of a file holding it (a Docker or Kubernetes secret). */
  FILES_KEY_FILE: Type.Optional(Type.String({ minLength: 1 })),
  /** Largest uploaded file, in bytes. */
  FILES_MAX_BYTES: Type.Integer({ minimum: 1024, maximum: 64 * 1024 * 1024, default: 10 * 1024 * 1024 }),
};

interface FileStoreSettings {
  FILES_DIR: string;
  FILES_KEY?: string | undefined;
  FILES_KEY_FILE?: string | undefined;
}

/** The settings' rule: the files' key must come from exactly one place. */
export function requireOneFileKey<T extends TObject<TProperties>>(settings: T): T {
  return Type.Refine(
    settings,
    (value) => {
      const { FILES_KEY, FILES_KEY_FILE } = value as FileStoreSettings;
      return (FILES_KEY === undefined) !== (FILES_KEY_FILE === undefined);
    },
    () => 'Set FILES_KEY (the files’ encryption key) or FILES_KEY_FILE (a file holding it), not both',
  ) as unknown as T;
}

/** The store the settings describe, its key as given or read from its file. */
export function openFileStore(settings: FileStoreSettings): FileStore {
  const key = settings.FILES_KEY ?? readFileSync(settings.FILES_KEY_FILE!, 'utf8');
  return new FileStore({ root: settings.FILES_DIR, key: parseFileKey(key) });
}
