// End-to-end: the built renderer in Debian's Chromium against the headless host, or in
// Electron itself when ELECTRON_OVERRIDE_DIST_PATH names an Electron build. Keyboard only.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts$/,
  outputDir: './artifacts/results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { outputFolder: './artifacts/report', open: 'never' }]],
  use: {
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [{ name: process.env['ELECTRON_OVERRIDE_DIST_PATH'] ? 'electron' : 'chromium' }],
});
