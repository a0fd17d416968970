import { InvalidFileError, UnsupportedFileTypeError } from './errors.ts';
import { type FileMime, type FileType, sniffFileType, TYPE_NAMES } from './sniff.ts';

/** What one kind of upload accepts (a passport scan, a receipt photo). */
export interface FilePolicy {
  /** Largest file accepted, as sent (before its metadata is stripped). */
  maxBytes: number;
  /** Most files in one upload, for `saveMany`. */
  maxFiles: number;
  allowedTypes: readonly FileMime[];
}

export const ALL_FILE_TYPES: readonly FileMime[] = Object.freeze([
  'image/jpeg',
  'image/png',
  'image/heic',
  'application/pdf',
]);

export const DEFAULT_FILE_POLICY: FilePolicy = Object.freeze({
  maxBytes: 10 * 1024 * 1024,
  maxFiles: 10,
  allowedTypes: ALL_FILE_TYPES,
});

/** The default policy with some of its fields replaced; a nonsensical policy throws at once. */
export function filePolicy(overrides: Partial<FilePolicy> = {}): FilePolicy {
  const policy = { ...DEFAULT_FILE_POLICY, ...overrides };
  if (!Number.isSafeInteger(policy.maxBytes) || policy.maxBytes < 1) {
    throw new RangeError('maxBytes must be a positive whole number');
  }
  if (!Number.isSafeInteger(policy.maxFiles) || policy.maxFiles < 1) {
    throw new RangeError('maxFiles must be a positive whole number');
  }
  if (policy.allowedTypes.length === 0) throw new RangeError('allowedTypes must name at least one type');
  return Object.freeze({ ...policy, allowedTypes: Object.freeze([...policy.allowedTypes]) });
}

/** The file's type by its content, if the policy accepts it. */
export function acceptedTypeOf(bytes: Buffer, policy: FilePolicy): FileType {
  if (bytes.length === 0) throw new InvalidFileError('The file is empty');
  const type = sniffFileType(bytes);
  if (type && policy.allowedTypes.includes(type.mime)) return type;
  throw new UnsupportedFileTypeError(policy.allowedTypes.map((mime) => TYPE_NAMES[mime]));
}
