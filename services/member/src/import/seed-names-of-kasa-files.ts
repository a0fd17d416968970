import type { FileStore } from '@kasa/files';
import type { SeedFileOut } from '@kasa/seed-import';

/**
 * The names a switch back gives the files Kasa stored, in the old upload folder and the rows that
 * name them: the seed's `<unix seconds>_<name>`, where the name says what the file is (Kasa keeps
 * no uploaded name) and which one (a Kasa document's id, or the start of the store's random name
 * for a photo or terms), so that two written in one second into one folder do not overwrite each
 * other, and a switch back run again knows the file as the one it wrote.
 */
export type KasaFileKind = 'photo' | 'terms' | 'document';

const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/heic': 'heic',
  'application/pdf': 'pdf',
};

/** Characters of the store's name that tell a member's photos, or a program's terms, apart. */
const TAG_CHARS = 12;

export const tagOfStoredName = (storedName: string): string => storedName.slice(0, TAG_CHARS);

export function seedNameOfKasaFile(
  kind: KasaFileKind,
  tag: string | number,
  createdAt: Date,
  mime: string,
): string {
  const seconds = Math.floor(createdAt.getTime() / 1000);
  return `${seconds}_kasa-${kind}-${tag}.${EXTENSIONS[mime] ?? 'bin'}`;
}

/** Which Kasa file of this kind a switch back gave the old row's file name (its tag), or null. */
export function tagOfSeedName(seedName: string, kind: KasaFileKind): string | null {
  const match = /^[0-9]+_kasa-([a-z]+)-([0-9a-z]+)\.[a-z]+$/.exec(seedName);
  return match !== null && match[1] === kind ? match[2]! : null;
}

/** Whether the old row's file name is the one a switch back gave this Kasa file, whatever its time. */
export function isSeedNameOf(seedName: string, kind: KasaFileKind, tag: string | number): boolean {
  return tagOfSeedName(seedName, kind) === String(tag);
}

/** The file as the old upload folder gets it: decrypted from the service's store. */
export function fileOut(
  store: FileStore,
  storedName: string,
  name: string,
  memberId: number | null,
  row: string,
): SeedFileOut {
  return { name, memberId, row, bytes: async () => (await store.open(storedName)).bytes };
}
