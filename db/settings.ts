/** Small app settings kept as JSON values by key. */
import { stmt, type Db } from './open';

export function getSetting<T>(db: Db, key: string, fallback: T): T {
  const row = stmt<[string], { value: string }>(db, `SELECT value FROM settings WHERE key = ?`).get(key);
  return row ? (JSON.parse(row.value) as T) : fallback;
}

export function setSetting(db: Db, key: string, value: unknown): void {
  stmt(db, `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(
    key,
    JSON.stringify(value),
  );
}
