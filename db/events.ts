/** The thread event log: what happened to a thread, by whom, when. Feeds undo and reports. */
import { stmt, type Db } from './open';

export interface ThreadEvent {
  id: number;
  threadId: number;
  at: number;
  actor: string;
  kind: string;
  data: Record<string, unknown>;
}

export function logEvent(db: Db, threadId: number, at: number, actor: string, kind: string, data: Record<string, unknown> = {}): number {
  const info = stmt(db, `INSERT INTO thread_events (thread_id, at, actor, kind, data) VALUES (?, ?, ?, ?, ?)`).run(
    threadId,
    at,
    actor,
    kind,
    JSON.stringify(data),
  );
  return Number(info.lastInsertRowid);
}

export function eventsOf(db: Db, threadId: number): ThreadEvent[] {
  return stmt<[number], Omit<ThreadEvent, 'data'> & { data: string }>(
    db,
    `SELECT id, thread_id AS threadId, at, actor, kind, data FROM thread_events WHERE thread_id = ? ORDER BY id`,
  )
    .all(threadId)
    .map((e) => ({ ...e, data: JSON.parse(e.data) as Record<string, unknown> }));
}

/** The newest status change by an agent that has not itself been undone. */
export function lastUndoableStatusChange(db: Db, actor: string): ThreadEvent | null {
  const row = stmt<[string], Omit<ThreadEvent, 'data'> & { data: string }>(
    db,
    `SELECT e.id, e.thread_id AS threadId, e.at, e.actor, e.kind, e.data FROM thread_events e
     WHERE e.kind = 'status' AND e.actor = ?
       AND NOT EXISTS (SELECT 1 FROM thread_events u WHERE u.kind = 'status_undo' AND json_extract(u.data, '$.of') = e.id)
     ORDER BY e.id DESC LIMIT 1`,
  ).get(actor);
  return row ? { ...row, data: JSON.parse(row.data) as Record<string, unknown> } : null;
}
