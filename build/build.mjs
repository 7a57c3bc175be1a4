// One build for everything: esbuild bundles main (both hosts) and the two preloads, Vite builds
// the renderer. esbuild because main and preload are plain TypeScript to bundle for Node; Vite
// because the renderer wants React, CSS and hashed assets. Both share one esbuild engine.
import { build as esbuild } from 'esbuild';
import { readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as viteBuild } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
const started = Date.now();
await rm(join(root, 'dist'), { recursive: true, force: true });

const node = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  external: ['better-sqlite3', 'keytar', 'electron'],
  define: { 'process.env.CARE_VERSION': JSON.stringify(pkg.version) },
};

await Promise.all([
  esbuild({ ...node, entryPoints: [join(root, 'main/host/index.ts')], outfile: join(root, 'dist/main/host.cjs'), target: 'node20' }),
  esbuild({ ...node, entryPoints: [join(root, 'main/electron/index.ts')], outfile: join(root, 'dist/main/electron.cjs'), target: 'node22' }),
  // Long reads (search, reports, exports) run here, beside either host's main thread.
  esbuild({ ...node, entryPoints: [join(root, 'main/services/read-worker.ts')], outfile: join(root, 'dist/main/read-worker.cjs'), target: 'node20' }),
  esbuild({ ...node, entryPoints: [join(root, 'preload/bridges/electron.ts')], outfile: join(root, 'dist/preload/electron.cjs'), target: 'chrome130', external: ['electron'] }),
  esbuild({
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
    logLevel: 'warning',
    minify: true,
    entryPoints: [join(root, 'preload/bridges/web.ts')],
    outfile: join(root, 'dist/preload/web.js'),
  }),
  viteBuild({ configFile: join(root, 'build/vite.config.ts'), logLevel: 'warn' }),
]);
console.log(`built main, preload and renderer into dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
