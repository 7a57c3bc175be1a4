/** Poll cursors and poll health per account and stream. */
import { stmt, type Db } from './open';

export interface CursorRow {
  accountId: number;
  stream: string;
  cursor: string | null;
  lastSuccessAt: number | null;
  lastError: string | null;
  failures: number;
  nextPollAt: number | null;
}

const SELECT = `SELECT account_id AS accountId, stream, cursor, last_success_at AS lastSuccessAt, last_error AS lastError,
  failures, next_poll_at AS nextPollAt FROM poll_cursors`;

export function getCursor(db: Db, accountId: number, stream: string): CursorRow | null {
  return stmt<[number, string], CursorRow>(db, `${SELECT} WHERE account_id = ? AND stream = ?`).get(accountId, stream) ?? null;
}

export function cursorsOf(db: Db, accountId: number): CursorRow[] {
  return stmt<[number], CursorRow>(db, `${SELECT} WHERE account_id = ? ORDER BY stream`).all(accountId);
}

/** Called inside the transaction that committed the items, so the cursor never runs ahead of them. */
export function recordPollSuccess(db: Db, accountId: number, stream: string, cursor: string | null, now: number, nextPollAt: number): void {
  stmt(
    db,
    `INSERT INTO poll_cursors (account_id, stream, cursor, last_success_at, last_error, failures, next_poll_at)
     VALUES (@accountId, @stream, @cursor, @now, NULL, 0, @nextPollAt)
     ON CONFLICT (account_id, stream) DO UPDATE SET
       cursor = coalesce(@cursor, cursor), last_success_at = @now, last_error = NULL, failures = 0, next_poll_at = @nextPollAt`,
  ).run({ accountId, stream, cursor, now, nextPollAt });
}

export function recordPollFailure(db: Db, accountId: number, stream: string, error: string, nextPollAt: number): number {
  stmt(
    db,
    `INSERT INTO poll_cursors (account_id, stream, cursor, last_error, failures, next_poll_at)
     VALUES (@accountId, @stream, NULL, @error, 1, @nextPollAt)
     ON CONFLICT (account_id, stream) DO UPDATE SET last_error = @error, failures = failures + 1, next_poll_at = @nextPollAt`,
  ).run({ accountId, stream, error, nextPollAt });
  return getCursor(db, accountId, stream)?.failures ?? 1;
}

export function recordRejected(db: Db, accountId: number, stream: string, reason: string, raw: string, now: number): void {
  stmt(db, `INSERT INTO rejected_items (account_id, stream, reason, raw, at) VALUES (?, ?, ?, ?, ?)`).run(accountId, stream, reason, raw, now);
}
