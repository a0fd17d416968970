import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { seededRandom } from '@kasa/testing';
import {
  adobe,
  exif,
  heic,
  iccProfile,
  jfif,
  jpeg,
  pdf,
  png,
  pngExif,
  pngText,
} from '@kasa/testing/sample-files';
import {
  FileStore,
  FileTooLargeError,
  filePolicy,
  ImageTooLargeError,
  InvalidFileError,
  parseFileKey,
  UnsafeFileError,
  UnsupportedFileTypeError,
} from '../src/index.ts';

/** The same seed gives the same 1,000 files, so a failure can be replayed. */
const random = seededRandom;

const SEED = 20250517;
const next = random(SEED);
const below = (limit: number) => Math.floor(next() * limit);
const noise = (length: number) => Buffer.from(Array.from({ length }, () => below(256)));

const samples = [
  jpeg([jfif(), exif(), iccProfile(), adobe()]),
  png([pngText(), pngExif()]),
  heic().bytes,
  heic({ ilocVersion: 2, offsetSize: 8, baseOffsetSize: 4, indexSize: 4, infeVersion: 3 }).bytes,
  pdf(),
];
const prefixes = samples.map((sample) => sample.subarray(0, 16));

/** Damages a real file the ways a fuzzer would: flipped bits, cuts, splices, noise behind a signature. */
function malformed(): Buffer {
  const sample = Buffer.from(samples[below(samples.length)]!);
  switch (below(6)) {
    case 0:
      for (let flips = 1 + below(8); flips > 0; flips -= 1) sample[below(sample.length)]! ^= 1 << below(8);
      return sample;
    case 1:
      return sample.subarray(0, below(sample.length));
    case 2: {
      const at = below(sample.length);
      return Buffer.concat([sample.subarray(0, at), noise(below(64)), sample.subarray(at + below(32))]);
    }
    case 3:
      return Buffer.concat([prefixes[below(prefixes.length)]!.subarray(0, 3 + below(13)), noise(below(512))]);
    case 4: {
      // A length or size field turned huge, zero or negative-looking.
      const at = below(sample.length - 4);
      sample.writeUInt32BE([0, 1, 0xffffffff, 0x7fffffff, below(2 ** 32)][below(5)]!, at);
      return sample;
    }
    default:
      return noise(below(2048));
  }
}

const roots: string[] = [];
after(() => Promise.all(roots.map((root) => fs.rm(root, { recursive: true, force: true }))));

test(`1,000 random and damaged files end in a stored file or a typed error, nothing else (seed ${SEED})`, async () => {
  const root = await fs.mkdtemp(join(tmpdir(), 'kasa-files-'));
  roots.push(root);
  const store = new FileStore({ root, key: parseFileKey(randomBytes(32).toString('hex')) });
  const policy = filePolicy({ maxBytes: 1500 });
  const outcomes = new Map<string, number>();
  for (let index = 0; index < 1000; index += 1) {
    const bytes = malformed();
    let outcome: string;
    try {
      const saved = await store.save(bytes, policy);
      const opened = await store.open(saved.name);
      assert.equal(opened.size, saved.size);
      outcome = 'saved';
    } catch (error) {
      // A size field turned huge is a picture too large, a PDF's bytes can spell a script's name.
      const typed =
        error instanceof InvalidFileError ||
        error instanceof UnsupportedFileTypeError ||
        error instanceof FileTooLargeError ||
        error instanceof ImageTooLargeError ||
        error instanceof UnsafeFileError;
      assert.ok(typed, `file ${index} (${bytes.toString('hex')}) threw ${String(error)}`);
      outcome = error.name;
    }
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  }
  // The mix proves the damaged files reached the strippers, not just the sniffer.
  assert.ok((outcomes.get('InvalidFileError') ?? 0) > 100, JSON.stringify([...outcomes]));
  assert.ok((outcomes.get('saved') ?? 0) > 50, JSON.stringify([...outcomes]));
});
