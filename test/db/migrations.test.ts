import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ingestBatch } from '../../db/messages';
import { LATEST_VERSION, MIGRATIONS } from '../../db/migrations/index';
import { DatabaseOpenError, openDatabase, userVersion } from '../../db/open';
import { searchMessages } from '../../db/search';
import { tempDbPath } from '../support/db';
import { item } from '../support/fixtures';

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});
const fresh = () => {
  const t = tempDbPath();
  cleanups.push(t.cleanup);
  return t.path;
};

describe('migrations', () => {
  it('takes an empty file to the latest version with WAL, foreign keys and STRICT tables', () => {
    const db = openDatabase(fresh());
    expect(userVersion(db)).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db
      .prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'messages_fts%' AND name NOT LIKE 'sqlite_%'`)
      .all() as Array<{ name: string; sql: string }>;
    expect(tables.length).toBeGreaterThanOrEqual(11);
    for (const t of tables) expect(t.sql, t.name).toMatch(/\)\s*STRICT(, WITHOUT ROWID)?\s*$/);
    db.close();
  });

  // From every earlier version, with data in it: the upgrade keeps the data and ends at the latest schema.
  for (let from = 1; from < LATEST_VERSION; from++) {
    it(`upgrades from version ${from} keeping its data`, () => {
      const path = fresh();
      const old = openDatabase(path, { targetVersion: from });
      expect(userVersion(old)).toBe(from);
      // Written with the columns version 1 has, as an app of that version would have.
      old.exec(`
        INSERT INTO accounts (id, channel, network, name, handle, created_at) VALUES (1, 'demo', 'x', 'A', '@a', 1);
        INSERT INTO customers (id, display_name, created_at) VALUES (1, 'Ana', 1);
        INSERT INTO identities (id, customer_id, network, external_id, handle, display_name, updated_at) VALUES (1, 1, 'x', 'u1', '@ana', 'Ana', 1);
        INSERT INTO threads (id, account_id, identity_id, customer_id, external_id, kind, last_message_at, last_inbound_at, created_at)
          VALUES (1, 1, 1, 1, 't1', 'mention', 5, 5, 1);
        INSERT INTO messages (thread_id, account_id, external_id, direction, author_name, text, created_at)
          VALUES (1, 1, 'm1', 'in', 'Ana', 'the grinder arrived broken', 5);
      `);
      old.close();

      const db = openDatabase(path);
      expect(userVersion(db)).toBe(LATEST_VERSION);
      expect(db.prepare('SELECT count(*) AS n FROM messages').get()).toEqual({ n: 1 });
      // The search index covers rows written before it existed.
      expect(searchMessages(db, 'grinder', 10).total).toBe(1);
      // Later steps fill their new columns from what was there (version 4 added these two).
      if (from < 4) expect(db.prepare('SELECT awaiting_since AS a, first_inbound_at AS f FROM threads').get()).toEqual({ a: 5, f: 5 });
      // And the current code works on the upgraded file.
      ingestBatch(db, [item({ accountId: 1, threadExternalId: 't1', externalId: 'm-after-upgrade', text: 'hello again' })], 9);
      expect(db.prepare('SELECT message_count AS n FROM threads').get()).toEqual({ n: 1 });
      db.close();
    });
  }

  it('applies all pending migrations in one transaction: a failing step leaves the old version intact', () => {
    const path = fresh();
    openDatabase(path, { targetVersion: 1 }).close();
    // Sabotage: a table the next migration wants to create already exists.
    const raw = new Database(path);
    raw.exec('CREATE TABLE canned_responses (x INTEGER)');
    raw.close();
    expect(() => openDatabase(path)).toThrow(/already exists/);
    const check = new Database(path);
    expect(check.pragma('user_version', { simple: true })).toBe(1);
    expect(check.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE name = 'messages_fts'`).get()).toEqual({ n: 0 });
    check.close();
  });

  it('refuses a database from a newer version with a clear message, leaving it untouched', () => {
    const path = fresh();
    openDatabase(path).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${LATEST_VERSION + 5}`);
    raw.close();
    let error: unknown;
    try {
      openDatabase(path);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as DatabaseOpenError).code).toBe('newer_version');
    expect((error as Error).message).toMatch(/newer version of Care Console.*update the app/);
    const check = new Database(path);
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 5);
    check.close();
  });

  it('refuses a file that is not a database without writing to it', () => {
    const path = fresh();
    const garbage = 'this is not sqlite, it is a grocery list\n'.repeat(200);
    writeFileSync(path, garbage);
    expect(() => openDatabase(path)).toThrow(/not a readable Care Console database.*left untouched/s);
    expect(readFileSync(path, 'utf8')).toBe(garbage);
  });

  it('has one migration per version', () => {
    expect(MIGRATIONS.length).toBe(LATEST_VERSION);
  });
});
