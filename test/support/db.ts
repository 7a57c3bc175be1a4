/** Throwaway databases for tests: a fresh file in a temp folder (WAL needs a real file). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tempDir(prefix = 'care-test-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function tempDbPath(): { path: string; cleanup(): void } {
  const t = tempDir();
  return { path: join(t.dir, 'care.sqlite3'), cleanup: t.cleanup };
}
