export type FileMime = 'image/jpeg' | 'image/png' | 'image/heic' | 'application/pdf';

export interface FileType {
  mime: FileMime;
  extension: 'jpg' | 'png' | 'heic' | 'pdf';
}

const JPEG: FileType = { mime: 'image/jpeg', extension: 'jpg' };
const PNG: FileType = { mime: 'image/png', extension: 'png' };
const HEIC: FileType = { mime: 'image/heic', extension: 'heic' };
const PDF: FileType = { mime: 'application/pdf', extension: 'pdf' };

const JPEG_MAGIC = Buffer.from([0xff, 0xd8, 0xff]);
export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');

/** Brands of HEIF still images and sequences; `mif1`/`msf1` are the generic ones iPhones list too. */
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);

/**
 * The type the bytes themselves show, or null. The client's filename and Content-Type are
 * never asked: they are whatever the client says they are.
 */
export function sniffFileType(bytes: Uint8Array): FileType | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(buffer, JPEG_MAGIC)) return JPEG;
  if (startsWith(buffer, PNG_SIGNATURE)) return PNG;
  if (startsWith(buffer, PDF_MAGIC)) return PDF;
  if (isHeif(buffer)) return HEIC;
  return null;
}

/** Human names for messages: "Only JPEG, PNG and PDF files are accepted". */
export const TYPE_NAMES: Record<FileMime, string> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/heic': 'HEIC',
  'application/pdf': 'PDF',
};

function startsWith(buffer: Buffer, magic: Buffer): boolean {
  return buffer.length >= magic.length && buffer.subarray(0, magic.length).equals(magic);
}

/** An ISO BMFF file opens with its `ftyp` box: size, 'ftyp', major brand, version, compatible brands. */
function isHeif(buffer: Buffer): boolean {
  if (buffer.length < 16 || buffer.toString('latin1', 4, 8) !== 'ftyp') return false;
  const size = buffer.readUInt32BE(0);
  if (size < 16 || size > buffer.length || size % 4 !== 0) return false;
  if (HEIF_BRANDS.has(buffer.toString('latin1', 8, 12))) return true;
  for (let offset = 16; offset < size; offset += 4) {
    if (HEIF_BRANDS.has(buffer.toString('latin1', offset, offset + 4))) return true;
  }
  return false;
}
