import { InvalidFileError } from './errors.ts';
import { type Box, ByteReader, readBoxes } from './iso-boxes.ts';

const DAMAGED = 'The HEIC file is damaged';

export interface Extent {
  start: number;
  end: number;
}

/** The file's top-level boxes, which open with its `ftyp`. */
export function readHeifBoxes(bytes: Buffer): Box[] {
  const boxes = readBoxes(bytes, 0, bytes.length);
  if (boxes[0]?.type !== 'ftyp') throw new InvalidFileError(DAMAGED);
  return boxes;
}

/** The children of the file's one `meta` box, where HEIF keeps its items and their properties. */
export function metaChildren(bytes: Buffer, boxes: Box[]): Box[] {
  const meta = only(boxes, 'meta');
  // `meta` is a full box: version and flags come before its children.
  return readBoxes(bytes, meta.contentStart + 4, meta.end);
}

/** The ids of the items whose type (from the item info box) is one of `types`. */
export function itemIdsOfTypes(bytes: Buffer, iinf: Box, types: ReadonlySet<string>): Set<number> {
  const reader = new ByteReader(bytes, iinf.contentStart, iinf.end);
  const version = reader.u8();
  reader.skip(3);
  const count = version === 0 ? reader.u16() : reader.u32();
  const entries = readBoxes(bytes, reader.offset, iinf.end).filter((box) => box.type === 'infe');
  if (entries.length !== count) throw new InvalidFileError(DAMAGED);
  const ids = new Set<number>();
  for (const entry of entries) {
    const item = new ByteReader(bytes, entry.contentStart, entry.end);
    const entryVersion = item.u8();
    item.skip(3);
    // Versions 0 and 1 predate HEIF, which requires 2 or 3: they name no item type to go by.
    if (entryVersion < 2) throw new InvalidFileError(DAMAGED);
    const id = entryVersion === 2 ? item.u16() : item.u32();
    item.skip(2); // protection index
    if (types.has(item.fourCC())) ids.add(id);
  }
  return ids;
}

/** Where the bytes of the given items lie in the file, read from the item location box. */
export function itemExtents(bytes: Buffer, iloc: Box, items: Set<number>, idat: Box | undefined): Extent[] {
  const reader = new ByteReader(bytes, iloc.contentStart, iloc.end);
  const version = reader.u8();
  reader.skip(3);
  if (version > 2) throw new InvalidFileError(DAMAGED);
  const sizes = reader.u8();
  const offsetSize = sizes >> 4;
  const lengthSize = sizes & 0x0f;
  const moreSizes = reader.u8();
  const baseOffsetSize = moreSizes >> 4;
  const indexSize = version === 0 ? 0 : moreSizes & 0x0f;
  const itemCount = version < 2 ? reader.u16() : reader.u32();
  const extents: Extent[] = [];
  for (let index = 0; index < itemCount; index += 1) {
    const id = version < 2 ? reader.u16() : reader.u32();
    const constructionMethod = version === 0 ? 0 : reader.u16() & 0x0f;
    const dataReference = reader.u16();
    const baseOffset = reader.uint(baseOffsetSize);
    const extentCount = reader.u16();
    for (let extent = 0; extent < extentCount; extent += 1) {
      reader.uint(indexSize);
      const offset = reader.uint(offsetSize);
      const length = reader.uint(lengthSize);
      if (!items.has(id)) continue;
      // Data kept in another file, or built from other items, cannot be read here.
      if (dataReference !== 0) throw new InvalidFileError(DAMAGED);
      const container = containerOf(constructionMethod, bytes, idat);
      const start = container.start + baseOffset + offset;
      // A length of 0 means "all of the container from there on".
      const end = length === 0 ? container.end : start + length;
      if (start > container.end || end > container.end) throw new InvalidFileError(DAMAGED);
      extents.push({ start, end });
    }
  }
  return extents;
}

/** Method 0: offsets count from the file's start; 1: from the start of the `idat` box's data. */
function containerOf(constructionMethod: number, bytes: Buffer, idat: Box | undefined): Extent {
  if (constructionMethod === 0) return { start: 0, end: bytes.length };
  if (constructionMethod === 1 && idat) return { start: idat.contentStart, end: idat.end };
  throw new InvalidFileError(DAMAGED);
}

export function only(boxes: Box[], type: string): Box {
  const found = boxes.filter((box) => box.type === type);
  if (found.length !== 1) throw new InvalidFileError(DAMAGED);
  return found[0]!;
}

export function optional(boxes: Box[], type: string): Box | undefined {
  const found = boxes.filter((box) => box.type === type);
  if (found.length > 1) throw new InvalidFileError(DAMAGED);
  return found[0];
}
