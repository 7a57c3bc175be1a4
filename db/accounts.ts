/** Accounts: one per connected channel login (or demo account). */
import { stmt, type Db } from './open';

export interface AccountRow {
  id: number;
  channel: string;
  network: string;
  name: string;
  handle: string;
  config: Record<string, unknown>;
  state: 'active' | 'paused' | 'needs_reauth';
  createdAt: number;
}

interface RawAccount extends Omit<AccountRow, 'config'> {
  config: string;
}

const SELECT = `SELECT id, channel, network, name, handle, config, state, created_at AS createdAt FROM accounts`;
const parse = (r: RawAccount): AccountRow => ({ ...r, config: JSON.parse(r.config) as Record<string, unknown> });

export function listAccounts(db: Db): AccountRow[] {
  return stmt<[], RawAccount>(db, `${SELECT} ORDER BY id`).all().map(parse);
}

export function getAccount(db: Db, id: number): AccountRow | null {
  const r = stmt<[number], RawAccount>(db, `${SELECT} WHERE id = ?`).get(id);
  return r ? parse(r) : null;
}

export function createAccount(
  db: Db,
  a: { channel: string; network: string; name: string; handle: string; config: Record<string, unknown>; now: number },
): number {
  const info = stmt(db, `INSERT INTO accounts (channel, network, name, handle, config, created_at) VALUES (?, ?, ?, ?, ?, ?)`).run(
    a.channel,
    a.network,
    a.name,
    a.handle,
    JSON.stringify(a.config),
    a.now,
  );
  return Number(info.lastInsertRowid);
}

export function setAccountState(db: Db, id: number, state: AccountRow['state']): void {
  stmt(db, `UPDATE accounts SET state = ? WHERE id = ?`).run(state, id);
}

/** Per-account key/value state for adapters (cursors of their own, sent-reply receipts). */
export function adapterState(db: Db, accountId: number): { get(key: string): string | null; set(key: string, value: string): void } {
  return {
    get: (key) =>
      stmt<[number, string], { value: string }>(db, `SELECT value FROM adapter_state WHERE account_id = ? AND key = ?`).get(accountId, key)
        ?.value ?? null,
    set: (key, value) => {
      stmt(
        db,
        `INSERT INTO adapter_state (account_id, key, value) VALUES (?, ?, ?)
         ON CONFLICT (account_id, key) DO UPDATE SET value = excluded.value`,
      ).run(accountId, key, value);
    },
  };
}

export function updateAccount(db: Db, id: number, a: { name: string; handle: string; config: Record<string, unknown> }): void {
  stmt(db, `UPDATE accounts SET name = ?, handle = ?, config = ? WHERE id = ?`).run(a.name, a.handle, JSON.stringify(a.config), id);
}

export function deleteAccount(db: Db, id: number): void {
  stmt(db, `DELETE FROM accounts WHERE id = ?`).run(id);
}

/** Clears the failures a stream accumulated under old credentials, so polling starts fresh. */
export function resetPollHealth(db: Db, id: number): void {
  stmt(db, `UPDATE poll_cursors SET last_error = NULL, failures = 0, next_poll_at = NULL WHERE account_id = ?`).run(id);
}
