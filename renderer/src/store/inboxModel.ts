/**
 * The inbox list as pure functions: a sparse array of thread ids by position (pages of 100
 * arrive in any order), summaries by id, and the selection. Selection follows the thread id,
 * so a new thread arriving on top never moves the agent's cursor to another customer; the
 * index is kept too, so when the selected thread leaves the list its neighbour takes over.
 *
 * During a crisis the threads of the spike are grouped at the top: `positions` keeps the
 * server's order (pages are read by it), `ids` is the order on screen (the spike's threads that
 * are loaded, then the rest). Without a spike both are the same array.
 */
import type { InboxFilter, Page, ThreadSummary } from '../../../preload/contract';

export const PAGE_SIZE = 100;

export interface InboxList {
  filter: InboxFilter;
  /** Null until the first page answers. */
  total: number | null;
  /** Thread id at each row on screen; `undefined` where the page is not loaded yet. */
  ids: (number | undefined)[];
  /** Thread id at each position of the server's order (what pages are read by). */
  positions: (number | undefined)[];
  /** Crisis mode: the spike's threads, grouped at the top when they are in this list. */
  spike: number[];
  /** How many of the first `ids` are that group (0 when nothing is grouped). */
  pinned: number;
  byId: Record<number, ThreadSummary>;
  selectedId: number | null;
  selectedIndex: number;
  /** Bumped when the filter changes, so late answers for the old list are dropped. */
  generation: number;
}

export function emptyList(filter: InboxFilter, generation = 0, spike: number[] = []): InboxList {
  const ids: (number | undefined)[] = [];
  return { filter, total: null, ids, positions: ids, spike, pinned: 0, byId: {}, selectedId: null, selectedIndex: 0, generation };
}

/** Resolved threads are history: a spike is not grouped there. */
const groupsSpike = (filter: InboxFilter) => filter !== 'resolved';

/** Recomputes the order on screen from `positions` and `spike`. */
function arranged(list: InboxList): InboxList {
  const wanted = groupsSpike(list.filter) ? new Set(list.spike) : null;
  const pinnedIds: number[] = [];
  if (wanted && wanted.size > 0) {
    // In the list's own order (priority), not the spike's.
    for (let i = 0; i < list.positions.length; i++) {
      const id = list.positions[i];
      if (id !== undefined && wanted.has(id)) pinnedIds.push(id);
    }
  }
  if (pinnedIds.length === 0) return list.ids === list.positions && list.pinned === 0 ? list : { ...list, ids: list.positions, pinned: 0 };
  const pinned = new Set(pinnedIds);
  const ids: (number | undefined)[] = pinnedIds.slice();
  // An index loop, not filter(): the holes of pages not loaded yet must stay holes.
  for (let i = 0; i < list.positions.length; i++) {
    const id = list.positions[i];
    if (id === undefined || !pinned.has(id)) ids.push(id);
  }
  return { ...list, ids, pinned: pinnedIds.length };
}

/** Crisis mode changed: group these threads at the top (none: ungroup). Selection stays on its thread. */
export function withSpike(list: InboxList, spike: number[]): InboxList {
  const next = arranged({ ...list, spike });
  const at = indexOfSelected(next);
  return at >= 0 ? { ...next, selectedIndex: at } : next;
}

export function indexOfSelected(list: InboxList): number {
  if (list.selectedId === null) return -1;
  return list.ids.indexOf(list.selectedId);
}

/**
 * Puts one page in place. `replace` (a refresh after a change) forgets every other page,
 * since positions may have shifted; they are read again when scrolled to.
 */
export function withPage(list: InboxList, offset: number, page: Page<ThreadSummary>, replace = false): InboxList {
  const positions: (number | undefined)[] = replace ? new Array<number | undefined>(page.total) : list.positions.slice(0, page.total);
  if (!replace && positions.length < page.total) positions.length = page.total;
  const byId = { ...list.byId };
  page.items.forEach((t, i) => {
    if (offset + i >= page.total) return;
    positions[offset + i] = t.id;
    byId[t.id] = sameSummary(byId[t.id], t) ? byId[t.id]! : t;
  });
  const next = arranged({ ...list, total: page.total, ids: positions, positions, byId });
  const ids = next.ids;
  const at = indexOfSelected(next);
  if (at >= 0) return { ...next, selectedIndex: at };
  // The very first page: start with the top thread selected, ready for j/k and Enter.
  if (list.total === null && list.selectedId === null) return selectIndex(next, 0);
  // The selection was waiting for this page (or the list was empty).
  if (list.selectedId === null) return ids[list.selectedIndex] !== undefined || page.total === 0 ? selectIndex(next, list.selectedIndex) : next;
  // The selected thread is gone from the part just re-read (resolved, say): its neighbour
  // now sits at its position. Elsewhere it is probably on a page not loaded yet: keep it.
  const covered = list.selectedIndex >= offset && (list.selectedIndex < offset + page.items.length || list.selectedIndex >= page.total);
  return replace && covered ? selectIndex(next, list.selectedIndex) : next;
}

/** Selects the thread at `index` (clamped); keeps the index even when that page isn't loaded. */
export function selectIndex(list: InboxList, index: number): InboxList {
  const total = list.total ?? 0;
  if (total === 0) return { ...list, selectedId: null, selectedIndex: 0 };
  const i = Math.max(0, Math.min(index, total - 1));
  return { ...list, selectedId: list.ids[i] ?? null, selectedIndex: i };
}

export function selectId(list: InboxList, id: number): InboxList {
  const i = list.ids.indexOf(id);
  return i >= 0 ? { ...list, selectedId: id, selectedIndex: i } : list;
}

/**
 * j/k: moves by `delta`, stopping at the ends. Never lands on a row whose page is still loading;
 * it stops at the last loaded one (the page is fetched and the next press goes on).
 */
export function moveSelection(list: InboxList, delta: number): InboxList {
  const total = list.total ?? 0;
  if (total === 0) return list;
  const from = indexOfSelected(list);
  const start = from >= 0 ? from : Math.min(list.selectedIndex, total - 1);
  let target = Math.max(0, Math.min(start + (from >= 0 ? delta : 0), total - 1));
  const step = target >= start ? -1 : 1;
  while (target !== start && list.ids[target] === undefined) target += step;
  if (list.ids[target] === undefined) return list;
  return { ...list, selectedId: list.ids[target]!, selectedIndex: target };
}

/** A thread left this list (resolved in Open, say): close the gap, select its neighbour. */
export function removeThread(list: InboxList, id: number): InboxList {
  const i = list.ids.indexOf(id);
  const p = list.positions.indexOf(id);
  if (i < 0 || p < 0) return list;
  const positions = list.positions.slice();
  positions.splice(p, 1);
  const next = arranged({ ...list, ids: positions, positions, pinned: 0, total: Math.max(0, (list.total ?? 1) - 1) });
  if (list.selectedId !== id) return { ...next, selectedIndex: Math.max(0, indexOfSelected(next)) };
  return selectIndex(next, i);
}

export function withSummary(list: InboxList, t: ThreadSummary): InboxList {
  if (!(t.id in list.byId) || sameSummary(list.byId[t.id], t)) return list;
  return { ...list, byId: { ...list.byId, [t.id]: t } };
}

/** Page offsets touching [first, last] that have a hole. */
export function missingPages(list: InboxList, first: number, last: number): number[] {
  const total = list.total ?? 0;
  const out: number[] = [];
  const lo = Math.max(0, first);
  const hi = Math.min(total - 1, last);
  for (let p = Math.floor(lo / PAGE_SIZE) * PAGE_SIZE; p <= hi; p += PAGE_SIZE) {
    const end = Math.min(p + PAGE_SIZE, total);
    for (let i = Math.max(p, lo); i < end && i <= hi; i++) {
      if (list.positions[i] === undefined) {
        out.push(p);
        break;
      }
    }
  }
  return out;
}

/** Keeps the old object when nothing changed, so its row doesn't re-render after a refresh. */
function sameSummary(a: ThreadSummary | undefined, b: ThreadSummary): boolean {
  if (!a) return false;
  const keys = Object.keys(b) as (keyof ThreadSummary)[];
  if (keys.length !== Object.keys(a).length) return false;
  for (const k of keys) {
    const x = a[k];
    const y = b[k];
    if (x === y) continue;
    // Arrays and nested objects (reasons, labels, the SLA clock) compare by value.
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null || JSON.stringify(x) !== JSON.stringify(y)) return false;
  }
  return true;
}
