import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { pngChunk } from '@kasa/testing/sample-files';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * A phone-photo-sized PNG that is a real picture: `width`×`height` RGB pixels of noise in
 * one IDAT chunk (noise does not compress, so the file is about 3 bytes a pixel). The
 * service keeps every byte of it (only metadata chunks are stripped), so what is stored is
 * as large as what was sent. 260×256 gives about 200 KB.
 */
export function noisePng(width = 260, height = 256): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per sample
  header[9] = 2; // RGB
  const rows = Buffer.alloc(height * (1 + width * 3));
  const noise = randomBytes(height * width * 3);
  for (let row = 0; row < height; row += 1) {
    const at = row * (1 + width * 3);
    rows[at] = 0; // filter: none
    noise.copy(rows, at + 1, row * width * 3, (row + 1) * width * 3);
  }
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows, { level: 1 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}
