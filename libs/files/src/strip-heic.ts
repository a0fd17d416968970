import type { BytePieces } from './byte-pieces.ts';
import { InvalidFileError } from './errors.ts';
import { itemExtents, itemIdsOfTypes, metaChildren, only, optional, readHeifBoxes } from './heic-items.ts';

/** Item types that hold metadata: Exif, and MIME items (XMP is `application/rdf+xml`). */
const METADATA_ITEM_TYPES = new Set(['Exif', 'mime']);
/** The uuid under which XMP may also stand as a top-level box. */
const XMP_UUID = Buffer.from('be7acfcb97a942e89c71999491e3afac', 'hex');

/**
 * A copy of the HEIC with its Exif and XMP items overwritten by zeros where they lie. Nothing
 * moves, so every offset in the file still points where it did and the picture is untouched;
 * readers find empty metadata. Free space is zeroed too: editors leave old metadata there.
 */
export function stripHeic(bytes: Buffer): BytePieces {
  const boxes = readHeifBoxes(bytes);
  // A sequence (burst, Live Photo) keeps its own metadata in tracks we do not walk.
  if (boxes.some((box) => box.type === 'moov')) {
    throw new InvalidFileError('HEIC image sequences are not accepted: send a single photo');
  }
  const meta = metaChildren(bytes, boxes);
  const metadataItems = itemIdsOfTypes(bytes, only(meta, 'iinf'), METADATA_ITEM_TYPES);
  const extents = itemExtents(bytes, only(meta, 'iloc'), metadataItems, optional(meta, 'idat'));

  const stripped = Buffer.from(bytes);
  for (const { start, end } of extents) stripped.fill(0, start, end);
  for (const box of boxes) {
    if (box.type === 'free' || box.type === 'skip') stripped.fill(0, box.contentStart, box.end);
    if (box.type === 'uuid' && bytes.subarray(box.start + 8, box.contentStart).equals(XMP_UUID)) {
      stripped.fill(0, box.contentStart, box.end);
    }
  }
  return [stripped];
}
