/** Threads: the inbox list, one thread with its messages, status and read state. */
import { stmt, type Db } from './open';

export interface ThreadRow {
  id: number;
  accountId: number;
  accountName: string;
  channel: string;
  network: string;
  kind: string;
  status: string;
  priority: number;
  priorityReasons: string[];
  unread: boolean;
  customerId: number;
  customerName: string;
  customerHandle: string;
  followerCount: number | null;
  snippet: string;
  lastDirection: 'in' | 'out';
  lastMessageAt: number;
  lastInboundAt: number | null;
  lastOutboundAt: number | null;
  messageCount: number;
  externalId: string;
  lastInboundExternalId: string | null;
  identityExternalId: string;
  assignee: string | null;
  snoozedUntil: number | null;
  awaitingSince: number | null;
  firstResponseAt: number | null;
  slaPausedMs: number;
  slaPausedAt: number | null;
}

type RawThread = Omit<ThreadRow, 'priorityReasons' | 'unread'> & { priorityReasons: string; unread: number };

const SELECT = `SELECT t.id, t.account_id AS accountId, a.name AS accountName, a.channel, a.network, t.kind, t.status,
  t.priority, t.priority_reasons AS priorityReasons, t.unread, t.customer_id AS customerId,
  i.display_name AS customerName, i.handle AS customerHandle, i.follower_count AS followerCount, t.snippet,
  t.last_direction AS lastDirection, t.last_message_at AS lastMessageAt, t.last_inbound_at AS lastInboundAt,
  t.last_outbound_at AS lastOutboundAt, t.message_count AS messageCount, t.external_id AS externalId,
  t.last_inbound_external_id AS lastInboundExternalId, i.external_id AS identityExternalId,
  t.assignee, t.snoozed_until AS snoozedUntil, t.awaiting_since AS awaitingSince, t.first_response_at AS firstResponseAt,
  t.sla_paused_ms AS slaPausedMs, t.sla_paused_at AS slaPausedAt
  FROM threads t JOIN accounts a ON a.id = t.account_id JOIN identities i ON i.id = t.identity_id`;

const parse = (r: RawThread): ThreadRow => ({
  ...r,
  unread: r.unread === 1,
  priorityReasons: JSON.parse(r.priorityReasons) as string[],
});

export type InboxFilter = 'open' | 'pending' | 'snoozed' | 'resolved' | 'all';
const ORDER = `ORDER BY t.priority DESC, t.last_message_at DESC, t.id DESC`;

export function listThreads(db: Db, filter: InboxFilter, offset: number, limit: number): { items: ThreadRow[]; total: number } {
  if (filter === 'all') {
    const items = stmt<[number, number], RawThread>(db, `${SELECT} ${ORDER} LIMIT ? OFFSET ?`).all(limit, offset).map(parse);
    return { items, total: countThreads(db, null) };
  }
  // Snoozed threads read best in the order they will come back (the partial index needs the literal).
  const items =
    filter === 'snoozed'
      ? stmt<[number, number], RawThread>(
          db,
          `${SELECT.replace('FROM threads t', 'FROM threads t INDEXED BY threads_snoozed')} WHERE t.status = 'snoozed' ORDER BY t.snoozed_until, t.id LIMIT ? OFFSET ?`,
        ).all(limit, offset)
      : stmt<[string, number, number], RawThread>(db, `${SELECT} WHERE t.status = ? ${ORDER} LIMIT ? OFFSET ?`).all(filter, limit, offset);
  return { items: items.map(parse), total: countThreads(db, filter) };
}

/** Threads with a status (null: all), from the counters the triggers of migration 005 keep. */
function countThreads(db: Db, status: string | null): number {
  return status === null
    ? (stmt<[], { n: number }>(db, `SELECT coalesce(sum(n), 0) AS n FROM thread_status_counts`).get()?.n ?? 0)
    : (stmt<[string], { n: number }>(db, `SELECT n FROM thread_status_counts WHERE status = ?`).get(status)?.n ?? 0);
}

export function threadsByIds(db: Db, ids: number[]): ThreadRow[] {
  if (ids.length === 0) return [];
  const rows = stmt<[string], RawThread>(db, `${SELECT} WHERE t.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)).map(parse);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export function statusCounts(db: Db): Record<string, number> {
  const rows = stmt<[], { status: string; n: number }>(db, `SELECT status, n FROM thread_status_counts WHERE n > 0`).all();
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

export function getThread(db: Db, id: number): ThreadRow | null {
  const r = stmt<[number], RawThread>(db, `${SELECT} WHERE t.id = ?`).get(id);
  return r ? parse(r) : null;
}

export function threadsOfCustomer(db: Db, customerId: number, exceptThreadId: number, limit: number): ThreadRow[] {
  return stmt<[number, number, number], RawThread>(
    db,
    `${SELECT} WHERE t.customer_id = ? AND t.id <> ? ORDER BY t.last_message_at DESC LIMIT ?`,
  )
    .all(customerId, exceptThreadId, limit)
    .map(parse);
}

export function threadIdsOfCustomerCount(db: Db, customerId: number): number {
  return stmt<[number], { n: number }>(db, `SELECT count(*) AS n FROM threads WHERE customer_id = ?`).get(customerId)?.n ?? 0;
}


export function setThreadUnread(db: Db, id: number, unread: boolean): boolean {
  return stmt(db, `UPDATE threads SET unread = ? WHERE id = ? AND unread <> ?`).run(unread ? 1 : 0, id, unread ? 1 : 0).changes > 0;
}

export interface CustomerRow {
  id: number;
  displayName: string;
  handle: string;
  network: string;
  followerCount: number | null;
  firstSeenAt: number;
}

export function customerOfThread(db: Db, threadId: number): CustomerRow | null {
  return (
    stmt<[number], CustomerRow>(
      db,
      `SELECT c.id, i.display_name AS displayName, i.handle, i.network, i.follower_count AS followerCount, c.created_at AS firstSeenAt
       FROM threads t JOIN customers c ON c.id = t.customer_id JOIN identities i ON i.id = t.identity_id WHERE t.id = ?`,
    ).get(threadId) ?? null
  );
}

/**
 * Tidies imported history: threads whose last word was ours before `answeredBefore`, and threads
 * quiet since `quietBefore`, are resolved; anything older than `readBefore` counts as read.
 */
export function resolveAnsweredBefore(db: Db, answeredBefore: number, readBefore: number, quietBefore = 0): void {
  db.transaction(() => {
    stmt(db, `UPDATE threads SET status = 'resolved', unread = 0, resolved_at = last_message_at WHERE last_message_at < ?`).run(quietBefore);
    stmt(db, `UPDATE threads SET status = 'resolved', unread = 0, resolved_at = last_message_at WHERE last_direction = 'out' AND last_message_at < ?`).run(
      answeredBefore,
    );
    stmt(db, `UPDATE threads SET unread = 0 WHERE last_message_at < ?`).run(readBefore);
  })();
}
