/** Offline review: filtered search, saved searches, reports, exports. Works the same with the network off. */
import { rawPayloadsOf } from '../../db/messages';
import { messagesInPeriod, threadTimings, volumeByDay } from '../../db/reports';
import { searchMessages } from '../../db/search';
import { getSetting } from '../../db/settings';
import { deleteSavedSearch, listSavedSearches, saveSearch } from '../../db/workflow';
import type { Handlers, Network, Report, SavedSearch, SearchFilters, SlaTargets, Stat, ThreadStatus } from '../../preload/contract';
import type { CoreContext } from '../core';
import { fileDay, threadHtml, threadJson, toCsv } from '../services/export';
import { DEFAULT_SLA, targetsWithDefaults } from '../services/sla';
import { Failure } from './failure';
import { SLA_KEY } from './views';

type ReviewHandlers = Pick<
  Handlers,
  'search.messages' | 'searches.list' | 'searches.save' | 'searches.delete' | 'reports.get' | 'export.thread' | 'export.period'
>;

export function createReviewHandlers(ctx: CoreContext, handlers: { threadDetail: Handlers['threads.get'] }): ReviewHandlers {
  const { db, clock } = ctx;
  const parseFilters = (s: string): SearchFilters => {
    try {
      return JSON.parse(s) as SearchFilters;
    } catch {
      return {};
    }
  };
  const saved = (r: { id: number; name: string; query: string; filters: string }): SavedSearch => ({ ...r, filters: parseFilters(r.filters) });

  return {
    'search.messages': ({ query, limit, filters }) => {
      const page = searchMessages(db, query, limit, filters);
      return { items: page.items.map((h) => ({ ...h, network: h.network as Network, status: h.status as ThreadStatus })), total: page.total };
    },
    'searches.list': () => listSavedSearches(db).map(saved),
    'searches.save': ({ name, query, filters }) => {
      const id = saveSearch(db, name, query, JSON.stringify(filters));
      return { id, name, query, filters };
    },
    'searches.delete': ({ id }) => {
      if (!deleteSavedSearch(db, id)) throw new Failure('not_found', `Saved search ${id} does not exist.`);
      return null;
    },

    'reports.get': ({ from, to }) => {
      if (to <= from) throw new Failure('bad_request', 'The end of the period must come after its start.');
      return buildReport(from, to, volumeByDay(db, from, to), threadTimings(db, from, to), targetsWithDefaults(getSetting<SlaTargets>(db, SLA_KEY, {})), clock.now());
    },

    'export.thread': async ({ threadId, format }) => {
      const detail = await handlers.threadDetail({ threadId });
      if (format === 'html') return threadHtml(detail);
      return threadJson(detail, rawPayloadsOf(db, threadId));
    },

    'export.period': ({ from, to, format }) => {
      if (to <= from) throw new Failure('bad_request', 'The end of the period must come after its start.');
      const rows = messagesInPeriod(db, from, to);
      const name = `messages-${fileDay(from)}-to-${fileDay(to - 1)}`;
      if (format === 'json') {
        const content = JSON.stringify(
          { format: 'care-console.period/1', from, to, messages: rows.map((r) => ({ ...r, raw: r.raw === null ? null : safeParse(r.raw) })) },
          null,
          2,
        );
        return { filename: `${name}.json`, mimeType: 'application/json', content };
      }
      const content = toCsv(
        ['time (UTC)', 'network', 'account', 'thread', 'kind', 'status', 'direction', 'author', 'author handle', 'customer', 'customer handle', 'text', 'send state'],
        rows.map((r) => [
          new Date(r.createdAt).toISOString(),
          r.network,
          r.account,
          r.threadId,
          r.kind,
          r.status,
          r.direction,
          r.authorName,
          r.authorHandle,
          r.customerName,
          r.customerHandle,
          r.text,
          r.sendState,
        ]),
      );
      return { filename: `${name}.csv`, mimeType: 'text/csv', content };
    },
  };
}

function safeParse(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
}

/** Median and 90th percentile (nearest rank) of durations. */
export function stat(values: number[]): Stat {
  if (values.length === 0) return { count: 0, medianMs: null, p90Ms: null };
  const v = [...values].sort((a, b) => a - b);
  const rank = (p: number) => v[Math.min(v.length - 1, Math.max(0, Math.ceil(p * v.length) - 1))]!;
  return { count: v.length, medianMs: rank(0.5), p90Ms: rank(0.9) };
}

export function buildReport(
  from: number,
  to: number,
  volume: Array<{ day: string; network: string; count: number }>,
  timings: ReturnType<typeof threadTimings>,
  targets: ReturnType<typeof targetsWithDefaults>,
  now: number,
): Report {
  const firstResponse = (ts: typeof timings) => stat(ts.flatMap((t) => (t.firstResponseAt !== null ? [Math.max(0, t.firstResponseAt - t.firstInboundAt)] : [])));
  let met = 0;
  let breached = 0;
  let waitingBreached = 0;
  for (const t of timings) {
    const limit = (targets[t.network] ?? DEFAULT_SLA.x).firstMinutes * 60_000 + t.slaPausedMs;
    if (t.firstResponseAt !== null) {
      if (t.firstResponseAt - t.firstInboundAt <= limit) met++;
      else breached++;
    } else if (t.status !== 'resolved' && now - t.firstInboundAt > limit) waitingBreached++;
  }
  const labels = new Map<string, { color: string; ts: typeof timings }>();
  for (const t of timings) {
    for (const l of JSON.parse(t.labels ?? '[]') as Array<{ name: string; color: string }>) {
      const entry = labels.get(l.name) ?? { color: l.color, ts: [] };
      entry.ts.push(t);
      labels.set(l.name, entry);
    }
  }
  const networks = new Map<string, typeof timings>();
  for (const t of timings) networks.set(t.network, [...(networks.get(t.network) ?? []), t]);
  return {
    from,
    to,
    volume: volume.map((v) => ({ ...v, network: v.network as Network })),
    firstResponse: firstResponse(timings),
    resolution: stat(timings.flatMap((t) => (t.resolvedAt !== null ? [Math.max(0, t.resolvedAt - t.firstInboundAt)] : []))),
    sla: { met, breached, waitingBreached },
    byLabel: [...labels].map(([label, e]) => ({ label, color: e.color, threads: e.ts.length, firstResponse: firstResponse(e.ts) })).sort((a, b) => b.threads - a.threads),
    byNetwork: [...networks].map(([network, ts]) => ({ network: network as Network, threads: ts.length, firstResponse: firstResponse(ts) })).sort((a, b) => b.threads - a.threads),
  };
}
