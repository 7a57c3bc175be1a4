/** Messages: ingest from channels (idempotent), the replies we write, and reading a thread. */
import { logEvent } from './events';
import { stmt, type Db } from './open';
import { applyStatus } from './workflow';

export interface MessageRow {
  id: number;
  threadId: number;
  direction: 'in' | 'out';
  authorName: string;
  authorHandle: string | null;
  text: string;
  createdAt: number;
  sendState: 'queued' | 'sending' | 'sent' | 'failed' | 'unknown' | null;
  sendError: string | null;
  externalId: string | null;
}

const SELECT = `SELECT id, thread_id AS threadId, direction, author_name AS authorName, author_handle AS authorHandle, text,
  created_at AS createdAt, send_state AS sendState, send_error AS sendError, external_id AS externalId FROM messages`;

export function messagesOf(db: Db, threadId: number): MessageRow[] {
  return stmt<[number], MessageRow>(db, `${SELECT} WHERE thread_id = ? ORDER BY created_at, id`).all(threadId);
}

export function getMessage(db: Db, id: number): MessageRow | null {
  return stmt<[number], MessageRow>(db, `${SELECT} WHERE id = ?`).get(id) ?? null;
}

/** One normalised channel item, as the ingest needs it (main maps adapter output to this). */
export interface IngestItem {
  accountId: number;
  network: string;
  externalId: string;
  threadExternalId: string;
  kind: string;
  direction: 'in' | 'out';
  customer: { externalId: string; handle: string; displayName: string; followerCount: number | null };
  authorName: string;
  authorHandle: string | null;
  text: string;
  createdAt: number;
  raw: string;
  /** Computed by main from the item; applied when this is the thread's newest inbound message. */
  priority: number;
  priorityReasons: string[];
  /** -1 negative, 0 neutral, 1 positive (inbound only). */
  sentiment?: number;
}

export interface IngestOutcome {
  inserted: boolean;
  threadId: number;
  reopened: boolean;
}

/**
 * Stores one item; call inside a transaction (see ingestBatch). A message already stored under
 * (account, external id) is left alone, so a re-polled page never duplicates anything.
 */
export function ingestItem(db: Db, item: IngestItem, now: number): IngestOutcome {
  // Most items belong to a thread already stored, with its customer's identity: one read finds both.
  const known = stmt<[number, string], KnownThread>(
    db,
    `SELECT t.id, t.status, t.last_outbound_at AS lastOutboundAt, i.id AS identityId, i.customer_id AS customerId, i.network,
       i.external_id AS identityExternalId, i.handle, i.display_name AS displayName, i.follower_count AS followerCount
     FROM threads t JOIN identities i ON i.id = t.identity_id WHERE t.account_id = ? AND t.external_id = ?`,
  ).get(item.accountId, item.threadExternalId);
  let thread: { id: number; status: string; lastOutboundAt: number | null };
  if (known && known.network === item.network && known.identityExternalId === item.customer.externalId) {
    refreshIdentity(db, { id: known.identityId, handle: known.handle, displayName: known.displayName, followerCount: known.followerCount }, item, now);
    thread = known;
  } else {
    const identity = upsertIdentity(db, item, now);
    thread = known ?? upsertThread(db, item, identity, now);
  }
  const threadId = thread.id;
  const info = stmt(
    db,
    `INSERT INTO messages (thread_id, account_id, external_id, direction, author_name, author_handle, text, created_at, raw, sentiment)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (account_id, external_id) DO NOTHING`,
  ).run(
    threadId,
    item.accountId,
    item.externalId,
    item.direction,
    item.authorName,
    item.authorHandle,
    item.text,
    item.createdAt,
    item.raw,
    item.sentiment ?? 0,
  );
  if (info.changes === 0) return { inserted: false, threadId, reopened: false };

  const inbound = item.direction === 'in';
  let reopened = false;
  // A customer writing after our last word brings a resolved, pending or snoozed thread back.
  // (The thread's status was read with its id: inserting the message does not change it.)
  if (inbound && thread.status !== 'open' && item.createdAt > (thread.lastOutboundAt ?? 0)) {
    applyStatus(db, threadId, 'open', now);
    logEvent(db, threadId, now, 'customer', 'reopened', { from: thread.status, messageExternalId: item.externalId });
    reopened = true;
  }
  // SET expressions read the row as it was, so "newest" compares against the old values.
  stmt(
    db,
    `UPDATE threads SET
       message_count = message_count + 1,
       snippet = CASE WHEN @at >= last_message_at THEN @snippet ELSE snippet END,
       last_direction = CASE WHEN @at >= last_message_at THEN @direction ELSE last_direction END,
       unread = CASE WHEN @at >= last_message_at THEN @inbound ELSE unread END,
       last_message_at = max(last_message_at, @at),
       last_inbound_at = CASE WHEN @inbound = 1 THEN max(coalesce(last_inbound_at, 0), @at) ELSE last_inbound_at END,
       first_inbound_at = CASE WHEN @inbound = 1 THEN min(coalesce(first_inbound_at, @at), @at) ELSE first_inbound_at END,
       last_inbound_external_id = CASE WHEN @inbound = 1 AND @at >= coalesce(last_inbound_at, 0) THEN @externalId ELSE last_inbound_external_id END,
       priority_base = CASE WHEN @inbound = 1 AND @at >= coalesce(last_inbound_at, 0) THEN @priority ELSE priority_base END,
       priority = CASE WHEN @inbound = 1 AND @at >= coalesce(last_inbound_at, 0) THEN min(100, @priority + priority - priority_base) ELSE priority END,
       priority_reasons = CASE WHEN @inbound = 1 AND @at >= coalesce(last_inbound_at, 0) THEN @reasons ELSE priority_reasons END,
       awaiting_since = CASE
         WHEN @inbound = 1 AND @at > coalesce(last_outbound_at, 0) THEN min(coalesce(awaiting_since, @at), @at)
         WHEN @inbound = 0 AND @at >= coalesce(awaiting_since, 0) THEN NULL
         ELSE awaiting_since END,
       first_response_at = CASE WHEN @inbound = 0 THEN min(coalesce(first_response_at, @at), @at) ELSE first_response_at END,
       last_outbound_at = CASE WHEN @inbound = 0 THEN max(coalesce(last_outbound_at, 0), @at) ELSE last_outbound_at END
     WHERE id = @threadId`,
  ).run({
    at: item.createdAt,
    snippet: snippetOf(item.text),
    direction: item.direction,
    inbound: inbound ? 1 : 0,
    externalId: item.externalId,
    priority: item.priority,
    reasons: item.priorityReasons.length === 0 ? '[]' : JSON.stringify(item.priorityReasons),
    threadId,
  });
  return { inserted: true, threadId, reopened };
}

/**
 * The customer's identity, created with a customer record the first time it is seen and refreshed
 * when the platform describes it differently (handle, name, follower count): `updated_at` is when
 * that description last changed. An identity seen again unchanged costs one indexed read.
 */
function upsertIdentity(db: Db, item: IngestItem, now: number): { id: number; customerId: number } {
  const c = item.customer;
  const found = stmt<[string, string], { id: number; customerId: number; handle: string; displayName: string; followerCount: number | null }>(
    db,
    `SELECT id, customer_id AS customerId, handle, display_name AS displayName, follower_count AS followerCount
     FROM identities WHERE network = ? AND external_id = ?`,
  ).get(item.network, c.externalId);
  if (found) {
    refreshIdentity(db, found, item, now);
    return { id: found.id, customerId: found.customerId };
  }
  const customerId = Number(
    stmt(db, `INSERT INTO customers (display_name, created_at) VALUES (?, ?)`).run(c.displayName, item.createdAt).lastInsertRowid,
  );
  const id = Number(
    stmt(
      db,
      `INSERT INTO identities (customer_id, network, external_id, handle, display_name, follower_count, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(customerId, item.network, c.externalId, c.handle, c.displayName, c.followerCount, now).lastInsertRowid,
  );
  return { id, customerId };
}

interface KnownThread {
  id: number;
  status: string;
  lastOutboundAt: number | null;
  identityId: number;
  customerId: number;
  network: string;
  identityExternalId: string;
  handle: string;
  displayName: string;
  followerCount: number | null;
}

/** Writes the platform's new description of a stored identity, if it changed. */
function refreshIdentity(
  db: Db,
  found: { id: number; handle: string; displayName: string; followerCount: number | null },
  item: IngestItem,
  now: number,
): void {
  const c = item.customer;
  if (found.handle !== c.handle || found.displayName !== c.displayName) {
    stmt(
      db,
      `UPDATE identities SET handle = ?, display_name = ?, follower_count = coalesce(?, follower_count), updated_at = ? WHERE id = ?`,
    ).run(c.handle, c.displayName, c.followerCount, now, found.id);
  } else if (c.followerCount !== null && c.followerCount !== found.followerCount) {
    stmt(db, `UPDATE identities SET follower_count = ?, updated_at = ? WHERE id = ?`).run(c.followerCount, now, found.id);
  }
}

/** The thread of the item (created on its first message) with what the reopen rule needs. */
function upsertThread(
  db: Db,
  item: IngestItem,
  identity: { id: number; customerId: number },
  now: number,
): { id: number; status: string; lastOutboundAt: number | null } {
  const found = stmt<[number, string], { id: number; status: string; lastOutboundAt: number | null }>(
    db,
    `SELECT id, status, last_outbound_at AS lastOutboundAt FROM threads WHERE account_id = ? AND external_id = ?`,
  ).get(item.accountId, item.threadExternalId);
  if (found) return found;
  const id = Number(
    stmt(
      db,
      `INSERT INTO threads (account_id, identity_id, customer_id, external_id, kind, last_message_at, unread, created_at)
       VALUES (?, ?, ?, ?, ?, 0, 0, ?)`,
    ).run(item.accountId, identity.id, identity.customerId, item.threadExternalId, item.kind, Math.min(now, item.createdAt))
      .lastInsertRowid,
  );
  return { id, status: 'open', lastOutboundAt: null };
}

/** First line-ish of a message for the inbox row: whitespace folded, bounded. */
export function snippetOf(text: string): string {
  const folded = text.replace(/\s+/g, ' ').trim();
  return folded.length > 160 ? `${folded.slice(0, 159)}…` : folded;
}

/** Stores a batch atomically; returns what happened per item. */
export function ingestBatch(db: Db, items: IngestItem[], now: number): IngestOutcome[] {
  return db.transaction(() => items.map((item) => ingestItem(db, item, now)))();
}

/** Adds one of our replies to its thread (the outbox row is written in the same transaction). */
export function insertOutgoing(
  db: Db,
  r: { threadId: number; accountId: number; authorName: string; text: string; createdAt: number },
): number {
  const id = Number(
    stmt(
      db,
      `INSERT INTO messages (thread_id, account_id, external_id, direction, author_name, text, created_at, send_state)
       VALUES (?, ?, NULL, 'out', ?, ?, ?, 'queued')`,
    ).run(r.threadId, r.accountId, r.authorName, r.text, r.createdAt).lastInsertRowid,
  );
  stmt(
    db,
    `UPDATE threads SET message_count = message_count + 1, snippet = @snippet, last_direction = 'out', unread = 0,
       last_message_at = max(last_message_at, @at), last_outbound_at = max(coalesce(last_outbound_at, 0), @at),
       awaiting_since = NULL, first_response_at = coalesce(first_response_at, @at),
       priority = priority_base
     WHERE id = @threadId`,
  ).run({ snippet: snippetOf(r.text), at: r.createdAt, threadId: r.threadId });
  return id;
}

export function setSendState(db: Db, messageId: number, state: MessageRow['sendState'], error: string | null, externalId?: string): void {
  stmt(db, `UPDATE messages SET send_state = ?, send_error = ?, external_id = coalesce(?, external_id) WHERE id = ?`).run(
    state,
    error,
    externalId ?? null,
    messageId,
  );
}

/** The raw platform payloads of a thread's messages, for exports. */
export function rawPayloadsOf(db: Db, threadId: number): Map<number, string | null> {
  const rows = stmt<[number], { id: number; raw: string | null }>(db, `SELECT id, raw FROM messages WHERE thread_id = ?`).all(threadId);
  return new Map(rows.map((r) => [r.id, r.raw]));
}
