/** Where the database lives by default: the OS's per-user app data folder, the same one Electron's userData names. */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_DIR_NAME = 'Care Console';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_DIR_NAME);
  return join(env['XDG_CONFIG_HOME'] || join(homedir(), '.config'), APP_DIR_NAME);
}

/** `--db <path>` or CARE_DB wins (tests, a second profile); otherwise the app data folder. */
export function resolveDbPath(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): string {
  const i = argv.indexOf('--db');
  const fromFlag = i >= 0 ? argv[i + 1] : undefined;
  return fromFlag ?? env['CARE_DB'] ?? join(defaultDataDir(env), 'care.sqlite3');
}

export const APP_VERSION: string = process.env['CARE_VERSION'] ?? '0.0.0-dev';
