/**
 * Search filters as the agent sees them: the contract's `SearchFilters` plus how to name each
 * one on a chip, the options of the filter menu, and the results grouped by thread. Pure, so
 * the rules (what combines with what, what a chip says) are tested without a screen.
 *
 * Within a kind the values are alternatives (Open or Pending); across kinds they all apply
 * (Open and Mastodon and last 7 days). Date, direction, assignee and customer take one value.
 */
import type { AccountSummary, Assignee, Label, Network, SearchFilters, SearchHit, SavedSearch, ThreadStatus } from '../../../preload/contract';
import { NETWORK_RULES } from '../../../preload/shared/length';
import { dayRangeLabel, QUICK_RANGE_LABEL, quickRange, type QuickRange } from '../lib/dates';

export const NETWORKS: Network[] = ['x', 'facebook', 'instagram', 'telegram', 'mastodon', 'bluesky'];
export const STATUSES: ThreadStatus[] = ['open', 'pending', 'snoozed', 'resolved'];
export const STATUS_LABEL: Record<ThreadStatus, string> = { open: 'Open', pending: 'Pending', snoozed: 'Snoozed', resolved: 'Resolved' };
export const SEARCH_RANGES = ['today', '7d', '30d'] as const satisfies readonly QuickRange[];

/** Which quick range the date filter was made from, so its chip keeps saying "Last 7 days". */
export type RangeName = (typeof SEARCH_RANGES)[number] | 'custom';

/** What the filters need for their names: lists from the server, and the customer's name. */
export interface FilterNames {
  accounts: AccountSummary[];
  labels: Label[];
  customerName: string | null;
  range: RangeName | null;
  now: number;
}

export type ChipKey =
  | `network:${Network}`
  | `account:${number}`
  | `status:${ThreadStatus}`
  | `label:${number}`
  | 'assignee'
  | 'date'
  | 'direction'
  | 'customer';

export interface Chip {
  key: ChipKey;
  kind: string;
  value: string;
  network?: Network;
}

export function hasFilters(f: SearchFilters): boolean {
  return chipKeys(f).length > 0;
}

function chipKeys(f: SearchFilters): ChipKey[] {
  const keys: ChipKey[] = [];
  if (f.from !== undefined || f.to !== undefined) keys.push('date');
  for (const s of f.statuses ?? []) keys.push(`status:${s}`);
  for (const n of f.networks ?? []) keys.push(`network:${n}`);
  for (const a of f.accountIds ?? []) keys.push(`account:${a}`);
  for (const l of f.labelIds ?? []) keys.push(`label:${l}`);
  if (f.assignee) keys.push('assignee');
  if (f.direction) keys.push('direction');
  if (f.customerId !== undefined) keys.push('customer');
  return keys;
}

/** The date filter in words: the quick range's name while it still means that, else the days. */
export function dateLabel(f: SearchFilters, range: RangeName | null, now: number): string {
  if (range && range !== 'custom') {
    const r = quickRange(range, now);
    if (r.from === f.from && (f.to === undefined || r.to === f.to)) return QUICK_RANGE_LABEL[range];
  }
  if (f.from !== undefined && f.to !== undefined) return dayRangeLabel(f.from, f.to, now);
  if (f.from !== undefined) return `since ${dayRangeLabel(f.from, f.from + 1, now)}`;
  if (f.to !== undefined) return `before ${dayRangeLabel(f.to, f.to + 1, now)}`;
  return '';
}

export function chips(f: SearchFilters, names: FilterNames): Chip[] {
  return chipKeys(f).map((key): Chip => {
    const [kind, raw = ''] = key.split(':') as [string, string | undefined];
    switch (kind) {
      case 'date':
        return { key, kind: 'Date', value: dateLabel(f, names.range, names.now) };
      case 'status':
        return { key, kind: 'Status', value: STATUS_LABEL[raw as ThreadStatus] };
      case 'network':
        return { key, kind: 'Network', value: NETWORK_RULES[raw as Network].label, network: raw as Network };
      case 'account': {
        const a = names.accounts.find((x) => x.id === Number(raw));
        return { key, kind: 'Account', value: a?.name ?? `#${raw}`, ...(a ? { network: a.network } : {}) };
      }
      case 'label':
        return { key, kind: 'Label', value: names.labels.find((x) => x.id === Number(raw))?.name ?? `#${raw}` };
      case 'assignee':
        return { key, kind: 'Assignee', value: f.assignee ?? '' };
      case 'direction':
        return { key, kind: 'Direction', value: f.direction === 'in' ? 'From customers' : 'Our replies' };
      default:
        return { key, kind: 'Customer', value: names.customerName ?? `#${f.customerId}` };
    }
  });
}

/** The filters without the one a chip shows. */
export function withoutChip(f: SearchFilters, key: ChipKey): SearchFilters {
  const next: SearchFilters = { ...f };
  const [kind, raw = ''] = key.split(':') as [string, string | undefined];
  const drop = <T>(list: T[] | undefined, v: T) => {
    const rest = (list ?? []).filter((x) => x !== v);
    return rest.length ? rest : undefined;
  };
  switch (kind) {
    case 'date':
      delete next.from;
      delete next.to;
      break;
    case 'status':
      next.statuses = drop(f.statuses, raw as ThreadStatus);
      break;
    case 'network':
      next.networks = drop(f.networks, raw as Network);
      break;
    case 'account':
      next.accountIds = drop(f.accountIds, Number(raw));
      break;
    case 'label':
      next.labelIds = drop(f.labelIds, Number(raw));
      break;
    case 'assignee':
      delete next.assignee;
      break;
    case 'direction':
      delete next.direction;
      break;
    case 'customer':
      delete next.customerId;
      break;
  }
  return compact(next);
}

/** Drops empty lists and undefined fields, so "no filters" is always `{}`. */
export function compact(f: SearchFilters): SearchFilters {
  const out: SearchFilters = {};
  for (const [k, v] of Object.entries(f) as [keyof SearchFilters, unknown][]) {
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

function toggle<T>(list: T[] | undefined, v: T): T[] | undefined {
  const has = (list ?? []).includes(v);
  const next = has ? (list ?? []).filter((x) => x !== v) : [...(list ?? []), v];
  return next.length ? next : undefined;
}

/** One line of the filter menu. `apply` gives the filters with this option toggled. */
export interface FilterOption {
  id: string;
  group: 'Date' | 'Status' | 'Network' | 'Direction' | 'Account' | 'Label' | 'Assignee' | 'Customer';
  label: string;
  active: boolean;
  network?: Network;
  color?: string;
  /** Opens the typed-dates form instead of applying. */
  custom?: boolean;
  apply(f: SearchFilters): { filters: SearchFilters; range?: RangeName | null };
}

export function filterOptions(
  f: SearchFilters,
  ctx: { range: RangeName | null; now: number; accounts: AccountSummary[]; labels: Label[]; assignees: Assignee[]; customer: { id: number; name: string } | null },
): FilterOption[] {
  const opts: FilterOption[] = [];
  for (const r of SEARCH_RANGES) {
    const { from, to } = quickRange(r, ctx.now);
    const active = ctx.range === r && f.from === from;
    opts.push({
      id: `date:${r}`,
      group: 'Date',
      label: QUICK_RANGE_LABEL[r],
      active,
      apply: (cur) => (active ? { filters: withoutChip(cur, 'date'), range: null } : { filters: { ...cur, from, to }, range: r }),
    });
  }
  opts.push({
    id: 'date:custom',
    group: 'Date',
    label: ctx.range === 'custom' && f.from !== undefined ? `Custom: ${dateLabel(f, 'custom', ctx.now)}` : 'Custom range…',
    active: ctx.range === 'custom' && f.from !== undefined,
    custom: true,
    apply: (cur) => ({ filters: cur }),
  });
  for (const s of STATUSES) {
    opts.push({ id: `status:${s}`, group: 'Status', label: STATUS_LABEL[s], active: f.statuses?.includes(s) ?? false, apply: (cur) => ({ filters: compact({ ...cur, statuses: toggle(cur.statuses, s) }) }) });
  }
  for (const n of NETWORKS) {
    opts.push({
      id: `network:${n}`,
      group: 'Network',
      label: NETWORK_RULES[n].label,
      network: n,
      active: f.networks?.includes(n) ?? false,
      apply: (cur) => ({ filters: compact({ ...cur, networks: toggle(cur.networks, n) }) }),
    });
  }
  for (const [d, label] of [
    ['in', 'From customers'],
    ['out', 'Our replies'],
  ] as const) {
    const active = f.direction === d;
    opts.push({ id: `direction:${d}`, group: 'Direction', label, active, apply: (cur) => ({ filters: compact({ ...cur, direction: active ? undefined : d }) }) });
  }
  if (ctx.customer) {
    const c = ctx.customer;
    const active = f.customerId === c.id;
    opts.push({
      id: `customer:${c.id}`,
      group: 'Customer',
      label: `${c.name} (open thread)`,
      active,
      apply: (cur) => ({ filters: compact({ ...cur, customerId: active ? undefined : c.id }) }),
    });
  }
  for (const a of ctx.accounts) {
    opts.push({
      id: `account:${a.id}`,
      group: 'Account',
      label: a.name,
      network: a.network,
      active: f.accountIds?.includes(a.id) ?? false,
      apply: (cur) => ({ filters: compact({ ...cur, accountIds: toggle(cur.accountIds, a.id) }) }),
    });
  }
  for (const l of ctx.labels) {
    opts.push({
      id: `label:${l.id}`,
      group: 'Label',
      label: l.name,
      color: l.color,
      active: f.labelIds?.includes(l.id) ?? false,
      apply: (cur) => ({ filters: compact({ ...cur, labelIds: toggle(cur.labelIds, l.id) }) }),
    });
  }
  for (const a of ctx.assignees) {
    const active = f.assignee?.toLowerCase() === a.name.toLowerCase();
    opts.push({ id: `assignee:${a.id}`, group: 'Assignee', label: a.name, active, apply: (cur) => ({ filters: compact({ ...cur, assignee: active ? undefined : a.name }) }) });
  }
  return opts;
}

export interface HitGroup {
  threadId: number;
  customerName: string;
  network: Network;
  status: ThreadStatus;
  /** Index of the group's first hit in the flat, grouped order. */
  start: number;
  hits: SearchHit[];
}

/**
 * Hits grouped by thread, threads in the order of their best (first) hit; `flat` is the hits in
 * that grouped order, which is the order ↑/↓ walk.
 */
export function groupHits(hits: SearchHit[]): { groups: HitGroup[]; flat: SearchHit[] } {
  const byThread = new Map<number, HitGroup>();
  for (const h of hits) {
    let g = byThread.get(h.threadId);
    if (!g) byThread.set(h.threadId, (g = { threadId: h.threadId, customerName: h.customerName, network: h.network, status: h.status, start: 0, hits: [] }));
    g.hits.push(h);
  }
  const groups = [...byThread.values()];
  let at = 0;
  for (const g of groups) {
    g.start = at;
    at += g.hits.length;
  }
  return { groups, flat: groups.flatMap((g) => g.hits) };
}

/** A name to offer when saving: the words, then the filters. */
export function suggestName(query: string, chipList: Chip[]): string {
  const parts = [query.trim(), ...chipList.map((c) => c.value)].filter(Boolean);
  return parts.join(' · ').slice(0, 100);
}

function sameList<T>(a: T[] | undefined, b: T[] | undefined): boolean {
  const x = [...(a ?? [])].map(String).sort();
  const y = [...(b ?? [])].map(String).sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

/** Whether a saved search is exactly what is on screen (same words, same filters). */
export function sameSearch(s: Pick<SavedSearch, 'query' | 'filters'>, query: string, f: SearchFilters): boolean {
  const a = compact(s.filters);
  const b = compact(f);
  return (
    s.query.trim() === query.trim() &&
    sameList(a.networks, b.networks) &&
    sameList(a.accountIds, b.accountIds) &&
    sameList(a.statuses, b.statuses) &&
    sameList(a.labelIds, b.labelIds) &&
    (a.assignee ?? '') === (b.assignee ?? '') &&
    a.from === b.from &&
    a.to === b.to &&
    a.direction === b.direction &&
    a.customerId === b.customerId
  );
}
