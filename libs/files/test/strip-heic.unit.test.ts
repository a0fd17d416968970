import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  GPS_MARKER,
  HEIC_PICTURE,
  type HeicOptions,
  heic,
  type SampleHeic,
} from '@kasa/testing/sample-files';
import { InvalidFileError, stripMetadata } from '../src/index.ts';

const strip = (bytes: Buffer) => Buffer.concat(stripMetadata(bytes, 'image/heic'));

/** Every metadata byte is zero and every other byte is as it was. */
function assertStripped(sample: SampleHeic, stripped: Buffer) {
  assert.equal(stripped.length, sample.bytes.length);
  assert.equal(stripped.includes(GPS_MARKER), false);
  assert.deepEqual(stripped.subarray(sample.picture.start, sample.picture.end), HEIC_PICTURE);
  const expected = Buffer.from(sample.bytes);
  for (const { start, end } of sample.metadata) expected.fill(0, start, end);
  assert.deepEqual(stripped, expected);
}

test('zeroes the Exif and XMP items of a HEIC in place and leaves every other byte', () => {
  const sample = heic();
  assert.ok(sample.bytes.includes(GPS_MARKER));
  assertStripped(sample, strip(sample.bytes));
});

const variants: Array<[string, HeicOptions]> = [
  ['item locations of version 0', { ilocVersion: 0 }],
  ['item locations of version 2 with 32-bit item ids', { ilocVersion: 2, infeVersion: 3 }],
  ['64-bit offsets and lengths', { offsetSize: 8, lengthSize: 8 }],
  ['a 32-bit base offset', { baseOffsetSize: 4 }],
  ['a 64-bit base offset and extent indexes', { ilocVersion: 2, baseOffsetSize: 8, indexSize: 4 }],
];
for (const [name, options] of variants) {
  test(`reads ${name}`, () => {
    const sample = heic(options);
    assertStripped(sample, strip(sample.bytes));
  });
}

test('leaves the file it was given as it was', () => {
  const sample = heic();
  const copy = Buffer.from(sample.bytes);
  strip(sample.bytes);
  assert.deepEqual(sample.bytes, copy);
});

test('refuses a HEIC whose item locations point past its end', () => {
  const sample = heic({ offsetSize: 8 });
  const iloc = sample.bytes.indexOf('iloc');
  // The Exif item's first extent offset (8 bytes) follows its id, method, reference and count.
  const exifEntry = iloc + 4 + 4 + 2 + 2 + (2 + 2 + 2 + 2 + 8 + 4);
  const damaged = Buffer.from(sample.bytes);
  damaged.writeBigUInt64BE(BigInt(damaged.length), exifEntry + 2 + 2 + 2 + 2);
  assert.throws(() => strip(damaged), InvalidFileError);
});

test('refuses a HEIC whose boxes do not hold together', () => {
  const { bytes } = heic();
  const metaAt = bytes.indexOf('meta') - 4;
  const withMetaSize = (size: number) => {
    const copy = Buffer.from(bytes);
    copy.writeUInt32BE(size, metaAt);
    return copy;
  };
  const cases: Record<string, Buffer> = {
    'cut short': bytes.subarray(0, bytes.length - 3),
    'a box larger than the file': withMetaSize(bytes.length * 2),
    'a box smaller than its header': withMetaSize(4),
    'no meta box': Buffer.concat([bytes.subarray(0, metaAt), Buffer.from([0, 0, 0, 8]), Buffer.from('free')]),
    'an image sequence': Buffer.concat([bytes, Buffer.from([0, 0, 0, 8]), Buffer.from('moov')]),
  };
  for (const [name, damaged] of Object.entries(cases)) {
    assert.throws(() => strip(damaged), InvalidFileError, name);
  }
});
