import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  GPS_MARKER,
  PNG_DATA,
  PNG_HEADER,
  png,
  pngChunk,
  pngCompressedText,
  pngExif,
  pngGamma,
  pngInternationalText,
  pngText,
  pngTime,
} from '@kasa/testing/sample-files';
import { InvalidFileError, stripMetadata } from '../src/index.ts';

const strip = (bytes: Buffer) => Buffer.concat(stripMetadata(bytes, 'image/png'));

test('removes text, Exif and time chunks from a PNG, wherever they stand', () => {
  const original = png(
    [pngText(), pngExif(), pngTime(), pngGamma()],
    [pngCompressedText(), pngInternationalText()],
  );
  assert.ok(original.includes(GPS_MARKER));
  const stripped = strip(original);
  assert.equal(stripped.includes(GPS_MARKER), false);
  assert.deepEqual(stripped, png([pngGamma()]));
});

test('keeps the header, image data and other chunks byte for byte', () => {
  const stripped = strip(png([pngText(), pngGamma()]));
  assert.ok(stripped.includes(PNG_HEADER));
  assert.ok(stripped.includes(PNG_DATA));
  assert.ok(stripped.includes(pngGamma()));
});

test('drops bytes after the final chunk', () => {
  assert.deepEqual(strip(png([], [], Buffer.from(GPS_MARKER))), png());
});

test('refuses a PNG with a chunk whose checksum is wrong', () => {
  const bytes = png([pngGamma()]);
  const gammaData = bytes.indexOf(pngGamma()) + 8;
  bytes[gammaData]! ^= 1;
  assert.throws(() => strip(bytes), InvalidFileError);
});

test('refuses a PNG whose chunks do not hold together', () => {
  const whole = png([pngText()]);
  const signature = whole.subarray(0, 8);
  const cases: Record<string, Buffer> = {
    'cut short': whole.subarray(0, whole.length - 5),
    'no IEND': whole.subarray(0, whole.length - 12),
    'not starting with IHDR': Buffer.concat([signature, pngGamma(), PNG_HEADER, PNG_DATA]),
    'no image data': Buffer.concat([signature, PNG_HEADER, pngChunk('IEND', Buffer.alloc(0))]),
    'a chunk type that is not letters': Buffer.concat([
      signature,
      PNG_HEADER,
      pngChunk('a1b2', Buffer.alloc(0)),
    ]),
    'a length past the end': Buffer.concat([
      signature,
      Buffer.from([0x7f, 0xff, 0xff, 0xff]),
      whole.subarray(12),
    ]),
  };
  for (const [name, bytes] of Object.entries(cases)) {
    assert.throws(() => strip(bytes), InvalidFileError, name);
  }
});
