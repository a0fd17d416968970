import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * Brotli and gzip copies of the built scripts and styles beside them, made once at build time
 * at the highest levels: the gateway serves the copy the browser accepts (`preCompressed`).
 */
function precompressed(outDir: string): Plugin {
  return {
    name: 'kasa-precompressed',
    apply: 'build',
    async closeBundle() {
      const assets = join(outDir, 'assets');
      for (const name of await readdir(assets)) {
        if (!/\.(js|css|svg)$/.test(name)) continue;
        const bytes = await readFile(join(assets, name));
        await writeFile(
          join(assets, `${name}.br`),
          await brotli(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        await writeFile(join(assets, `${name}.gz`), await gzipped(bytes, { level: 9 }));
      }
    },
  };
}

/**
 * The staff console, built into `dist/` and served by the admin gateway at `/`. Hashed files go
 * under `assets/` (cached for a year by the gateway); index.html is read per request, to carry
 * the nonce of its Content-Security-Policy. In `pnpm dev`, the API calls go to a running
 * admin gateway (`./kasa run`).
 */
/** `KASA_CONSOLE_DIR` builds elsewhere (a test run of its own); else `dist/`. */
const outDir = process.env.KASA_CONSOLE_DIR || new URL('./dist', import.meta.url).pathname;

export default defineConfig({
  plugins: [react(), precompressed(outDir)],
  base: '/',
  build: {
    outDir,
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: { '^/(?!src/|@|node_modules/|assets/).+': 'http://127.0.0.1:8081' },
  },
});
