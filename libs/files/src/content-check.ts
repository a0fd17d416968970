import { FileError } from './errors.ts';
import { checkImageSize } from './image-size.ts';
import { checkPdf } from './pdf-check.ts';
import type { FileMime } from './sniff.ts';

/**
 * Whether the file is what its first bytes say, read deep enough to be kept and shown: a PDF
 * by its structure and without active content (`checkPdf`), a picture by a size that can be
 * read and is within IMAGE_LIMITS. Throws a `FileError` (4xx) otherwise.
 */
export function checkContent(bytes: Buffer, mime: FileMime): void {
  if (mime === 'application/pdf') checkPdf(bytes);
  else checkImageSize(bytes, mime);
}

/** `checkContent` as a yes or no: a file stored before the checks existed may fail them. */
export function passesContentCheck(bytes: Buffer, mime: FileMime): boolean {
  try {
    checkContent(bytes, mime);
    return true;
  } catch (error) {
    if (error instanceof FileError) return false;
    throw error;
  }
}
