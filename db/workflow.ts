/**
 * The care workflow on threads: status changes with their SLA bookkeeping, snoozes that wake
 * themselves, assignment, labels, private notes, and priority that grows while a customer waits.
 */
import { stmt, type Db } from './open';

export const PAUSING_STATUSES = ['pending', 'snoozed'];

/**
 * Sets a status and keeps the SLA clock honest: it stops while the thread is pending (waiting on
 * the customer) or snoozed, and runs again when the thread leaves those states.
 */
export function applyStatus(db: Db, threadId: number, status: string, now: number, snoozedUntil: number | null = null): void {
  stmt(
    db,
    `UPDATE threads SET
       status = @status,
       sla_paused_ms = sla_paused_ms + CASE WHEN sla_paused_at IS NOT NULL AND @status NOT IN ('pending', 'snoozed') THEN @now - sla_paused_at ELSE 0 END,
       sla_paused_at = CASE WHEN @status IN ('pending', 'snoozed') THEN coalesce(sla_paused_at, @now) ELSE NULL END,
       snoozed_until = CASE WHEN @status = 'snoozed' THEN @until ELSE NULL END,
       resolved_at = CASE WHEN @status = 'resolved' THEN @now ELSE NULL END,
       unread = CASE WHEN @status = 'resolved' THEN 0 ELSE unread END
     WHERE id = @threadId`,
  ).run({ status, now, until: snoozedUntil, threadId });
}

/** Snoozes that ended: back to open, unread, and to the top of the inbox. Returns the woken ids. */
export function wakeSnoozed(db: Db, now: number): number[] {
  const due = stmt<[number], { id: number }>(db, `SELECT id FROM threads WHERE status = 'snoozed' AND snoozed_until <= ?`).all(now);
  for (const { id } of due) {
    applyStatus(db, id, 'open', now);
    stmt(
      db,
      `UPDATE threads SET unread = 1, priority = 100,
         priority_reasons = json_insert(priority_reasons, '$[#]', 'snooze ended') WHERE id = ?`,
    ).run(id);
  }
  return due.map((d) => d.id);
}

/**
 * Time waiting adds up to 20 points (2 per half hour), so an old unanswered thread climbs past
 * fresh ones of the same weight. Returns how many rows changed.
 */
export function refreshWaitingPriority(db: Db, now: number): number {
  return stmt(
    db,
    `UPDATE threads INDEXED BY threads_waiting SET priority = min(99, priority_base + min(20, CAST((@now - awaiting_since) / 1800000 AS INTEGER) * 2))
     WHERE status = 'open' AND awaiting_since IS NOT NULL AND priority < 100
       AND priority <> min(99, priority_base + min(20, CAST((@now - awaiting_since) / 1800000 AS INTEGER) * 2))`,
  ).run({ now }).changes;
}

export function setAssignee(db: Db, threadId: number, assignee: string | null): void {
  stmt(db, `UPDATE threads SET assignee = ? WHERE id = ?`).run(assignee, threadId);
}

// --- labels -------------------------------------------------------------------------------------

export interface LabelRow {
  id: number;
  name: string;
  color: string;
}

export function listLabels(db: Db): LabelRow[] {
  return stmt<[], LabelRow>(db, `SELECT id, name, color FROM labels ORDER BY name COLLATE NOCASE`).all();
}

/** Finds a label by name (any case) or creates it: labels are made on the fly while triaging. */
export function ensureLabel(db: Db, name: string, color: string): LabelRow {
  stmt(db, `INSERT INTO labels (name, color) VALUES (?, ?) ON CONFLICT (name) DO NOTHING`).run(name, color);
  return stmt<[string], LabelRow>(db, `SELECT id, name, color FROM labels WHERE name = ?`).get(name)!;
}

export function updateLabel(db: Db, id: number, name: string, color: string): boolean {
  return stmt(db, `UPDATE labels SET name = ?, color = ? WHERE id = ?`).run(name, color, id).changes > 0;
}

export function deleteLabel(db: Db, id: number): boolean {
  return stmt(db, `DELETE FROM labels WHERE id = ?`).run(id).changes > 0;
}

export function addLabel(db: Db, threadId: number, labelId: number): boolean {
  return stmt(db, `INSERT OR IGNORE INTO thread_labels (thread_id, label_id) VALUES (?, ?)`).run(threadId, labelId).changes > 0;
}

export function removeLabel(db: Db, threadId: number, labelId: number): boolean {
  return stmt(db, `DELETE FROM thread_labels WHERE thread_id = ? AND label_id = ?`).run(threadId, labelId).changes > 0;
}

/** Labels of many threads at once (an inbox page), keyed by thread id. */
export function labelsOfThreads(db: Db, threadIds: number[]): Map<number, LabelRow[]> {
  const out = new Map<number, LabelRow[]>();
  if (threadIds.length === 0) return out;
  const rows = stmt<[string], LabelRow & { threadId: number }>(
    db,
    `SELECT tl.thread_id AS threadId, l.id, l.name, l.color FROM thread_labels tl JOIN labels l ON l.id = tl.label_id
     WHERE tl.thread_id IN (SELECT value FROM json_each(?)) ORDER BY l.name COLLATE NOCASE`,
  ).all(JSON.stringify(threadIds));
  for (const r of rows) {
    const list = out.get(r.threadId) ?? [];
    list.push({ id: r.id, name: r.name, color: r.color });
    out.set(r.threadId, list);
  }
  return out;
}

// --- notes --------------------------------------------------------------------------------------

export interface NoteRow {
  id: number;
  threadId: number;
  author: string;
  text: string;
  createdAt: number;
}

export function addNote(db: Db, threadId: number, author: string, text: string, now: number): number {
  return Number(stmt(db, `INSERT INTO notes (thread_id, author, text, created_at) VALUES (?, ?, ?, ?)`).run(threadId, author, text, now).lastInsertRowid);
}

export function notesOf(db: Db, threadId: number): NoteRow[] {
  return stmt<[number], NoteRow>(
    db,
    `SELECT id, thread_id AS threadId, author, text, created_at AS createdAt FROM notes WHERE thread_id = ? ORDER BY created_at, id`,
  ).all(threadId);
}

// --- colleagues and queues ----------------------------------------------------------------------

export interface AssigneeRow {
  id: number;
  name: string;
  kind: 'person' | 'queue';
}

export function listAssignees(db: Db): AssigneeRow[] {
  return stmt<[], AssigneeRow>(db, `SELECT id, name, kind FROM assignees ORDER BY kind DESC, name COLLATE NOCASE`).all();
}

export function ensureAssignee(db: Db, name: string, kind: 'person' | 'queue'): AssigneeRow {
  stmt(db, `INSERT INTO assignees (name, kind) VALUES (?, ?) ON CONFLICT (name) DO NOTHING`).run(name, kind);
  return stmt<[string], AssigneeRow>(db, `SELECT id, name, kind FROM assignees WHERE name = ?`).get(name)!;
}

// --- crisis watch -------------------------------------------------------------------------------

/** Negative customer messages in [from, to). */
export function negativeCount(db: Db, from: number, to: number): number {
  return (
    stmt<[number, number], { n: number }>(
      db,
      `SELECT count(*) AS n FROM messages WHERE direction = 'in' AND sentiment < 0 AND created_at >= ? AND created_at < ?`,
    ).get(from, to)?.n ?? 0
  );
}

/** Customer messages in [from, to). */
export function inboundCount(db: Db, from: number, to: number): number {
  return (
    stmt<[number, number], { n: number }>(db, `SELECT count(*) AS n FROM messages WHERE direction = 'in' AND created_at >= ? AND created_at < ?`).get(
      from,
      to,
    )?.n ?? 0
  );
}

/** Threads with a negative customer message since `since`, newest first. */
export function spikeThreadIds(db: Db, since: number, limit: number): number[] {
  return stmt<[number, number], { threadId: number }>(
    db,
    `SELECT thread_id AS threadId FROM messages WHERE direction = 'in' AND sentiment < 0 AND created_at >= ?
     GROUP BY thread_id ORDER BY max(created_at) DESC LIMIT ?`,
  )
    .all(since, limit)
    .map((r) => r.threadId);
}

// --- saved searches -----------------------------------------------------------------------------

export interface SavedSearchRow {
  id: number;
  name: string;
  query: string;
  filters: string;
}

export function listSavedSearches(db: Db): SavedSearchRow[] {
  return stmt<[], SavedSearchRow>(db, `SELECT id, name, query, filters FROM saved_searches ORDER BY name COLLATE NOCASE`).all();
}

export function saveSearch(db: Db, name: string, query: string, filters: string): number {
  stmt(
    db,
    `INSERT INTO saved_searches (name, query, filters) VALUES (?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET query = excluded.query, filters = excluded.filters`,
  ).run(name, query, filters);
  return stmt<[string], { id: number }>(db, `SELECT id FROM saved_searches WHERE name = ?`).get(name)!.id;
}

export function deleteSavedSearch(db: Db, id: number): boolean {
  return stmt(db, `DELETE FROM saved_searches WHERE id = ?`).run(id).changes > 0;
}
