import { appendPiece, type BytePieces } from './byte-pieces.ts';
import { InvalidFileError } from './errors.ts';

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const TEM = 0x01;
const APP0 = 0xe0;
const APP2 = 0xe2;
const APP14 = 0xee;
const APP15 = 0xef;
const COM = 0xfe;

const DAMAGED = 'The JPEG file is damaged';

/**
 * The JPEG with every segment that describes the photo rather than draws it removed: Exif
 * (location, camera, time), XMP, IPTC, comments, maker data. Nothing is decoded or re-encoded:
 * kept segments and the compressed image data are views of `bytes`, byte for byte.
 *
 * Bytes after the end-of-image marker are dropped too: phones put secondary images (MPF depth
 * and gain maps) and motion-photo videos there, and those carry their own Exif.
 */
export function stripJpeg(bytes: Buffer): BytePieces {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== SOI) throw new InvalidFileError(DAMAGED);
  const kept: BytePieces = [bytes.subarray(0, 2)];
  let offset = 2;
  let sawFrame = false;
  let sawScan = false;
  while (offset < bytes.length) {
    let markerAt = offset;
    if (sawScan) {
      // Compressed data runs until the next marker; it is never looked into, only copied.
      markerAt = nextMarker(bytes, offset);
      if (markerAt === -1) {
        // No end-of-image marker: many decoders show such a file, and nothing follows the data.
        appendPiece(kept, bytes.subarray(offset));
        return kept;
      }
      appendPiece(kept, bytes.subarray(offset, markerAt));
    } else if (bytes[offset] !== 0xff) {
      throw new InvalidFileError(DAMAGED);
    }
    let codeAt = markerAt + 1;
    while (bytes[codeAt] === 0xff) codeAt += 1; // fill bytes may stand before any marker
    const marker = bytes[codeAt];
    if (marker === undefined) throw new InvalidFileError(DAMAGED);
    if (marker === EOI) {
      if (!sawScan) throw new InvalidFileError(DAMAGED);
      appendPiece(kept, bytes.subarray(codeAt - 1, codeAt + 1)); // its own FF D9, without fill bytes
      return kept;
    }
    if (marker === TEM) {
      offset = codeAt + 1;
      continue;
    }
    if (marker === 0x00 || marker === SOI || isRestart(marker) || codeAt + 3 > bytes.length) {
      throw new InvalidFileError(DAMAGED);
    }
    const length = bytes.readUInt16BE(codeAt + 1);
    const end = codeAt + 1 + length;
    if (length < 2 || end > bytes.length) throw new InvalidFileError(DAMAGED);
    if (isFrameHeader(marker)) sawFrame = true;
    if (marker === SOS) {
      if (!sawFrame) throw new InvalidFileError(DAMAGED);
      sawScan = true;
    }
    if (isKept(marker, bytes.subarray(codeAt + 3, end))) appendPiece(kept, bytes.subarray(codeAt - 1, end));
    offset = end;
  }
  if (!sawScan) throw new InvalidFileError(DAMAGED);
  return kept;
}

/** Of the application segments only those that change how the picture looks are kept. */
function isKept(marker: number, payload: Buffer): boolean {
  if (marker === APP0) return startsWithText(payload, 'JFIF\0');
  if (marker === APP2) return startsWithText(payload, 'ICC_PROFILE\0');
  if (marker === APP14) return startsWithText(payload, 'Adobe');
  if (marker >= APP0 && marker <= APP15) return false;
  return marker !== COM;
}

/** Where the next marker's 0xFF stands inside compressed data, or -1. */
function nextMarker(bytes: Buffer, from: number): number {
  let at = bytes.indexOf(0xff, from);
  while (at !== -1 && at + 1 < bytes.length) {
    const next = bytes[at + 1]!;
    // 0xFF 0x00 is an escaped data byte; restart markers belong to the data; 0xFF 0xFF is fill.
    if (next !== 0x00 && next !== 0xff && !isRestart(next)) return at;
    at = bytes.indexOf(0xff, at + 1);
  }
  return -1;
}

export const isRestart = (marker: number) => marker >= 0xd0 && marker <= 0xd7;

/** SOF0–SOF15, less DHT (C4), JPG (C8) and DAC (CC), which share the range. */
export const isFrameHeader = (marker: number) =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

function startsWithText(payload: Buffer, text: string): boolean {
  return payload.length >= text.length && payload.toString('latin1', 0, text.length) === text;
}
