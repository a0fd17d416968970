import assert from 'node:assert/strict';
import { createHash, createSecretKey, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, mock, test } from 'node:test';
import { exif, GPS_MARKER, heic, jfif, jpeg, pdf, png, pngText } from '@kasa/testing/sample-files';
import {
  CorruptFileError,
  FileNotFoundError,
  FileStore,
  FileTooLargeError,
  filePolicy,
  InvalidFileError,
  parseFileKey,
  TooManyFilesError,
  UnsupportedFileTypeError,
} from '../src/index.ts';

const roots: string[] = [];
after(() => Promise.all(roots.map((root) => fs.rm(root, { recursive: true, force: true }))));

async function newStore() {
  const root = await fs.mkdtemp(join(tmpdir(), 'kasa-files-'));
  roots.push(root);
  return { root, store: new FileStore({ root, key: parseFileKey(randomBytes(32).toString('base64')) }) };
}

/** Every file under `root`, however deep: what a failed save must not leave behind. */
async function filesUnder(root: string): Promise<string[]> {
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** A stream that yields `total` bytes in 64 KiB chunks and counts how many it was asked for. */
function slowUpload(total: number) {
  let produced = 0;
  const stream = new Readable({
    read() {
      if (produced >= total) return this.push(null);
      const chunk = Buffer.alloc(Math.min(65536, total - produced), 0x41);
      produced += chunk.length;
      this.push(chunk);
    },
  });
  return { stream, produced: () => produced };
}

test('gives back exactly the stripped file it saved', async () => {
  const { store } = await newStore();
  const original = jpeg([jfif(), exif()]);
  const saved = await store.save(original);
  const opened = await store.open(saved.name);
  assert.deepEqual(opened.bytes, jpeg([jfif()]));
  assert.equal(opened.mime, 'image/jpeg');
  assert.equal(opened.size, saved.size);
  assert.deepEqual(
    { mime: saved.mime, size: saved.size, sha256: saved.sha256 },
    {
      mime: 'image/jpeg',
      size: jpeg([jfif()]).length,
      sha256: createHash('sha256')
        .update(jpeg([jfif()]))
        .digest('hex'),
    },
  );
  assert.match(saved.name, /^[0-9a-f]{32}$/);
});

test('saves each kind it accepts, from a buffer or a stream', async () => {
  const { store } = await newStore();
  const files = [jpeg([jfif()]), png([pngText()]), heic().bytes, pdf()];
  for (const file of files) {
    const fromBuffer = await store.save(file);
    const fromStream = await store.save(Readable.from([file.subarray(0, 7), file.subarray(7)]));
    assert.deepEqual((await store.open(fromStream.name)).bytes, (await store.open(fromBuffer.name)).bytes);
  }
  assert.equal((await store.open((await store.save(pdf())).name)).bytes.toString(), pdf().toString());
});

test('keeps on disk neither the picture nor its metadata in the clear', async () => {
  const { root, store } = await newStore();
  const file = png([pngText()]);
  const saved = await store.save(file);
  const [path] = await filesUnder(root);
  assert.equal(path, join(root, saved.name.slice(0, 2), saved.name));
  const stored = await fs.readFile(path!);
  assert.equal(stored.subarray(0, 6).toString(), 'KASAF1');
  assert.equal(stored.length, saved.size + 6 + 1 + 12 + 16);
  assert.equal(stored.includes(file.subarray(8, 40)), false);
  assert.equal(stored.includes('IHDR'), false);
  assert.equal((await fs.stat(path!)).mode & 0o777, 0o600);
});

test('refuses to return a file with any byte changed on disk', async () => {
  const { root, store } = await newStore();
  const saved = await store.save(jpeg([jfif()]));
  const [path] = await filesUnder(root);
  const stored = await fs.readFile(path!);
  for (const at of [3, 6, 10, 25, stored.length - 1]) {
    const tampered = Buffer.from(stored);
    tampered[at]! ^= 0x01;
    await fs.writeFile(path!, tampered);
    await assert.rejects(store.open(saved.name), CorruptFileError, `byte ${at}`);
  }
  await fs.writeFile(path!, stored.subarray(0, stored.length - 1));
  await assert.rejects(store.open(saved.name), CorruptFileError);
});

test("refuses a file copied over another's name, and one read with another key", async () => {
  const { root, store } = await newStore();
  const first = await store.save(jpeg([jfif()]));
  const second = await store.save(png());
  const pathOf = (name: string) => join(root, name.slice(0, 2), name);
  await fs.copyFile(pathOf(first.name), pathOf(second.name));
  await assert.rejects(store.open(second.name), CorruptFileError);
  const otherKey = new FileStore({ root, key: createSecretKey(randomBytes(32)) });
  await assert.rejects(otherKey.open(first.name), CorruptFileError);
});

test('finds nothing under a name it could not have given', async () => {
  const { root, store } = await newStore();
  await fs.writeFile(join(root, 'x'), 'outside the pattern');
  const saved = await store.save(pdf());
  for (const name of [
    '../x',
    '/etc/passwd',
    '..%2f..%2fetc%2fpasswd',
    '',
    'a'.repeat(33),
    'a'.repeat(4096),
    saved.name.toUpperCase(),
    `${saved.name.slice(0, 2)}/${saved.name}`,
    `${saved.name}\0`,
    `../${saved.name}`,
    'x',
  ]) {
    await assert.rejects(store.open(name), FileNotFoundError, name);
    await store.remove(name);
  }
  await assert.rejects(store.open('0'.repeat(32)), FileNotFoundError);
  assert.ok(await fs.readFile(join(root, 'x')));
  assert.ok(await store.open(saved.name));
});

test('removes a file, and removing it again is no error', async () => {
  const { root, store } = await newStore();
  const saved = await store.save(pdf());
  await store.remove(saved.name);
  await store.remove(saved.name);
  await assert.rejects(store.open(saved.name), FileNotFoundError);
  assert.deepEqual(await filesUnder(root), []);
});

test('refuses a file over the size limit and leaves nothing on disk', async () => {
  const { root, store } = await newStore();
  const policy = filePolicy({ maxBytes: 1000 });
  const large = Buffer.concat([pdf(), Buffer.alloc(1000)]);
  await assert.rejects(store.save(large, policy), (error: unknown) => {
    assert.ok(error instanceof FileTooLargeError);
    assert.equal(error.statusCode, 413);
    return true;
  });
  assert.deepEqual(await filesUnder(root), []);
});

test('stops reading a stream as soon as it passes the limit', async () => {
  const { root, store } = await newStore();
  const upload = slowUpload(50 * 1024 * 1024);
  await assert.rejects(store.save(upload.stream, filePolicy({ maxBytes: 100_000 })), FileTooLargeError);
  assert.ok(upload.produced() < 100_000 + 3 * 65536, `read ${upload.produced()} bytes`);
  assert.ok(upload.stream.destroyed);
  assert.deepEqual(await filesUnder(root), []);
});

test('takes a file of exactly the limit', async () => {
  const { store } = await newStore();
  const file = pdf();
  assert.ok(await store.save(file, filePolicy({ maxBytes: file.length })));
});

test('refuses text named like a photo, naming the types it takes', async () => {
  const { root, store } = await newStore();
  const policy = filePolicy({ allowedTypes: ['image/jpeg', 'image/png', 'application/pdf'] });
  await assert.rejects(store.save(Buffer.from('I am a photo.jpg, honest'), policy), (error: unknown) => {
    assert.ok(error instanceof UnsupportedFileTypeError);
    assert.equal(error.statusCode, 415);
    assert.equal(error.message, 'Only JPEG, PNG and PDF files are accepted');
    return true;
  });
  await assert.rejects(store.save(heic().bytes, policy), UnsupportedFileTypeError);
  assert.deepEqual(await filesUnder(root), []);
});

test('refuses an empty file and a damaged image as invalid', async () => {
  const { root, store } = await newStore();
  for (const file of [Buffer.alloc(0), jpeg([jfif()]).subarray(0, 40)]) {
    await assert.rejects(store.save(file), (error: unknown) => {
      assert.ok(error instanceof InvalidFileError);
      assert.equal(error.statusCode, 400);
      return true;
    });
  }
  assert.deepEqual(await filesUnder(root), []);
});

test('leaves nothing when the upload breaks off midway', async () => {
  const { root, store } = await newStore();
  const broken = new Readable({
    read() {
      this.push(pdf());
      this.destroy(new Error('client went away'));
    },
  });
  await assert.rejects(store.save(broken), /client went away/);
  assert.deepEqual(await filesUnder(root), []);
});

test('leaves no temporary file when the write fails', async () => {
  const { root, store } = await newStore();
  const rename = mock.method(fs, 'rename', async () => {
    throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
  });
  try {
    await assert.rejects(store.save(pdf()), /no space left/);
  } finally {
    rename.mock.restore();
  }
  assert.deepEqual(await filesUnder(root), []);
});

test('saves several files, or none of them if one fails', async () => {
  const { root, store } = await newStore();
  const saved = await store.saveMany([jpeg([jfif()]), png(), pdf()]);
  assert.deepEqual(
    saved.map((file) => file.mime),
    ['image/jpeg', 'image/png', 'application/pdf'],
  );
  assert.equal((await filesUnder(root)).length, 3);
  await Promise.all(saved.map((file) => store.remove(file.name)));

  await assert.rejects(
    store.saveMany([jpeg([jfif()]), png(), Buffer.from('not a file'), pdf()]),
    UnsupportedFileTypeError,
  );
  assert.deepEqual(await filesUnder(root), []);
});

test('refuses more files than the policy allows before writing any', async () => {
  const { root, store } = await newStore();
  const policy = filePolicy({ maxFiles: 2 });
  await assert.rejects(store.saveMany([pdf(), pdf(), pdf()], policy), TooManyFilesError);
  async function* arriving() {
    yield pdf();
    yield pdf();
    yield pdf();
  }
  await assert.rejects(store.saveMany(arriving(), policy), TooManyFilesError);
  assert.deepEqual(await filesUnder(root), []);
});

test('never writes the location it strips, even encrypted', async () => {
  const { store } = await newStore();
  const saved = await store.save(jpeg([jfif(), exif()]));
  assert.equal((await store.open(saved.name)).bytes.includes(GPS_MARKER), false);
});

test('wants a real 32-byte key', () => {
  assert.throws(() => new FileStore({ root: tmpdir(), key: createSecretKey(randomBytes(16)) }), TypeError);
});
