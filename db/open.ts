/**
 * Opening the database: pragmas, migrations, and refusals that lose nothing (a file from a newer
 * version of the app, or one that is not a database, is left exactly as it was).
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { LATEST_VERSION, MIGRATIONS } from './migrations/index';

export type Db = Database.Database;

export class DatabaseOpenError extends Error {
  readonly code: 'newer_version' | 'not_a_database' | 'cannot_open';
  constructor(code: DatabaseOpenError['code'], message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'DatabaseOpenError';
    this.code = code;
  }
}

export interface OpenOptions {
  /** Stop at this version (tests of each migration step); default: the latest. */
  targetVersion?: number;
  readonly?: boolean;
}

export function openDatabase(path: string, opts: OpenOptions = {}): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let db: Db;
  try {
    db = new Database(path, { readonly: opts.readonly ?? false });
  } catch (err) {
    throw new DatabaseOpenError('cannot_open', `Cannot open the database at ${path}: ${(err as Error).message}`, err);
  }
  try {
    configure(db, opts.readonly ?? false);
    if (!opts.readonly) migrate(db, opts.targetVersion ?? LATEST_VERSION, path);
    else refuseNewer(db, path);
    return db;
  } catch (err) {
    db.close();
    if (err instanceof DatabaseOpenError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new DatabaseOpenError(
        'not_a_database',
        `The file at ${path} is not a readable Care Console database (${(err as Error).message}). ` +
          'It was left untouched; move it aside or restore a backup, then start again.',
        err,
      );
    }
    throw err;
  }
}

function configure(db: Db, readonly: boolean): void {
  // The first statement touches the file header, so a non-database fails here, before any write.
  db.pragma('schema_version');
  if (!readonly) db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -32000');
  db.pragma('temp_store = MEMORY');
}

export function userVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function refuseNewer(db: Db, path: string): void {
  const version = userVersion(db);
  if (version > LATEST_VERSION) {
    throw new DatabaseOpenError(
      'newer_version',
      `The database at ${path} was written by a newer version of Care Console (schema ${version}; ` +
        `this version knows up to ${LATEST_VERSION}). It was left untouched: update the app to open it.`,
    );
  }
}

/** Applies every pending migration in one transaction: all of them, or none. */
function migrate(db: Db, target: number, path: string): void {
  refuseNewer(db, path);
  const from = userVersion(db);
  if (from >= target) return;
  db.transaction(() => {
    for (let v = from; v < target; v++) {
      const step = MIGRATIONS[v];
      if (step === undefined) throw new Error(`No migration to version ${v + 1}`);
      db.exec(step);
    }
    db.pragma(`user_version = ${target}`);
  })();
}

/**
 * The slow-query log: a statement that runs longer than this (ms) is reported with its SQL shape
 * (the text with its placeholders: values are never logged). CARE_SLOW_QUERY_MS changes the
 * threshold; 0 turns the log off.
 */
export const SLOW_QUERY_MS = Number(process.env['CARE_SLOW_QUERY_MS'] ?? 50);
let slowQuerySink: (line: string) => void = (line) => process.stderr.write(`${line}\n`);

/** Where slow queries are reported (stderr unless a host or test says otherwise). */
export function setSlowQueryLog(sink: (line: string) => void): void {
  slowQuerySink = sink;
}

const shape = (sql: string) => sql.replace(/\s+/g, ' ').trim().slice(0, 300);

function timed(s: Database.Statement, sql: string): Database.Statement {
  if (!(SLOW_QUERY_MS > 0)) return s;
  const target = s as unknown as Record<'run' | 'get' | 'all', (...a: unknown[]) => unknown>;
  for (const method of ['run', 'get', 'all'] as const) {
    const call = target[method].bind(s);
    target[method] = (...args: unknown[]) => {
      const t0 = performance.now();
      const out = call(...args);
      const ms = performance.now() - t0;
      if (ms > SLOW_QUERY_MS) slowQuerySink(`[slow-query] ${ms.toFixed(0)} ms ${method}: ${shape(sql)}`);
      return out;
    };
  }
  return s;
}

/** Prepared statements cached per connection: preparing is the expensive part of a small query. */
const cache = new WeakMap<Db, Map<string, Database.Statement>>();
export function stmt<P extends unknown[] | object = unknown[], R = unknown>(db: Db, sql: string): Database.Statement<P, R> {
  let byDb = cache.get(db);
  if (!byDb) {
    byDb = new Map();
    cache.set(db, byDb);
  }
  let s = byDb.get(sql);
  if (!s) {
    s = timed(db.prepare(sql), sql);
    byDb.set(sql, s);
  }
  return s as unknown as Database.Statement<P, R>;
}
