/**
 * Measurements 2–4 in this process, through the real handlers: `createCore(...)` on the
 * benchmark database and `dispatch()` from main/api/dispatch.ts, exactly as both hosts call them
 * (argument schema, handler, views). The core is not started: no poller, no scheduler.
 */
import { dispatch } from '../../main/api/dispatch';
import { CHANNEL_MODULES } from '../../main/channels/registry';
import { createCore, type Core } from '../../main/core';
import { memoryKeychain } from '../../main/services/credentials';
import type { SearchFilters } from '../../preload/contract';
import { END_AT, QUERY_WORDS } from './dataset';
import { repeat, summarise, type Summary } from './stats';

export interface Series {
  name: string;
  /** Wall clock, as the agent waits for it. */
  summary: Summary;
  /** CPU time of the call: the same work without the other load on a shared machine. */
  cpu: Summary;
  /** What the call returned, to show it did real work (rows, totals). */
  detail?: string;
}

async function call(core: Core, key: string, arg: unknown): Promise<unknown> {
  const reply = await dispatch(core.handlers, key, arg, () => {});
  if (!reply.ok) throw new Error(`${key}: ${reply.error.message}`);
  return reply.value;
}

export const SEARCH_FILTERS: Record<string, SearchFilters> = {
  none: {},
  statuses: { statuses: ['open', 'pending'] },
  networks: { networks: ['instagram', 'telegram'] },
  dates: { from: END_AT - 90 * 86_400_000, to: END_AT - 30 * 86_400_000 },
  all3: { statuses: ['resolved'], networks: ['x', 'facebook'], from: END_AT - 365 * 86_400_000, to: END_AT - 180 * 86_400_000 },
};

export async function measureQueries(
  dbPath: string,
  bigThreadIds: number[],
  opts: { reps: number; budgetMs: number },
  log: (s: string) => void,
  /** The bundled read worker: search then runs on it, as in both hosts (none: on this thread). */
  readWorkerFile?: string,
): Promise<{ inbox: Series[]; thread: Series[]; search: Series[] }> {
  const core = createCore({
    ...(readWorkerFile ? { readWorkerFile } : {}),
    dbPath,
    host: 'web',
    version: 'bench',
    seedDemo: false,
    channels: CHANNEL_MODULES,
    keychain: memoryKeychain(),
    log: () => {},
  });
  try {
    const inbox: Series[] = [];
    for (const filter of ['open', 'pending', 'snoozed', 'resolved', 'all'] as const) {
      let detail = '';
      const times = await repeat(
        async () => {
          const page = (await call(core, 'threads.list', { filter, offset: 0, limit: 100 })) as { items: unknown[]; total: number };
          detail = `${page.items.length} rows of ${page.total.toLocaleString()}`;
        },
        { reps: opts.reps * 4, budgetMs: opts.budgetMs },
      );
      inbox.push({ name: `inbox ${filter}`, summary: summarise(times.wall), cpu: summarise(times.cpu), detail });
      log(`  inbox ${filter}: p50 ${inbox.at(-1)!.summary.p50.toFixed(2)} ms`);
    }

    const thread: Series[] = [];
    let i = 0;
    let detail = '';
    const times = await repeat(
      async () => {
        const id = bigThreadIds[i++ % bigThreadIds.length]!;
        const d = (await call(core, 'threads.get', { threadId: id })) as { messages: unknown[] };
        detail = `${d.messages.length} messages`;
      },
      { reps: opts.reps * 4, budgetMs: opts.budgetMs },
    );
    thread.push({ name: 'open thread (200 msgs)', summary: summarise(times.wall), cpu: summarise(times.cpu), detail });
    log(`  thread: p50 ${thread[0]!.summary.p50.toFixed(2)} ms`);

    const search: Series[] = [];
    for (const [shape, query] of Object.entries(QUERY_WORDS)) {
      for (const [fname, filters] of Object.entries(SEARCH_FILTERS)) {
        let detail = '';
        const times = await repeat(
          async () => {
            const r = (await call(core, 'search.messages', { query, limit: 50, filters })) as { items: Array<{ snippet: string }>; total: number };
            detail = `${r.items.length} hits of ${r.total.toLocaleString()}`;
          },
          { reps: opts.reps, budgetMs: opts.budgetMs, warm: 1, minReps: 3 },
        );
        search.push({ name: `search ${shape} ${query} [${fname}]`, summary: summarise(times.wall), cpu: summarise(times.cpu), detail });
        log(`  search ${shape} [${fname}]: p50 ${search.at(-1)!.summary.p50.toFixed(1)} ms, p95 ${search.at(-1)!.summary.p95.toFixed(1)} ms, cpu p95 ${search.at(-1)!.cpu.p95.toFixed(1)} ms (${detail})`);
      }
    }
    return { inbox, thread, search };
  } finally {
    await core.stop();
  }
}
