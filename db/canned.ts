/** Canned responses: the team's library of starting points for replies. */
import { stmt, type Db } from './open';

export interface CannedRow {
  id: number;
  title: string;
  shortcut: string;
  body: string;
  useCount: number;
  updatedAt: number;
}

const SELECT = `SELECT id, title, shortcut, body, use_count AS useCount, updated_at AS updatedAt FROM canned_responses`;

export function listCanned(db: Db): CannedRow[] {
  return stmt<[], CannedRow>(db, `${SELECT} ORDER BY use_count DESC, title COLLATE NOCASE`).all();
}

export function getCanned(db: Db, id: number): CannedRow | null {
  return stmt<[number], CannedRow>(db, `${SELECT} WHERE id = ?`).get(id) ?? null;
}

export function cannedByShortcut(db: Db, shortcut: string): CannedRow | null {
  return stmt<[string], CannedRow>(db, `${SELECT} WHERE shortcut = ? AND shortcut <> ''`).get(shortcut) ?? null;
}

export function insertCanned(db: Db, c: { title: string; shortcut: string; body: string; now: number }): number {
  return Number(
    stmt(db, `INSERT INTO canned_responses (title, shortcut, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`).run(
      c.title,
      c.shortcut,
      c.body,
      c.now,
      c.now,
    ).lastInsertRowid,
  );
}

export function updateCanned(db: Db, c: { id: number; title: string; shortcut: string; body: string; now: number }): boolean {
  return (
    stmt(db, `UPDATE canned_responses SET title = ?, shortcut = ?, body = ?, updated_at = ? WHERE id = ?`).run(
      c.title,
      c.shortcut,
      c.body,
      c.now,
      c.id,
    ).changes > 0
  );
}

export function deleteCanned(db: Db, id: number): boolean {
  return stmt(db, `DELETE FROM canned_responses WHERE id = ?`).run(id).changes > 0;
}

export function countCannedUse(db: Db, ids: number[]): void {
  const s = stmt(db, `UPDATE canned_responses SET use_count = use_count + 1 WHERE id = ?`);
  for (const id of ids) s.run(id);
}

export function cannedCount(db: Db): number {
  return stmt<[], { n: number }>(db, `SELECT count(*) AS n FROM canned_responses`).get()?.n ?? 0;
}
