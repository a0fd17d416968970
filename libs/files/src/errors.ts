/**
 * Errors about an uploaded file, each with the HTTP status it stands for. `@kasa/http`'s error
 * handler answers any 4xx error that has a `statusCode` with that status and the message, so
 * these need no mapping; the `code` is there for a caller that builds its own `AppError`.
 */
export abstract class FileError extends Error {
  abstract readonly statusCode: number;
  abstract readonly code: string;
}

export class FileTooLargeError extends FileError {
  readonly statusCode = 413;
  readonly code = 'file_too_large';
  readonly maxBytes: number;
  constructor(maxBytes: number) {
    super(`The file is larger than ${describeBytes(maxBytes)}`);
    this.name = 'FileTooLargeError';
    this.maxBytes = maxBytes;
  }
}

export class TooManyFilesError extends FileError {
  readonly statusCode = 413;
  readonly code = 'too_many_files';
  readonly maxFiles: number;
  constructor(maxFiles: number) {
    super(`At most ${maxFiles} ${maxFiles === 1 ? 'file' : 'files'} can be sent at once`);
    this.name = 'TooManyFilesError';
    this.maxFiles = maxFiles;
  }
}

export class UnsupportedFileTypeError extends FileError {
  readonly statusCode = 415;
  readonly code = 'unsupported_file_type';
  readonly allowed: readonly string[];
  /** `allowed` are human names (`JPEG`, `PDF`): the message is shown to the member. */
  constructor(allowed: readonly string[]) {
    super(`Only ${listInWords(allowed)} files are accepted`);
    this.name = 'UnsupportedFileTypeError';
    this.allowed = allowed;
  }
}

/** The bytes claim to be a known type but are not a well-formed file of it. */
export class InvalidFileError extends FileError {
  readonly statusCode = 400;
  readonly code = 'invalid_file';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidFileError';
  }
}

/**
 * A picture whose declared size is past `IMAGE_LIMITS`: a few kilobytes can claim billions of
 * pixels, and every viewer (the staff's browser, the member's phone) would try to allocate them.
 */
export class ImageTooLargeError extends FileError {
  readonly statusCode = 422;
  readonly code = 'image_too_large';
  constructor(maxSide: number, maxPixels: number) {
    super(
      `The picture is too large: at most ${maxSide.toLocaleString('en')} pixels a side and ` +
        `${Math.floor(maxPixels / 1_000_000)} megapixels`,
    );
    this.name = 'ImageTooLargeError';
  }
}

/** A well-formed file that carries what we never store: a PDF with scripts, attachments or HTML. */
export class UnsafeFileError extends FileError {
  readonly statusCode = 422;
  readonly code = 'unsafe_file';
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeFileError';
  }
}

/** Also what a name that could never be ours gets, so a probe learns nothing from the answer. */
export class FileNotFoundError extends FileError {
  readonly statusCode = 404;
  readonly code = 'file_not_found';
  constructor() {
    super('File not found');
    this.name = 'FileNotFoundError';
  }
}

/**
 * A stored file failed authentication: it was changed on disk, cut short, or written with
 * another key. Our fault, not the client's: a 500 that must be logged.
 */
export class CorruptFileError extends FileError {
  readonly statusCode = 500;
  readonly code = 'corrupt_file';
  constructor(message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'CorruptFileError';
  }
}

function describeBytes(bytes: number): string {
  const mebibytes = bytes / 1024 / 1024;
  if (mebibytes >= 1) return `${Number(mebibytes.toFixed(1))} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}

function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
