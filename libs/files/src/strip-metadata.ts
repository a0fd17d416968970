import type { BytePieces } from './byte-pieces.ts';
import type { FileMime } from './sniff.ts';
import { stripHeic } from './strip-heic.ts';
import { stripJpeg } from './strip-jpeg.ts';
import { stripPng } from './strip-png.ts';

/**
 * The file without what a phone writes about where and when it was taken; the picture itself
 * is left exactly as sent. In pieces, views of `bytes` wherever nothing changed (`BytePieces`).
 * Throws `InvalidFileError` for a file whose structure does not hold.
 */
export function stripMetadata(bytes: Buffer, mime: FileMime): BytePieces {
  switch (mime) {
    case 'image/jpeg':
      return stripJpeg(bytes);
    case 'image/png':
      return stripPng(bytes);
    case 'image/heic':
      return stripHeic(bytes);
    case 'application/pdf':
      // A PDF's metadata is its author and producer, not a photo's GPS; rewriting PDFs is a
      // parser's worth of risk for little gain, so they are stored as sent.
      return [bytes];
  }
}
