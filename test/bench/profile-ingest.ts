/**
 * `node --import tsx test/bench/profile-ingest.ts [messages]`: where the real ingest path spends
 * its time, statement by statement, next to what the bare insert costs for the same rows (the
 * numbers behind the ingest ratio of the benchmark). Temp database, removed at the end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAccount } from '../../db/accounts';
import { openDatabase } from '../../db/open';
import { ingestBatch } from '../../db/messages';
import { toIngestItem } from '../../main/services/ingest';
import { makeDataset, SMALL } from './dataset';

const n = Number(process.argv[2] ?? 30_000);
const ds = makeDataset({ ...SMALL, messages: n, threads: Math.round(n / 10) });
const dir = mkdtempSync(join(tmpdir(), 'care-prof-'));
const db = openDatabase(join(dir, 'p.sqlite3'));
const spent = new Map<string, number>();
const add = (k: string, ms: number) => spent.set(k, (spent.get(k) ?? 0) + ms);
const prepare = db.prepare.bind(db);
(db as unknown as { prepare: (sql: string) => unknown }).prepare = (sql: string) => {
  const st = prepare(sql) as unknown as Record<string, (...a: unknown[]) => unknown>;
  const key = sql.replace(/\s+/g, ' ').trim().slice(0, 70);
  for (const m of ['run', 'get', 'all'] as const) {
    const f = st[m]!.bind(st);
    st[m] = (...a: unknown[]) => {
      const t0 = performance.now();
      const r = f(...a);
      add(key, performance.now() - t0);
      return r;
    };
  }
  return st;
};
for (const a of ds.accounts) createAccount(db, { channel: 'demo', network: a.network, name: a.name, handle: a.handle, config: {}, now: 1 });
const buf: number[][] = ds.accounts.map(() => []);
let total = 0;
const flush = (acc: number) => {
  const msgs = buf[acc]!.map((k) => ds.message(k));
  buf[acc] = [];
  const account = ds.accounts[acc]!;
  const now = Math.max(...msgs.map((m) => m.createdAt)) + 30_000;
  let t0 = performance.now();
  const items = msgs.map((m) => toIngestItem(account, m));
  add('(toIngestItem: priority, sentiment, raw JSON)', performance.now() - t0);
  total += performance.now() - t0;
  t0 = performance.now();
  // What ingest() does, with its transaction opened and committed here so the commit is timed apart.
  db.exec('BEGIN');
  ingestBatch(db, items, now);
  const c0 = performance.now();
  db.exec('COMMIT');
  add('(COMMIT: dirty pages to the WAL)', performance.now() - c0);
  total += performance.now() - t0;
};
for (let k = 0; k < ds.size.messages; k++) {
  const a = ds.accountOf(k);
  buf[a]!.push(k);
  if (buf[a]!.length >= 250) flush(a);
}
for (let a = 0; a < 6; a++) if (buf[a]!.length) flush(a);
const statements = [...spent].filter(([k]) => !k.startsWith('(') || k.startsWith('(COMMIT')).reduce((s, [, v]) => s + v, 0);
const item = spent.get('(toIngestItem: priority, sentiment, raw JSON)') ?? 0;
add('(JS glue: ingestBatch, savepoint, outcomes)', total - statements - item);
console.log(`real ingest of ${n.toLocaleString()} messages: ${(total / n * 1000).toFixed(1)} µs per message (wall clock)`);
for (const [k, v] of [...spent].sort((a, b) => b[1] - a[1])) console.log(`${(v / n * 1000).toFixed(1).padStart(7)} µs ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
db.close();
rmSync(dir, { recursive: true, force: true });
