import { crc32 } from 'node:zlib';
import { appendPiece, type BytePieces } from './byte-pieces.ts';
import { InvalidFileError } from './errors.ts';
import { PNG_SIGNATURE } from './sniff.ts';

/**
 * Chunks that describe rather than draw: Exif, text (author, comments, software, sometimes
 * location), modification time, and C2PA content credentials (which may assert a location).
 */
const DROPPED_CHUNKS = new Set(['eXIf', 'tEXt', 'zTXt', 'iTXt', 'tIME', 'caBX']);

const DAMAGED = 'The PNG file is damaged';
/** The PNG format's own ceiling on a chunk's length. */
const MAX_CHUNK_LENGTH = 0x7fffffff;

/**
 * The PNG without its metadata chunks, as views of `bytes`: every other chunk is kept byte for
 * byte, so the picture is exactly the one sent. Each chunk's checksum is verified on the way. Bytes after
 * the final IEND chunk are no part of the picture and could hide anything: they are dropped.
 */
export function stripPng(bytes: Buffer): BytePieces {
  if (bytes.length < PNG_SIGNATURE.length || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) {
    throw new InvalidFileError(DAMAGED);
  }
  const kept: BytePieces = [bytes.subarray(0, 8)];
  let offset = PNG_SIGNATURE.length;
  let sawImageData = false;
  for (let index = 0; ; index += 1) {
    if (offset + 12 > bytes.length) throw new InvalidFileError(DAMAGED);
    const length = bytes.readUInt32BE(offset);
    const dataEnd = offset + 8 + length;
    const end = dataEnd + 4;
    if (length > MAX_CHUNK_LENGTH || end > bytes.length) throw new InvalidFileError(DAMAGED);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    if (!/^[A-Za-z]{4}$/.test(type)) throw new InvalidFileError(DAMAGED);
    if (crc32(bytes.subarray(offset + 4, dataEnd)) !== bytes.readUInt32BE(dataEnd)) {
      throw new InvalidFileError(DAMAGED);
    }
    if (index === 0 && (type !== 'IHDR' || length !== 13)) throw new InvalidFileError(DAMAGED);
    if (type === 'IDAT') sawImageData = true;
    if (!DROPPED_CHUNKS.has(type)) appendPiece(kept, bytes.subarray(offset, end));
    offset = end;
    if (type === 'IEND') break;
  }
  if (!sawImageData) throw new InvalidFileError(DAMAGED);
  return kept;
}
