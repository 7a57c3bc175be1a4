/** `npm start`: the Electron shell. Only wiring: the core does the work, as in the headless host. */
import { app, dialog, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { DatabaseOpenError } from '../../db/open';
import { CHANNEL_MODULES } from '../channels/registry';
import { createCore, type Core } from '../core';
import { APP_VERSION, resolveDbPath } from '../paths';
import { registerIpc } from './ipc';
import { registerSchemePrivileges, serveRenderer } from './protocol';
import { createMainWindow } from './window';

registerSchemePrivileges();
app.enableSandbox();

let core: Core | null = null;
let win: BrowserWindow | null = null;

async function launch(): Promise<void> {
  const argv = process.argv.slice(1);
  const dbPath = resolveDbPath(argv, { ...process.env, CARE_DB: process.env['CARE_DB'] ?? join(app.getPath('userData'), 'care.sqlite3') });
  try {
    core = createCore({ channels: CHANNEL_MODULES, dbPath, host: 'electron', version: APP_VERSION || app.getVersion() });
  } catch (err) {
    if (err instanceof DatabaseOpenError) {
      dialog.showErrorBox('Care Console cannot open its database', err.message);
      app.exit(2);
      return;
    }
    throw err;
  }
  await core.start();
  serveRenderer(join(__dirname, '..', 'renderer'));
  registerIpc(core.handlers, core.bus, () => win?.webContents ?? null);
  win = createMainWindow(join(__dirname, '..', 'preload', 'electron.cjs'));
  win.on('closed', () => (win = null));
}

if (!app.requestSingleInstanceLock()) app.quit();
else {
  app.on('second-instance', () => win?.focus());
  app.whenReady().then(launch, (err: unknown) => {
    console.error(err);
    app.exit(1);
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => {
    void core?.stop();
    core = null;
  });
}
