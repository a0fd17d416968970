import { ImageTooLargeError, InvalidFileError } from './errors.ts';
import { itemExtents, itemIdsOfTypes, metaChildren, only, optional, readHeifBoxes } from './heic-items.ts';
import { ByteReader, readBoxes } from './iso-boxes.ts';
import { PNG_SIGNATURE } from './sniff.ts';
import { isFrameHeader, isRestart } from './strip-jpeg.ts';

/**
 * The largest picture kept, whatever the route. A picture's file says how many pixels it has
 * and every viewer (the staff's browser, the member's phone) allocates that many before
 * drawing one: a few kilobytes of PNG can claim 50,000 × 50,000, 10 GB of memory.
 *
 * 64 megapixels (256 MB decoded) takes every phone camera's full-resolution mode that fits the
 * upload size (a 48 MP iPhone is 8064 × 6048, a 50 MP Pixel 8160 × 6144) and a scan of an A4
 * page at 600 dpi (35 MP); 16,384 a side is where browsers and image libraries stop drawing
 * anyway, and leaves room for a long receipt photographed in one piece.
 */
export const IMAGE_LIMITS = Object.freeze({ maxSide: 16_384, maxPixels: 64_000_000 });

export interface ImageSize {
  width: number;
  height: number;
}

export type ImageMime = 'image/jpeg' | 'image/png' | 'image/heic';

/** Refuses a picture that claims more pixels than IMAGE_LIMITS, or whose size cannot be read. */
export function checkImageSize(bytes: Buffer, mime: ImageMime): void {
  const { maxSide, maxPixels } = IMAGE_LIMITS;
  for (const { width, height } of declaredSizes(bytes, mime)) {
    if (width > maxSide || height > maxSide || width * height > maxPixels) {
      throw new ImageTooLargeError(maxSide, maxPixels);
    }
  }
}

/**
 * Every size the file declares for a picture a viewer would draw: a JPEG's frame, a PNG's
 * header, a HEIC's image items and the canvases its grids and overlays are composed on.
 * `InvalidFileError` when there is none, or one is zero.
 */
export function declaredSizes(bytes: Buffer, mime: ImageMime): ImageSize[] {
  const sizes =
    mime === 'image/png' ? [pngSize(bytes)] : mime === 'image/jpeg' ? jpegSizes(bytes) : heicSizes(bytes);
  if (sizes.length === 0 || sizes.some(({ width, height }) => width === 0 || height === 0)) {
    throw new InvalidFileError(DAMAGED[mime]);
  }
  return sizes;
}

const DAMAGED: Record<ImageMime, string> = {
  'image/jpeg': 'The JPEG file is damaged',
  'image/png': 'The PNG file is damaged',
  'image/heic': 'The HEIC file is damaged',
};

/** The IHDR chunk comes first, 13 bytes: width, height, then the pixel format. */
function pngSize(bytes: Buffer): ImageSize {
  const at = PNG_SIGNATURE.length;
  if (
    bytes.length < at + 16 ||
    bytes.readUInt32BE(at) !== 13 ||
    bytes.toString('latin1', at + 4, at + 8) !== 'IHDR'
  ) {
    throw new InvalidFileError(DAMAGED['image/png']);
  }
  return { width: bytes.readUInt32BE(at + 8), height: bytes.readUInt32BE(at + 12) };
}

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const DHP = 0xde;
const TEM = 0x01;

/**
 * The frame headers (and a hierarchical file's DHP) before the first scan: decoders size their
 * picture from these and refuse a second frame after it. A height of 0 (to be given later by a
 * DNL marker) is refused as damaged: no camera writes one.
 */
function jpegSizes(bytes: Buffer): ImageSize[] {
  const damaged = () => new InvalidFileError(DAMAGED['image/jpeg']);
  const sizes: ImageSize[] = [];
  let offset = 2;
  for (;;) {
    if (bytes[offset] !== 0xff) throw damaged();
    let codeAt = offset + 1;
    while (bytes[codeAt] === 0xff) codeAt += 1;
    const marker = bytes[codeAt];
    if (marker === undefined || marker === 0x00 || marker === SOI || marker === EOI || isRestart(marker)) {
      throw damaged();
    }
    if (marker === SOS) return sizes;
    if (marker === TEM) {
      offset = codeAt + 1;
      continue;
    }
    if (codeAt + 3 > bytes.length) throw damaged();
    const length = bytes.readUInt16BE(codeAt + 1);
    const end = codeAt + 1 + length;
    if (length < 2 || end > bytes.length) throw damaged();
    if (isFrameHeader(marker) || marker === DHP) {
      // Length (2), sample precision (1), then the number of lines and of samples per line.
      if (length < 7) throw damaged();
      sizes.push({ height: bytes.readUInt16BE(codeAt + 4), width: bytes.readUInt16BE(codeAt + 6) });
    }
    offset = end;
  }
}

/**
 * Derived items a viewer composes on a canvas whose size is in the item's own data: after the
 * version and flags, a grid has its rows and columns (2 bytes), an overlay its fill colour (8).
 */
const CANVAS_SIZE_AT: Record<string, number> = { grid: 4, iovl: 10 };

/**
 * Every `ispe` (each image item's size, which HEIF requires) and the output size of every grid
 * (an iPhone photo is a grid of 512-pixel tiles) and overlay: each is a canvas a viewer
 * allocates.
 */
function heicSizes(bytes: Buffer): ImageSize[] {
  const meta = metaChildren(bytes, readHeifBoxes(bytes));
  const iprp = only(meta, 'iprp');
  const ipco = only(readBoxes(bytes, iprp.contentStart, iprp.end), 'ipco');
  const sizes = readBoxes(bytes, ipco.contentStart, ipco.end)
    .filter((box) => box.type === 'ispe')
    .map((ispe) => {
      const reader = new ByteReader(bytes, ispe.contentStart, ispe.end);
      reader.skip(4); // version and flags
      return { width: reader.u32(), height: reader.u32() };
    });
  for (const [type, sizeAt] of Object.entries(CANVAS_SIZE_AT)) {
    for (const id of itemIdsOfTypes(bytes, only(meta, 'iinf'), new Set([type]))) {
      // The size is near the start of the data, so in its first extent.
      const [first] = itemExtents(bytes, only(meta, 'iloc'), new Set([id]), optional(meta, 'idat'));
      if (!first) throw new InvalidFileError(DAMAGED['image/heic']);
      sizes.push(canvasSize(bytes, first.start, first.end, sizeAt));
    }
  }
  return sizes;
}

/** The canvas's width and height, 32-bit when the item's flag 1 is set, 16-bit otherwise. */
function canvasSize(bytes: Buffer, start: number, end: number, sizeAt: number): ImageSize {
  const flags = new ByteReader(bytes, start + 1, end).u8();
  const reader = new ByteReader(bytes, start + sizeAt, end);
  return (flags & 1) === 1
    ? { width: reader.u32(), height: reader.u32() }
    : { width: reader.u16(), height: reader.u16() };
}
