import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, test } from 'node:test';
import { pdf as samplePdf } from '@kasa/testing/sample-files';
import {
  CorruptFileError,
  FileNotFoundError,
  FileStore,
  FileTooLargeError,
  parseFileKey,
} from '../src/index.ts';

const roots: string[] = [];
after(() => Promise.all(roots.map((root) => fs.rm(root, { recursive: true, force: true }))));

async function newStore() {
  const root = await fs.mkdtemp(join(tmpdir(), 'kasa-blobs-'));
  roots.push(root);
  return { root, store: new FileStore({ root, key: parseFileKey(randomBytes(32).toString('base64')) }) };
}

async function filesUnder(root: string): Promise<string[]> {
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** A multipart body: no type the store knows, which `save` would refuse. */
const callbackBody = Buffer.from(
  '--b\r\nContent-Disposition: form-data; name="encodeData"\r\n\r\nZGF0YQ==\r\n--b--\r\n',
  'latin1',
);

test('keeps bytes of no known type exactly as they came, under a random name', async () => {
  const { store } = await newStore();
  const saved = await store.saveRaw(callbackBody, 1024);
  assert.match(saved.name, /^[0-9a-f]{32}$/);
  assert.deepEqual(
    { size: saved.size, sha256: saved.sha256 },
    { size: callbackBody.length, sha256: createHash('sha256').update(callbackBody).digest('hex') },
  );
  assert.deepEqual(await store.openRaw(saved.name), callbackBody);
});

test('reads a stream, and refuses one larger than the limit, leaving nothing on disk', async () => {
  const { root, store } = await newStore();
  const fromStream = await store.saveRaw(
    Readable.from([callbackBody.subarray(0, 5), callbackBody.subarray(5)]),
    1024,
  );
  assert.deepEqual(await store.openRaw(fromStream.name), callbackBody);
  await assert.rejects(
    store.saveRaw(Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), 1024),
    FileTooLargeError,
  );
  assert.equal((await filesUnder(root)).length, 1);
});

test('is encrypted on disk', async () => {
  const { root, store } = await newStore();
  await store.saveRaw(callbackBody, 1024);
  const [path] = await filesUnder(root);
  const onDisk = await fs.readFile(path!);
  assert.equal(onDisk.includes(Buffer.from('encodeData')), false);
  assert.equal(onDisk.subarray(0, 6).toString('latin1'), 'KASAF1');
});

test('a blob never opens as a typed file, nor a typed file as a blob', async () => {
  const { store } = await newStore();
  const pdf = samplePdf();
  const blob = await store.saveRaw(pdf, 1024);
  const file = await store.save(pdf);
  await assert.rejects(store.open(blob.name), CorruptFileError);
  await assert.rejects(store.openRaw(file.name), CorruptFileError);
});

test('a changed blob, a missing one, or a name that is not ours fails', async () => {
  const { root, store } = await newStore();
  const saved = await store.saveRaw(callbackBody, 1024);
  const [path] = await filesUnder(root);
  const bytes = await fs.readFile(path!);
  bytes[bytes.length - 20]! ^= 1;
  await fs.writeFile(path!, bytes);
  await assert.rejects(store.openRaw(saved.name), CorruptFileError);
  await store.remove(saved.name);
  await assert.rejects(store.openRaw(saved.name), FileNotFoundError);
  await assert.rejects(store.openRaw('../../etc/passwd'), FileNotFoundError);
});
