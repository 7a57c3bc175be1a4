/**
 * The app under test, as a Playwright page: the headless host on a fresh database opened in
 * Debian's Chromium, or the Electron shell when ELECTRON_OVERRIDE_DIST_PATH is set. Screenshots
 * go to test/e2e/artifacts/.
 */
import { test as base, chromium, _electron, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ARTIFACTS = join(root, 'test', 'e2e', 'artifacts');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
// Chromium's own background traffic has nowhere to go on these machines; keep it quiet.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];

export interface Host {
  url: string;
  dbPath: string;
  output: () => string;
}

export async function startHost(dbPath: string, extraArgs: string[] = []): Promise<{ host: Host; proc: ChildProcess }> {
  const proc = spawn(process.execPath, [join(root, 'dist/main/host.cjs'), '--db', dbPath, '--port', '0', ...extraArgs], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  proc.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start in 30 s:\n${out}`)), 30_000);
    const check = () => {
      const m = /(http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    proc.stdout!.on('data', check);
    proc.on('exit', (code) => reject(new Error(`host exited with ${code}:\n${out}`)));
  });
  return { host: { url, dbPath, output: () => out }, proc };
}

export async function shoot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

export const test = base.extend<{ app: Page; host: Host | null }>({
  host: [null, { option: true }],
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
  app: async ({}, use, testInfo) => {
    const dir = mkdtempSync(join(tmpdir(), 'care-e2e-'));
    const dbPath = join(dir, 'care.sqlite3');
    const electronDist = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
    try {
      if (electronDist) {
        const app = await _electron.launch({
          executablePath: join(electronDist, process.platform === 'win32' ? 'electron.exe' : 'electron'),
          args: [join(root, 'dist/main/electron.cjs'), '--db', dbPath, ...(process.platform === 'linux' ? ['--no-sandbox'] : [])],
          cwd: root,
        });
        const page = await app.firstWindow();
        await page.setViewportSize({ width: 1440, height: 900 });
        await use(page);
        await app.close();
      } else {
        const { host, proc } = await startHost(dbPath);
        const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
        const page = await context.newPage();
        const pageErrors: string[] = [];
        page.on('pageerror', (e) => pageErrors.push(e.message));
        await page.goto(host.url);
        await use(page);
        await browser.close();
        proc.kill('SIGTERM');
        if (testInfo.status !== testInfo.expectedStatus) {
          await testInfo.attach('host output', { body: host.output(), contentType: 'text/plain' });
        }
        if (pageErrors.length) throw new Error(`Uncaught errors in the page:\n${pageErrors.join('\n')}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
});

export { expect } from '@playwright/test';
