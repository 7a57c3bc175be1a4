/**
 * `npm run bench [-- --small] [-- --reuse-db] [-- --keep-db] [-- --no-browser]`
 *
 * Generates the dataset (1,000,000 messages in 100,000 threads; --small: 50,000 in 5,000),
 * ingests it through the real path and as a bare insert, then measures the inbox, opening a
 * thread, search, cold start, keyboard and memory. Prints a table; writes
 * test/bench/results/bench-<size>-<time>.json (git-ignored).
 *
 * Disk: the benchmark database lives in test/bench/results/data/ while the run lasts (about
 * 1.1 GB for the full size, 60 MB small; the bare-insert copy of the same size exists only during
 * ingest) and is removed at the end unless --keep-db; --reuse-db skips generation and ingest when
 * a kept database of the same size is there.
 */
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { buildDatabase, type IngestFigures } from './build';
import { FULL, SMALL, makeDataset, NETWORKS } from './dataset';
import { measureBrowser, snapshotDist, type BrowserFigures } from './browser';
import { measureQueries, type Series } from './queries';
import { printReport } from './report';

const here = dirname(fileURLToPath(import.meta.url));
const args = new Set(process.argv.slice(2));
const small = args.has('--small');
const size = small ? SMALL : FULL;
const label = small ? 'small' : 'full';
const resultsDir = join(here, 'results');
const dataDir = join(resultsDir, 'data');
mkdirSync(dataDir, { recursive: true });
const dbPath = join(dataDir, `bench-${label}.sqlite3`);
const started = performance.now();
const log = (s: string) => console.error(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${s}`);
const loadStart = loadavg().map((x) => x.toFixed(1)).join(' ');

async function main(): Promise<void> {
  // The build this run measures, copied aside at once (other builds may replace dist/ meanwhile).
  const dist = args.has('--no-browser') ? null : snapshotDist();
  log(`care-console bench (${label}: ${size.messages.toLocaleString()} messages, ${size.threads.toLocaleString()} threads)`);
  let t = performance.now();
  const ds = makeDataset(size);
  const datasetSeconds = (performance.now() - t) / 1000;
  log(`dataset laid out in ${datasetSeconds.toFixed(1)} s`);

  let ingest: IngestFigures | null = null;
  if (args.has('--reuse-db') && existsSync(dbPath)) {
    log(`reusing ${dbPath} (no ingest measurement)`);
  } else {
    t = performance.now();
    ingest = buildDatabase(ds, dbPath, join(dataDir, `bare-${label}.sqlite3`), log);
    log(`ingest: real ${ingest.real.msgsPerSec.toFixed(0)} msg/s, bare ${ingest.bare.msgsPerSec.toFixed(0)} msg/s, ratio ${ingest.ratio.toFixed(2)} (${((performance.now() - t) / 1000).toFixed(0)} s)`);
  }
  const dbBytes = statSync(dbPath).size;

  const ro = new Database(dbPath, { readonly: true });
  const bigIds: number[] = [];
  for (const ti of ds.bigThreads) {
    const net = ds.threads[ti]!.network;
    const row = ro.prepare(`SELECT id, message_count AS n FROM threads WHERE account_id = ? AND external_id = ?`).get(NETWORKS.indexOf(net) + 1, `${net}-t${ti}`) as
      | { id: number; n: number }
      | undefined;
    if (row && row.n === size.bigThreadSize) bigIds.push(row.id);
  }
  const counts = ro.prepare(`SELECT (SELECT count(*) FROM messages) AS messages, (SELECT count(*) FROM threads) AS threads,
    (SELECT count(*) FROM customers) AS customers`).get() as Record<string, number>;
  const statuses = Object.fromEntries((ro.prepare(`SELECT status, count(*) AS n FROM threads GROUP BY status`).all() as Array<{ status: string; n: number }>).map((r) => [r.status, r.n]));
  ro.close();
  log(`database: ${(dbBytes / 1e6).toFixed(0)} MB, ${JSON.stringify(counts)}, statuses ${JSON.stringify(statuses)}`);

  const reps = small ? 20 : 30;
  const readWorker = dist ? join(dist, 'main', 'read-worker.cjs') : undefined;
  log(`queries through createCore + dispatch; search on ${readWorker ? 'the read worker, as in the hosts' : 'this thread (--no-browser: no build copied)'}`);
  const queries = await measureQueries(dbPath, bigIds, { reps, budgetMs: small ? 2_000 : 15_000 }, log, readWorker);

  let browser: BrowserFigures | null = null;
  if (dist) {
    browser = await measureBrowser(dist, dbPath, { coldRuns: small ? 3 : 5, keys: 200, threads: 100 }, log);
  }

  const cpu = cpus()[0]?.model ?? 'unknown';
  const result = {
    when: new Date().toISOString(),
    size: label,
    dataset: { ...size, ...counts, statuses, dbBytes, layoutSeconds: datasetSeconds },
    machine: { nproc: cpus().length, cpu, ramGiB: Math.round(totalmem() / 2 ** 30), node: process.version, load: `${loadStart} at start, ${loadavg().map((x) => x.toFixed(1)).join(' ')} at end` },
    ingest,
    searchOn: readWorker ? 'read worker' : 'main thread',
    inbox: queries.inbox,
    thread: queries.thread,
    search: queries.search,
    browser,
    seconds: (performance.now() - started) / 1000,
  };
  const out = join(resultsDir, `bench-${label}-${result.when.replace(/[:.]/g, '-')}.json`);
  writeFileSync(out, JSON.stringify(result, null, 2));
  printReport(result);
  console.log(`\nJSON: ${out}`);
  if (!args.has('--keep-db')) for (const s of ['', '-wal', '-shm']) rmSync(dbPath + s, { force: true });
}

export type BenchResult = {
  size: string;
  dataset: Record<string, unknown> & { dbBytes: number };
  machine: { nproc: number; cpu: string; ramGiB: number; node: string; load: string };
  ingest: IngestFigures | null;
  searchOn: string;
  inbox: Series[];
  thread: Series[];
  search: Series[];
  browser: BrowserFigures | null;
  seconds: number;
};

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
