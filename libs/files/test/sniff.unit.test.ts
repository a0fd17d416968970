import assert from 'node:assert/strict';
import { test } from 'node:test';
import { heic, jfif, jpeg, pdf, png } from '@kasa/testing/sample-files';
import { sniffFileType } from '../src/index.ts';

test('knows a JPEG, a PNG, a HEIC and a PDF by their first bytes', () => {
  assert.deepEqual(sniffFileType(jpeg([jfif()])), { mime: 'image/jpeg', extension: 'jpg' });
  assert.deepEqual(sniffFileType(png()), { mime: 'image/png', extension: 'png' });
  assert.deepEqual(sniffFileType(heic().bytes), { mime: 'image/heic', extension: 'heic' });
  assert.deepEqual(sniffFileType(pdf()), { mime: 'application/pdf', extension: 'pdf' });
});

test('knows a HEIF by a compatible brand when the major brand is another', () => {
  const ftyp = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypmp41\0\0\0\0isommif1', 'latin1')]);
  assert.equal(sniffFileType(ftyp)?.mime, 'image/heic');
});

test('takes an MP4 for no image, though it has an ftyp box too', () => {
  const ftyp = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypisom\0\0\0\0isomavc1', 'latin1')]);
  assert.equal(sniffFileType(ftyp), null);
});

test('takes text named like a photo for what it is', () => {
  assert.equal(sniffFileType(Buffer.from('definitely a photo.jpg, trust me')), null);
  assert.equal(sniffFileType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')), null);
  assert.equal(sniffFileType(Buffer.alloc(0)), null);
});

test('needs the whole signature, not its first byte', () => {
  assert.equal(sniffFileType(Buffer.from([0xff, 0xd8])), null);
  assert.equal(sniffFileType(Buffer.from([0x89, 0x50, 0x4e, 0x47])), null);
  assert.equal(sniffFileType(Buffer.from('%PDF')), null);
});

test('reads a view into a larger buffer from its own start', () => {
  const bytes = Buffer.concat([Buffer.from('junk'), png()]);
  assert.equal(sniffFileType(new Uint8Array(bytes.buffer, bytes.byteOffset + 4))?.mime, 'image/png');
});
