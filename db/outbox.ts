/**
 * The outbox: replies waiting to be sent, with their idempotency keys. Every state change of an
 * outbox row is mirrored onto its message so the thread shows it.
 */
import { insertOutgoing, setSendState } from './messages';
import { stmt, type Db } from './open';

export type OutboxState = 'queued' | 'sending' | 'sent' | 'failed' | 'unknown';

export interface OutboxRow {
  id: number;
  messageId: number;
  threadId: number;
  accountId: number;
  idempotencyKey: string;
  payload: string;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
}

const SELECT = `SELECT o.id, o.message_id AS messageId, m.thread_id AS threadId, o.account_id AS accountId,
  o.idempotency_key AS idempotencyKey, o.payload, o.state, o.attempts, o.next_attempt_at AS nextAttemptAt,
  o.last_error AS lastError FROM outbox o JOIN messages m ON m.id = o.message_id`;

export function outboxByKey(db: Db, key: string): OutboxRow | null {
  return stmt<[string], OutboxRow>(db, `${SELECT} WHERE o.idempotency_key = ?`).get(key) ?? null;
}

export function outboxByMessage(db: Db, messageId: number): OutboxRow | null {
  return stmt<[number], OutboxRow>(db, `${SELECT} WHERE o.message_id = ?`).get(messageId) ?? null;
}

/**
 * Records a reply on its thread and queues it, in one transaction. The same idempotency key twice
 * (a double press, a retried request) returns the first reply instead of writing a second one.
 */
export function enqueueReply(
  db: Db,
  r: { threadId: number; accountId: number; authorName: string; text: string; idempotencyKey: string; payload: unknown; now: number },
): { messageId: number; created: boolean } {
  return db.transaction(() => {
    const existing = outboxByKey(db, r.idempotencyKey);
    if (existing) return { messageId: existing.messageId, created: false };
    const messageId = insertOutgoing(db, { threadId: r.threadId, accountId: r.accountId, authorName: r.authorName, text: r.text, createdAt: r.now });
    stmt(
      db,
      `INSERT INTO outbox (message_id, account_id, idempotency_key, payload, state, next_attempt_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'queued', ?, ?, ?)`,
    ).run(messageId, r.accountId, r.idempotencyKey, JSON.stringify(r.payload), r.now, r.now, r.now);
    return { messageId, created: true };
  })();
}

export function dueOutbox(db: Db, now: number, limit: number): OutboxRow[] {
  return stmt<[number, number], OutboxRow>(db, `${SELECT} WHERE o.state = 'queued' AND o.next_attempt_at <= ? ORDER BY o.next_attempt_at, o.id LIMIT ?`).all(
    now,
    limit,
  );
}

export function nextDueAt(db: Db): number | null {
  return stmt<[], { at: number | null }>(db, `SELECT min(next_attempt_at) AS at FROM outbox WHERE state = 'queued'`).get()?.at ?? null;
}

/** Rows a previous run left mid-send: their outcome is unknown until reconciled. */
export function inFlightOutbox(db: Db): OutboxRow[] {
  return stmt<[], OutboxRow>(db, `${SELECT} WHERE o.state = 'sending' ORDER BY o.id`).all();
}

export function setOutboxState(
  db: Db,
  row: { id: number; messageId: number },
  state: OutboxState,
  opts: { now: number; error?: string | null; nextAttemptAt?: number; externalId?: string; countAttempt?: boolean },
): void {
  db.transaction(() => {
    stmt(
      db,
      `UPDATE outbox SET state = ?, last_error = ?, next_attempt_at = coalesce(?, next_attempt_at),
         attempts = attempts + ?, updated_at = ? WHERE id = ?`,
    ).run(state, opts.error ?? null, opts.nextAttemptAt ?? null, opts.countAttempt ? 1 : 0, opts.now, row.id);
    setSendState(db, row.messageId, state, opts.error ?? null, opts.externalId);
  })();
}

/** The agent chose to send again: back to the queue, due now. */
export function requeue(db: Db, row: { id: number; messageId: number }, now: number): void {
  setOutboxState(db, row, 'queued', { now, nextAttemptAt: now });
}
