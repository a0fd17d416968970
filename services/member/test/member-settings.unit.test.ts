import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadConfig } from '@kasa/config';
import { MemberSettings } from '../src/settings.ts';

const base = { JWT_PUBLIC_KEY: 'a key' };

test('the files’ key comes from FILES_KEY or from the file FILES_KEY_FILE names, exactly one', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'kasa-member-settings-'));
  try {
    const key = randomBytes(32).toString('base64');
    const path = join(folder, 'files.key');
    await writeFile(path, key);
    assert.equal(loadConfig(MemberSettings, { ...base, FILES_KEY: key }).FILES_KEY, key);
    assert.equal(loadConfig(MemberSettings, { ...base, FILES_KEY_FILE: path }).FILES_KEY_FILE, path);
    assert.equal(loadConfig(MemberSettings, { ...base, FILES_KEY: key }).FILES_DIR, './data/files');
    for (const env of [base, { ...base, FILES_KEY: key, FILES_KEY_FILE: path }]) {
      assert.throws(() => loadConfig(MemberSettings, env), /FILES_KEY/);
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});
