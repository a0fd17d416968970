export { checkContent, passesContentCheck } from './content-check.ts';
export { parseFileKey } from './encryption.ts';
export {
  CorruptFileError,
  FileError,
  FileNotFoundError,
  FileTooLargeError,
  ImageTooLargeError,
  InvalidFileError,
  TooManyFilesError,
  UnsafeFileError,
  UnsupportedFileTypeError,
} from './errors.ts';
export { ALL_FILE_TYPES, DEFAULT_FILE_POLICY, type FilePolicy, filePolicy } from './file-policy.ts';
export {
  FileStore,
  type FileStoreOptions,
  isStoredFileName,
  type OpenedFile,
  type StoredBlob,
  type StoredFile,
} from './file-store.ts';
export { checkImageSize, declaredSizes, IMAGE_LIMITS, type ImageSize } from './image-size.ts';
export { checkPdf } from './pdf-check.ts';
export type { FileInput } from './read-upload.ts';
export { type FileMime, type FileType, sniffFileType } from './sniff.ts';
export { FileStoreVariables, openFileStore, requireOneFileKey } from './store-settings.ts';
export { stripMetadata } from './strip-metadata.ts';
