import { createHash, type KeyObject, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { lengthOf, piecesAfter } from './byte-pieces.ts';
import { checkContent } from './content-check.ts';
import { decryptFile, encryptFile, isFileKey } from './encryption.ts';
import { CorruptFileError, FileNotFoundError, TooManyFilesError } from './errors.ts';
import { acceptedTypeOf, DEFAULT_FILE_POLICY, type FilePolicy } from './file-policy.ts';
import { type FileInput, readUpload } from './read-upload.ts';
import { type FileMime, sniffFileType } from './sniff.ts';
import { stripMetadata } from './strip-metadata.ts';

export interface FileStoreOptions {
  /** The folder files live in; created when the first file is saved. */
  root: string;
  /** From `parseFileKey(FILES_KEY)`. */
  key: KeyObject;
}

export interface StoredFile {
  /** The only way to the file again: keep it with whatever the file belongs to. */
  name: string;
  mime: FileMime;
  /** Bytes as stored, after metadata was stripped. */
  size: number;
  /** Hex SHA-256 of the stored bytes, to tell duplicates apart or prove what was kept. */
  sha256: string;
}

/** Bytes kept as they are (see `saveRaw`): no type, nothing stripped. */
export interface StoredBlob {
  name: string;
  size: number;
  /** Hex SHA-256 of the bytes. */
  sha256: string;
}

export interface OpenedFile {
  bytes: Buffer;
  size: number;
  mime: FileMime;
}

/** Names are ours alone: 16 random bytes in lowercase hex. Anything else is not found. */
const NAME_PATTERN = /^[0-9a-f]{32}$/;

/** Whether a name is one the store could have given (exactly: lowercase hex, nothing else). */
export const isStoredFileName = (name: string): boolean => NAME_PATTERN.test(name);

/**
 * A raw blob is encrypted under `raw:` + its name (the cipher's associated data), so it never
 * opens as a typed file and a typed file never opens as a blob, whichever name is asked for.
 */
const rawBlobLabel = (name: string) => `raw:${name}`;

/**
 * Members' documents and receipt photos, stripped of their metadata and encrypted, under
 * random names. A name from a client is only ever compared with the pattern above, never
 * joined to a path as it came.
 */
export class FileStore {
  readonly #root: string;
  readonly #key: KeyObject;

  constructor({ root, key }: FileStoreOptions) {
    if (!isFileKey(key)) throw new TypeError('FileStore needs a 32-byte secret key: use parseFileKey');
    this.#root = resolve(root);
    this.#key = key;
  }

  /**
   * Sniffs, checks (structure, size, active content), strips, encrypts and writes one file; on
   * any failure nothing is left on disk.
   */
  async save(input: FileInput, policy: FilePolicy = DEFAULT_FILE_POLICY): Promise<StoredFile> {
    const upload = await readUpload(input, policy.maxBytes);
    const { mime } = acceptedTypeOf(upload, policy);
    checkContent(upload, mime);
    const pieces = stripMetadata(upload, mime);
    const name = randomBytes(16).toString('hex');
    await this.#write(name, encryptFile(pieces, this.#key, name));
    return { name, mime, size: lengthOf(pieces), sha256: sha256Of(pieces) };
  }

  /**
   * Saves the files one after another (a multipart upload's streams can only be read in
   * turn); if one fails, those already written are removed and its error is thrown.
   */
  async saveMany(
    files: Iterable<FileInput> | AsyncIterable<FileInput>,
    policy: FilePolicy = DEFAULT_FILE_POLICY,
  ): Promise<StoredFile[]> {
    if (Array.isArray(files) && files.length > policy.maxFiles) throw new TooManyFilesError(policy.maxFiles);
    const saved: StoredFile[] = [];
    try {
      for await (const file of files) {
        if (saved.length === policy.maxFiles) throw new TooManyFilesError(policy.maxFiles);
        saved.push(await this.save(file, policy));
      }
    } catch (error) {
      await Promise.allSettled(saved.map(({ name }) => this.remove(name)));
      throw error;
    }
    return saved;
  }

  /**
   * Keeps bytes that are nobody's document, as they came: a provider's callback held until it
   * can be processed. Encrypted and written like a file (random name, atomic write), but
   * neither typed by content nor stripped; only `openRaw` reads it back, and never `open`, so a
   * blob cannot be served as a member's file. `FileTooLargeError` past `maxBytes`.
   */
  async saveRaw(input: FileInput, maxBytes: number): Promise<StoredBlob> {
    const bytes = await readUpload(input, maxBytes);
    const name = randomBytes(16).toString('hex');
    await this.#write(name, encryptFile([bytes], this.#key, rawBlobLabel(name)));
    return { name, size: bytes.length, sha256: sha256Of([bytes]) };
  }

  /** The file as it was saved (stripped); `CorruptFileError` if it was changed on disk. */
  async open(name: string): Promise<OpenedFile> {
    const bytes = decryptFile(await this.#read(name), this.#key, name);
    const mime = sniffFileType(bytes)?.mime;
    if (!mime) throw new CorruptFileError(`Stored file ${name} is of no known type`);
    return { bytes, size: bytes.length, mime };
  }

  /** A blob `saveRaw` kept, byte for byte; `CorruptFileError` if it was changed or is a typed file. */
  async openRaw(name: string): Promise<Buffer> {
    return decryptFile(await this.#read(name), this.#key, rawBlobLabel(name));
  }

  /** Removing a file that is not there, or never could be, is not an error. */
  async remove(name: string): Promise<void> {
    const path = this.#pathOf(name);
    if (path) await fs.rm(path, { force: true });
  }

  async #read(name: string): Promise<Buffer> {
    const path = this.#pathOf(name);
    if (!path) throw new FileNotFoundError();
    try {
      return await fs.readFile(path);
    } catch (error) {
      if (isMissing(error)) throw new FileNotFoundError();
      throw error;
    }
  }

  /** Files are spread over 256 folders by their first two characters, so none grows huge. */
  #pathOf(name: string): string | undefined {
    return isStoredFileName(name) ? join(this.#root, name.slice(0, 2), name) : undefined;
  }

  /**
   * Written to a temporary file beside the final one, flushed, then renamed: a reader sees
   * the whole file or none, and a crash cannot leave half a file under a real name.
   */
  async #write(name: string, pieces: readonly Buffer[]): Promise<void> {
    const path = this.#pathOf(name)!;
    const folder = dirname(path);
    const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    let handle: fs.FileHandle | undefined;
    try {
      const created = await fs.mkdir(folder, { recursive: true, mode: 0o700 });
      if (created) await syncFolder(dirname(folder));
      handle = await fs.open(temporary, 'wx', 0o600);
      await writeAll(handle, pieces);
      await handle.sync();
      await handle.close();
      handle = undefined;
      await fs.rename(temporary, path);
      await syncFolder(folder);
    } catch (error) {
      await handle?.close().catch(() => {});
      await Promise.allSettled([fs.rm(temporary, { force: true }), fs.rm(path, { force: true })]);
      throw error;
    }
  }
}

/** The pieces one after another from the file's start, however many calls the system takes. */
async function writeAll(handle: fs.FileHandle, pieces: readonly Buffer[]): Promise<void> {
  let left = pieces.filter((piece) => piece.length > 0);
  while (left.length > 0) {
    const { bytesWritten } = await handle.writev(left);
    left = piecesAfter(left, bytesWritten);
  }
}

function sha256Of(pieces: readonly Buffer[]): string {
  const hash = createHash('sha256');
  for (const piece of pieces) hash.update(piece);
  return hash.digest('hex');
}

/** A rename is only durable once the folder holding it is flushed too. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await fs.open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
