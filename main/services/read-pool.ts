/**
 * Long reads off the thread that answers the UI. Search over a million messages, reports and
 * period exports can take longer than a frame budget allows; they run in a worker thread with
 * its own read-only connection (WAL lets it read beside the main connection's writes), through
 * the same handlers as in-thread, and the main thread stays free to answer the inbox and the
 * keyboard meanwhile. One worker: the machines this runs on have two cores, one is the UI's.
 */
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RequestKey } from '../../preload/contract';
import { Failure } from '../api/failure';

/** Read-only requests that may scan much of the database. */
export const OFF_THREAD_KEYS = ['search.messages', 'reports.get', 'export.period'] as const satisfies readonly RequestKey[];
export type OffThreadKey = (typeof OFF_THREAD_KEYS)[number];

export interface ReadRequest {
  id: number;
  key: OffThreadKey;
  arg: unknown;
  /** The core's clock at the time of the request (reports read "now"). */
  now: number;
}
export type ReadReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; code: string | null; message: string };

export class ReadPool {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void }>();

  constructor(
    private readonly file: string,
    private readonly dbPath: string,
    private readonly log: (msg: string) => void,
  ) {}

  run(key: OffThreadKey, arg: unknown, now: number): Promise<unknown> {
    const worker = this.ensure();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, key, arg, now } satisfies ReadRequest);
    });
  }

  /** Starts the worker now rather than on the first long read (it opens its own connection). */
  warm(): void {
    this.ensure();
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
    this.failAll(new Error('The read worker was stopped.'));
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(resolve(this.file), { workerData: { dbPath: this.dbPath } });
    w.unref();
    w.on('message', (r: ReadReply) => {
      const p = this.pending.get(r.id);
      if (!p) return;
      this.pending.delete(r.id);
      if (r.ok) p.resolve(r.value);
      else p.reject(r.code ? new Failure(r.code as Failure['code'], r.message) : new Error(r.message));
    });
    w.on('error', (err) => {
      this.log(`[care] read worker failed: ${err.stack ?? String(err)}`);
      if (this.worker === w) this.worker = null;
      this.failAll(err);
    });
    w.on('exit', (code) => {
      if (this.worker === w) this.worker = null;
      if (code !== 0) this.failAll(new Error(`The read worker exited with ${code}.`));
    });
    this.worker = w;
    return w;
  }

  private failAll(err: unknown): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }
}
