/**
 * The inbox list as pure functions: a sparse array of thread ids by position (pages of 100
 * arrive in any order), summaries by id, and the selection. Selection follows the thread id,
 * so a new thread arriving on top never moves the agent's cursor to another customer; the
 * index is kept too, so when the selected thread leaves the list its neighbour takes over.
 */
import type { InboxFilter, Page, ThreadSummary } from '../../../preload/contract';

export const PAGE_SIZE = 100;

export interface InboxList {
  filter: InboxFilter;
  /** Null until the first page answers. */
  total: number | null;
  /** Thread id at each position; `undefined` where the page is not loaded yet. */
  ids: (number | undefined)[];
  byId: Record<number, ThreadSummary>;
  selectedId: number | null;
  selectedIndex: number;
  /** Bumped when the filter changes, so late answers for the old list are dropped. */
  generation: number;
}

export function emptyList(filter: InboxFilter, generation = 0): InboxList {
  return { filter, total: null, ids: [], byId: {}, selectedId: null, selectedIndex: 0, generation };
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
  const ids: (number | undefined)[] = replace ? new Array<number | undefined>(page.total) : list.ids.slice(0, page.total);
  if (!replace && ids.length < page.total) ids.length = page.total;
  const byId = { ...list.byId };
  page.items.forEach((t, i) => {
    if (offset + i >= page.total) return;
    ids[offset + i] = t.id;
    byId[t.id] = sameSummary(byId[t.id], t) ? byId[t.id]! : t;
  });
  const next: InboxList = { ...list, total: page.total, ids, byId };
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
  if (i < 0) return list;
  const ids = list.ids.slice();
  ids.splice(i, 1);
  const next: InboxList = { ...list, ids, total: Math.max(0, (list.total ?? 1) - 1) };
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
      if (list.ids[i] === undefined) {
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
