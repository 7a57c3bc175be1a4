/** Canned responses: the team's library of starting points for replies. */
import { stmt, type Db } from './open';

export interface CannedRow {
  id: number;
  title: string;
  shortcut: string;
  body: string;
  useCount: number;
  updatedAt: number;
  crisis: boolean;
}

const SELECT = `SELECT id, title, shortcut, body, use_count AS useCount, updated_at AS updatedAt, crisis FROM canned_responses`;
type Raw = Omit<CannedRow, 'crisis'> & { crisis: number };
const parse = (r: Raw): CannedRow => ({ ...r, crisis: r.crisis === 1 });

/** Most used first; in a crisis, the crisis set leads. */
export function listCanned(db: Db, crisisFirst = false): CannedRow[] {
  return stmt<[number], Raw>(db, `${SELECT} ORDER BY CASE WHEN ? = 1 THEN crisis ELSE 0 END DESC, use_count DESC, title COLLATE NOCASE`)
    .all(crisisFirst ? 1 : 0)
    .map(parse);
}

export function getCanned(db: Db, id: number): CannedRow | null {
  const r = stmt<[number], Raw>(db, `${SELECT} WHERE id = ?`).get(id);
  return r ? parse(r) : null;
}

export function cannedByShortcut(db: Db, shortcut: string): CannedRow | null {
  const r = stmt<[string], Raw>(db, `${SELECT} WHERE shortcut = ? AND shortcut <> ''`).get(shortcut);
  return r ? parse(r) : null;
}

export function insertCanned(db: Db, c: { title: string; shortcut: string; body: string; crisis?: boolean; now: number }): number {
  return Number(
    stmt(db, `INSERT INTO canned_responses (title, shortcut, body, crisis, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`).run(
      c.title,
      c.shortcut,
      c.body,
      c.crisis ? 1 : 0,
      c.now,
      c.now,
    ).lastInsertRowid,
  );
}

export function updateCanned(db: Db, c: { id: number; title: string; shortcut: string; body: string; crisis?: boolean; now: number }): boolean {
  return (
    stmt(db, `UPDATE canned_responses SET title = ?, shortcut = ?, body = ?, crisis = ?, updated_at = ? WHERE id = ?`).run(
      c.title,
      c.shortcut,
      c.body,
      c.crisis ? 1 : 0,
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
