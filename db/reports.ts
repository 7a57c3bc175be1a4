/** The numbers behind reports over a period: volume, response and resolution times, per label and network. */
import { stmt, type Db } from './open';

/** Customer messages per local day and network. */
export function volumeByDay(db: Db, from: number, to: number): Array<{ day: string; network: string; count: number }> {
  return stmt<[number, number], { day: string; network: string; count: number }>(
    db,
    `SELECT date(m.created_at / 1000, 'unixepoch', 'localtime') AS day, a.network, count(*) AS count
     FROM messages m JOIN accounts a ON a.id = m.account_id
     WHERE m.direction = 'in' AND m.created_at >= ? AND m.created_at < ?
     GROUP BY day, a.network ORDER BY day, a.network`,
  ).all(from, to);
}

export interface ThreadTiming {
  id: number;
  network: string;
  firstInboundAt: number;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  awaitingSince: number | null;
  slaPausedMs: number;
  status: string;
  labels: string | null;
}

/** Threads whose first customer message falls in the period, with the times reports need. */
export function threadTimings(db: Db, from: number, to: number): ThreadTiming[] {
  return stmt<[number, number], ThreadTiming>(
    db,
    `SELECT t.id, a.network, t.first_inbound_at AS firstInboundAt, t.first_response_at AS firstResponseAt,
       t.resolved_at AS resolvedAt, t.awaiting_since AS awaitingSince, t.sla_paused_ms AS slaPausedMs, t.status,
       (SELECT json_group_array(json_object('name', l.name, 'color', l.color)) FROM thread_labels tl JOIN labels l ON l.id = tl.label_id
        WHERE tl.thread_id = t.id) AS labels
     FROM threads t JOIN accounts a ON a.id = t.account_id
     WHERE t.first_inbound_at >= ? AND t.first_inbound_at < ?`,
  ).all(from, to);
}

/** Every message in a period with what an export needs to stand on its own. */
export interface ExportRow {
  messageId: number;
  threadId: number;
  createdAt: number;
  network: string;
  account: string;
  kind: string;
  status: string;
  direction: string;
  authorName: string;
  authorHandle: string | null;
  customerName: string;
  customerHandle: string;
  text: string;
  sendState: string | null;
  raw: string | null;
}

export function messagesInPeriod(db: Db, from: number, to: number): ExportRow[] {
  return stmt<[number, number], ExportRow>(
    db,
    `SELECT m.id AS messageId, m.thread_id AS threadId, m.created_at AS createdAt, a.network, a.name AS account, t.kind, t.status,
       m.direction, m.author_name AS authorName, m.author_handle AS authorHandle, i.display_name AS customerName,
       i.handle AS customerHandle, m.text, m.send_state AS sendState, m.raw
     FROM messages m JOIN threads t ON t.id = m.thread_id JOIN accounts a ON a.id = m.account_id JOIN identities i ON i.id = t.identity_id
     WHERE m.created_at >= ? AND m.created_at < ? ORDER BY m.created_at, m.id`,
  ).all(from, to);
}
