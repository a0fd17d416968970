import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';

/** The build the admin gateway serves (`./kasa test` builds it first). */
const BUILD_DIR = process.env.KASA_CONSOLE_DIR || new URL('../dist', import.meta.url).pathname;
/** Issue 21: the first load under 300 KB of compressed JavaScript. */
const FIRST_LOAD_LIMIT = 300 * 1024;

test('the first load of the console is under 300 KB of compressed JavaScript; screens load when opened', async () => {
  assert.ok(existsSync(join(BUILD_DIR, 'index.html')), 'the console is built first (./kasa test does)');
  const page = await readFile(join(BUILD_DIR, 'index.html'), 'utf8');
  // What the page loads at once: its entry script and the chunks it preloads.
  const scripts = [...page.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((match) => match[1]!);
  assert.ok(scripts.length >= 1, 'the page loads its entry script');
  let compressed = 0;
  for (const script of scripts) compressed += (await stat(join(BUILD_DIR, `${script}.gz`))).size;
  assert.ok(
    compressed < FIRST_LOAD_LIMIT,
    `${Math.round(compressed / 1024)} KB of gzipped JavaScript at first load`,
  );
  // The screens are chunks of their own, fetched when first opened.
  assert.doesNotMatch(page, /dashboard-screen|staff-screen/);
});
