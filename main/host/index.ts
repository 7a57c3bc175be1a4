/**
 * `npm run host`: the core under plain Node, serving the built renderer on 127.0.0.1. For machines
 * without a desktop or an Electron binary, and for the end-to-end tests in real Chromium.
 *
 *   node dist/main/host.cjs [--db path] [--port n] [--no-demo]
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseOpenError } from '../../db/open';
import { CHANNEL_MODULES } from '../channels/registry';
import { createCore } from '../core';
import { APP_VERSION, resolveDbPath } from '../paths';
import { startHostServer } from './server';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const dbPath = resolveDbPath(argv);
  const portArg = argv.indexOf('--port');
  const port = portArg >= 0 ? Number(argv[portArg + 1]) : Number(process.env['CARE_PORT'] ?? 0);
  const bundleDir = __dirname; // dist/main
  const started = Date.now();

  let core;
  try {
    const readWorkerFile = join(bundleDir, 'read-worker.cjs');
    core = createCore({
      channels: CHANNEL_MODULES,
      dbPath,
      host: 'web',
      version: APP_VERSION,
      seedDemo: !argv.includes('--no-demo'),
      ...(existsSync(readWorkerFile) ? { readWorkerFile } : {}),
    });
  } catch (err) {
    if (err instanceof DatabaseOpenError) {
      console.error(`Care Console cannot start: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
  await core.start();
  const server = await startHostServer({
    handlers: core.handlers,
    bus: core.bus,
    staticDir: join(bundleDir, '..', 'renderer'),
    webPreloadFile: join(bundleDir, '..', 'preload', 'web.js'),
    port,
    log: (m) => console.error(m),
  });
  console.log(`Care Console is running (database: ${dbPath}, ready in ${Date.now() - started} ms).`);
  console.log(`Open this address in a browser on this machine (it carries this launch's access token):`);
  console.log(`  ${server.url}`);

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await server.close();
    await core.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
