/**
 * Measurement 1 and the database the others run on. The dataset is ingested twice, batch by
 * batch, interleaved so that both see the same machine: through the real path (`ingest()` of
 * main/services/ingest.ts: normalised item → priority/sentiment → idempotent upsert → FTS by
 * trigger) into the benchmark database, and as a bare better-sqlite3 insert of the same rows
 * (customers, identities, threads once, every message) into a database with the same schema,
 * indexes and FTS index. Row values for the bare insert are prepared outside its timing.
 */
import { rmSync } from 'node:fs';
import { createAccount, setAccountState } from '../../db/accounts';
import { stmt, openDatabase, type Db } from '../../db/open';
import { setSetting } from '../../db/settings';
import { resolveAnsweredBefore } from '../../db/threads';
import { addLabel, ensureAssignee, ensureLabel, refreshWaitingPriority, setAssignee } from '../../db/workflow';
import type { IngestItem } from '../../db/messages';
import { ingest, toIngestItem } from '../../main/services/ingest';
import type { AccountRecord, NormalisedMessage } from '../../main/channels/types';
import { END_AT, type Dataset } from './dataset';
import { cpuMs, summarise, type Summary } from './stats';

export const BATCH = 250;

interface Side {
  msgsPerSec: number;
  seconds: number;
  batchMs: Summary;
  cpuMsgsPerSec: number;
  cpuSeconds: number;
}

export interface IngestFigures {
  messages: number;
  batch: number;
  real: Side;
  bare: Side;
  /** real/bare messages per second, wall clock. */
  ratio: number;
  /** real/bare on CPU time: the comparison without the machine's other load. */
  cpuRatio: number;
  /** The same comparison over the last tenth of the batches (the database at its largest). */
  lastTenth: { realMsgsPerSec: number; bareMsgsPerSec: number; ratio: number };
}

function setupAccounts(db: Db, accounts: AccountRecord[]): void {
  db.transaction(() => {
    for (const a of accounts) {
      const id = createAccount(db, { channel: a.channel, network: a.network, name: a.name, handle: a.handle, config: {}, now: END_AT - 800 * 86_400_000 });
      if (id !== a.id) throw new Error('bench: account ids out of step');
      // Paused: the host polls nothing, so the dataset stays what it is while measured.
      setAccountState(db, id, 'paused');
    }
    setSetting(db, 'bootstrapped', true);
    setSetting(db, 'agent', { agentName: 'Bench', agentSignature: '^B' });
  })();
}

class Bare {
  private readonly identities = new Map<string, { id: number; customerId: number }>();
  private readonly threads = new Map<string, number>();
  now = END_AT;
  constructor(private readonly db: Db) {}
  insert(rows: IngestItem[]): void {
    const db = this.db;
    const customer = stmt(db, `INSERT INTO customers (display_name, created_at) VALUES (?, ?)`);
    const identity = stmt(db, `INSERT INTO identities (customer_id, network, external_id, handle, display_name, follower_count, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    const thread = stmt(
      db,
      `INSERT INTO threads (account_id, identity_id, customer_id, external_id, kind, last_message_at, unread, created_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?)`,
    );
    const message = stmt(
      db,
      `INSERT INTO messages (thread_id, account_id, external_id, direction, author_name, author_handle, text, created_at, raw, sentiment)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    db.transaction(() => {
      for (const r of rows) {
        const ik = `${r.network}\u0000${r.customer.externalId}`;
        let who = this.identities.get(ik);
        if (!who) {
          const customerId = Number(customer.run(r.customer.displayName, r.createdAt).lastInsertRowid);
          const id = Number(identity.run(customerId, r.network, r.customer.externalId, r.customer.handle, r.customer.displayName, r.customer.followerCount, this.now).lastInsertRowid);
          who = { id, customerId };
          this.identities.set(ik, who);
        }
        const tk = `${r.accountId}\u0000${r.threadExternalId}`;
        let threadId = this.threads.get(tk);
        if (threadId === undefined) {
          threadId = Number(thread.run(r.accountId, who.id, who.customerId, r.threadExternalId, r.kind, r.createdAt, Math.min(this.now, r.createdAt)).lastInsertRowid);
          this.threads.set(tk, threadId);
        }
        message.run(threadId, r.accountId, r.externalId, r.direction, r.authorName, r.authorHandle, r.text, r.createdAt, r.raw, r.sentiment ?? 0);
      }
    })();
  }
}

/** Ingests the whole dataset both ways; leaves the benchmark database at `path` and removes the bare one. */
export function buildDatabase(ds: Dataset, path: string, barePath: string, log: (s: string) => void): IngestFigures {
  for (const p of [path, barePath]) for (const suffix of ['', '-wal', '-shm']) rmSync(p + suffix, { force: true });
  const db = openDatabase(path);
  const bareDb = openDatabase(barePath);
  setupAccounts(db, ds.accounts);
  setupAccounts(bareDb, ds.accounts);
  const bare = new Bare(bareDb);

  const realMs: number[] = [];
  const bareMs: number[] = [];
  const realCpu: number[] = [];
  const bareCpu: number[] = [];
  const sizes: number[] = [];
  const buffers: number[][] = ds.accounts.map(() => []);
  const total = ds.size.messages;
  let done = 0;
  let lastLog = performance.now();
  const flush = (acc: number) => {
    const ks = buffers[acc]!;
    if (ks.length === 0) return;
    buffers[acc] = [];
    const account = ds.accounts[acc]!;
    const items: NormalisedMessage[] = ks.map((k) => ds.message(k));
    // The poll that fetched this page ran shortly after its newest message.
    const now = Math.min(END_AT, Math.max(...items.map((m) => m.createdAt)) + 30_000);
    const rows = items.map((m) => toIngestItem(account, m));
    bare.now = now;
    // Alternate which goes first, so neither always runs on a warmer cache.
    const runReal = () => {
      const c0 = cpuMs();
      const t0 = performance.now();
      ingest(db, account, items, now);
      realMs.push(performance.now() - t0);
      realCpu.push(cpuMs() - c0);
    };
    const runBare = () => {
      const c0 = cpuMs();
      const t0 = performance.now();
      bare.insert(rows);
      bareMs.push(performance.now() - t0);
      bareCpu.push(cpuMs() - c0);
    };
    if (sizes.length % 2 === 0) {
      runReal();
      runBare();
    } else {
      runBare();
      runReal();
    }
    sizes.push(ks.length);
    done += ks.length;
    if (performance.now() - lastLog > 10_000) {
      lastLog = performance.now();
      log(`  ingest ${done.toLocaleString()} / ${total.toLocaleString()}`);
    }
  };
  for (let k = 0; k < total; k++) {
    const acc = ds.accountOf(k);
    buffers[acc]!.push(k);
    if (buffers[acc]!.length >= BATCH) flush(acc);
  }
  for (let a = 0; a < buffers.length; a++) flush(a);
  bareDb.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(barePath + suffix, { force: true });

  const sum = (xs: number[], from = 0) => xs.slice(from).reduce((a, b) => a + b, 0);
  const tenth = Math.floor(sizes.length * 0.9);
  const lastMsgs = sum(sizes, tenth);
  const side = (wall: number[], cpu: number[]): Side => ({
    msgsPerSec: total / (sum(wall) / 1000),
    seconds: sum(wall) / 1000,
    batchMs: summarise(wall),
    cpuMsgsPerSec: total / (sum(cpu) / 1000),
    cpuSeconds: sum(cpu) / 1000,
  });
  const real = side(realMs, realCpu);
  const bareF = side(bareMs, bareCpu);
  const lastReal = lastMsgs / (sum(realMs, tenth) / 1000);
  const lastBare = lastMsgs / (sum(bareMs, tenth) / 1000);

  prepareWorkingState(db, ds);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('optimize');
  db.close();
  return {
    messages: total,
    batch: BATCH,
    real,
    bare: bareF,
    ratio: real.msgsPerSec / bareF.msgsPerSec,
    cpuRatio: real.cpuMsgsPerSec / bareF.cpuMsgsPerSec,
    lastTenth: { realMsgsPerSec: lastReal, bareMsgsPerSec: lastBare, ratio: lastReal / lastBare },
  };
}

/**
 * What two years of agents' work leaves behind (not measured): answered history resolved,
 * most old threads resolved, some pending or snoozed (until well after any run of this), a few
 * labels and hand-overs, waiting priority brought up to date as the scheduler would.
 */
function prepareWorkingState(db: Db, ds: Dataset): void {
  const now = Date.now();
  resolveAnsweredBefore(db, END_AT - 6 * 3600_000, END_AT - 2 * 86_400_000);
  db.transaction(() => {
    const h = `((id * 2654435761) % 1000)`;
    db.prepare(`UPDATE threads SET status = 'resolved', unread = 0, resolved_at = last_message_at
                WHERE status = 'open' AND last_message_at < ? AND ${h} < 750`).run(END_AT - 7 * 86_400_000);
    db.prepare(`UPDATE threads SET status = 'pending', sla_paused_at = last_message_at WHERE status = 'open' AND ${h} >= 750 AND ${h} < 830`).run();
    db.prepare(`UPDATE threads SET status = 'snoozed', snoozed_until = ? + ${h} * 3600000, sla_paused_at = last_message_at
                WHERE status = 'open' AND ${h} >= 830 AND ${h} < 880`).run(now + 10 * 365 * 86_400_000);
    const labels = ['Refund', 'Hardware', 'Shipping', 'VIP', 'Bug'].map((name, i) => ensureLabel(db, name, ['#2f80ed', '#eb5757', '#27ae60', '#f2994a', '#9b51e0'][i]!));
    ensureAssignee(db, 'Tier 2 support', 'queue');
    const ids = db.prepare(`SELECT id FROM threads WHERE ${h} % 37 = 0`).pluck().all() as number[];
    for (const [i, id] of ids.entries()) {
      addLabel(db, id, labels[i % labels.length]!.id);
      if (i % 3 === 0) setAssignee(db, id, 'Tier 2 support');
    }
  })();
  refreshWaitingPriority(db, now);
  void ds;
}
