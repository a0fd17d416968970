import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { heic, JPEG_SCAN_DATA, jfif, jpeg, jpegOfSize, png, pngOfSize } from '@kasa/testing/sample-files';
import {
  checkImageSize,
  declaredSizes,
  FileStore,
  IMAGE_LIMITS,
  ImageTooLargeError,
  InvalidFileError,
  parseFileKey,
} from '../src/index.ts';

const tooLarge = (error: unknown) =>
  error instanceof ImageTooLargeError &&
  error.statusCode === 422 &&
  error.message === 'The picture is too large: at most 16,384 pixels a side and 64 megapixels';

test('reads the size each format declares', () => {
  assert.deepEqual(declaredSizes(png(), 'image/png'), [{ width: 2, height: 2 }]);
  assert.deepEqual(declaredSizes(jpeg([jfif()]), 'image/jpeg'), [{ width: 8, height: 8 }]);
  assert.deepEqual(declaredSizes(heic().bytes, 'image/heic'), [{ width: 8, height: 8 }]);
  assert.deepEqual(declaredSizes(pngOfSize(640, 480), 'image/png'), [{ width: 640, height: 480 }]);
  assert.deepEqual(declaredSizes(jpegOfSize(4032, 3024), 'image/jpeg'), [{ width: 4032, height: 3024 }]);
});

test('the limit is one rule for every format: 16,384 a side and 64 megapixels', () => {
  assert.deepEqual(IMAGE_LIMITS, { maxSide: 16_384, maxPixels: 64_000_000 });
  const cases: [string, number, number, boolean][] = [
    ['the issue-18 PNG', 50_000, 50_000, false],
    ['one pixel too wide', 16_385, 1, false],
    ['one pixel too tall', 1, 16_385, false],
    ['100 megapixels in a square', 10_000, 10_000, false],
    ['a 48 MP iPhone photo', 8064, 6048, true],
    ['a 50 MP Pixel photo', 8160, 6144, true],
    ['an A4 scan at 600 dpi', 4961, 7016, true],
    ['a long receipt', 1200, 16_384, true],
  ];
  for (const [name, width, height, fits] of cases) {
    const files = {
      'image/png': pngOfSize(width, height),
      'image/jpeg': jpegOfSize(width, height),
      'image/heic': heic({ size: { width, height } }).bytes,
    } as const;
    for (const [mime, bytes] of Object.entries(files) as [keyof typeof files, Buffer][]) {
      if (fits) checkImageSize(bytes, mime);
      else assert.throws(() => checkImageSize(bytes, mime), tooLarge, `${name} as ${mime}`);
    }
  }
});

test("a HEIC grid's canvas counts, however small its tiles say they are", () => {
  const tiled = (width: number, height: number) => heic({ grid: { width, height } }).bytes;
  assert.deepEqual(declaredSizes(tiled(4032, 3024), 'image/heic'), [
    { width: 8, height: 8 },
    { width: 4032, height: 3024 },
  ]);
  checkImageSize(tiled(4032, 3024), 'image/heic');
  assert.throws(() => checkImageSize(tiled(60_000, 60_000), 'image/heic'), tooLarge);
});

test('a picture whose size cannot be read is damaged', () => {
  const damaged = (bytes: Buffer, mime: 'image/png' | 'image/jpeg' | 'image/heic', why: string) =>
    assert.throws(() => checkImageSize(bytes, mime), InvalidFileError, why);
  damaged(pngOfSize(0, 10), 'image/png', 'a PNG zero pixels wide');
  damaged(png().subarray(0, 20), 'image/png', 'a PNG cut inside its header');
  damaged(jpegOfSize(100, 0), 'image/jpeg', 'a JPEG whose height is left to a DNL marker');
  const scanWithoutFrame = Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    Buffer.from('ffda000c03010002110311003f00', 'hex'),
    JPEG_SCAN_DATA,
    Buffer.from([0xff, 0xd9]),
  ]);
  damaged(scanWithoutFrame, 'image/jpeg', 'a JPEG scan before any frame header');
  damaged(heic({ size: { width: 0, height: 8 } }).bytes, 'image/heic', 'a HEIC zero pixels wide');
});

const roots: string[] = [];
after(() => Promise.all(roots.map((root) => fs.rm(root, { recursive: true, force: true }))));

test('the store refuses a picture too large and keeps nothing of it', async () => {
  const root = await fs.mkdtemp(join(tmpdir(), 'kasa-files-'));
  roots.push(root);
  const store = new FileStore({ root, key: parseFileKey(randomBytes(32).toString('hex')) });
  for (const bytes of [
    pngOfSize(50_000, 50_000),
    jpegOfSize(60_000, 60_000),
    heic({ size: { width: 50_000, height: 50_000 } }).bytes,
  ]) {
    await assert.rejects(store.save(bytes), tooLarge);
  }
  assert.deepEqual(await fs.readdir(root), []);
});
