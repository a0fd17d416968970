import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  adobe,
  comment,
  exif,
  GPS_MARKER,
  iccProfile,
  iptc,
  JPEG_PICTURE,
  JPEG_SCAN_DATA,
  jfif,
  jpeg,
  jpegSegment,
  multiPicture,
  xmp,
} from '@kasa/testing/sample-files';
import { InvalidFileError, stripMetadata } from '../src/index.ts';

const strip = (bytes: Buffer) => Buffer.concat(stripMetadata(bytes, 'image/jpeg'));
const contains = (bytes: Buffer, text: string) => bytes.includes(Buffer.from(text, 'latin1'));

test('removes Exif, XMP, IPTC, multi-picture data and comments from a JPEG', () => {
  const original = jpeg([jfif(), exif(), xmp(), iptc(), multiPicture(), comment()]);
  assert.ok(contains(original, GPS_MARKER));
  const stripped = strip(original);
  assert.equal(contains(stripped, GPS_MARKER), false);
  assert.deepEqual(stripped, jpeg([jfif()]));
});

test("keeps JFIF, the colour profile and Adobe's colour transform, and the picture byte for byte", () => {
  const stripped = strip(jpeg([jfif(), exif(), iccProfile(), adobe(), comment()]));
  assert.deepEqual(stripped, jpeg([jfif(), iccProfile(), adobe()]));
  assert.ok(stripped.includes(Buffer.concat([JPEG_PICTURE, JPEG_SCAN_DATA])));
});

test('removes application segments nobody needs to draw the picture', () => {
  const vendor = jpegSegment(0xeb, Buffer.from(`JP\0\0c2pa ${GPS_MARKER}`, 'latin1'));
  const notJfif = jpegSegment(0xe0, Buffer.from(`JFXX${GPS_MARKER}`, 'latin1'));
  assert.deepEqual(strip(jpeg([notJfif, vendor])), jpeg([]));
});

test('leaves a JPEG without metadata as it was', () => {
  const original = jpeg([jfif()]);
  assert.deepEqual(strip(original), original);
});

test('copies compressed data with escaped 0xFF bytes and restart markers untouched', () => {
  const scan = Buffer.from([0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56, 0xff, 0xd7, 0x78]);
  assert.deepEqual(strip(jpeg([exif()], { scan })), jpeg([], { scan }));
});

test('drops what follows the end of the image, where phones append images with their own Exif', () => {
  const appended = jpeg([exif()]);
  const stripped = strip(jpeg([], { trailer: appended }));
  assert.equal(contains(stripped, GPS_MARKER), false);
  assert.deepEqual(stripped, jpeg([]));
});

test('removes a comment between the scans of a progressive JPEG', () => {
  const between = Buffer.concat([
    comment(),
    jpegSegment(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0])),
    Buffer.from([1, 2]),
  ]);
  const scan = Buffer.concat([JPEG_SCAN_DATA, between]);
  const expected = Buffer.concat([JPEG_SCAN_DATA, between.subarray(comment().length)]);
  assert.deepEqual(strip(jpeg([], { scan })), jpeg([], { scan: expected }));
});

test('refuses a JPEG whose segments do not hold together', () => {
  const whole = jpeg([jfif(), exif()]);
  const cases: Record<string, Buffer> = {
    'cut inside a segment': whole.subarray(0, 30),
    'a segment longer than the file': Buffer.concat([
      whole.subarray(0, 2),
      Buffer.from([0xff, 0xe1, 0xff, 0xff, 1]),
    ]),
    'a length below two': Buffer.concat([
      whole.subarray(0, 2),
      Buffer.from([0xff, 0xe1, 0x00, 0x01]),
      whole.subarray(2),
    ]),
    'junk between segments': Buffer.concat([whole.subarray(0, 2), Buffer.from('junk'), whole.subarray(2)]),
    'no image data': Buffer.from([0xff, 0xd8, 0xff, 0xd9]),
    'a scan before any frame header': Buffer.concat([
      Buffer.from([0xff, 0xd8]),
      jpegSegment(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0])),
      Buffer.from([0xff, 0xd9]),
    ]),
    'only the signature': Buffer.from([0xff, 0xd8, 0xff]),
  };
  for (const [name, bytes] of Object.entries(cases)) {
    assert.throws(() => strip(bytes), InvalidFileError, name);
  }
});
