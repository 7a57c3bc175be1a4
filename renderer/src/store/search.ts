/**
 * Search over every message (`search.messages`, FTS on the server, which escapes the query),
 * with filters (searchModel.ts) that combine with the words or stand alone: an empty query with
 * filters lists the matching messages. Typed queries go out ~150 ms after typing stops, filter
 * changes at once; an answer to an older request is dropped. Results are kept grouped by
 * thread, in the order ↑/↓ walk them. Everything here is local: it works with the network off.
 */
import type { SearchFilters, SearchHit } from '../../../preload/contract';
import { call, errorText } from '../care';
import { focusRegion } from '../lib/focus';
import { selectId } from './inboxModel';
import { compact, groupHits, hasFilters, withoutChip, type ChipKey, type RangeName } from './searchModel';
import type { Slice, State } from './types';

export interface SearchSlice {
  searchOpen: boolean;
  searchQuery: string;
  searchFilters: SearchFilters;
  /** The quick range the date filter came from, for its chip's name. */
  searchRange: RangeName | null;
  /** The customer of a customer filter, for its chip's name. */
  searchCustomer: { id: number; name: string } | null;
  /** Hits in grouped order (threads by their best hit). */
  searchHits: SearchHit[];
  searchTotal: number;
  searchState: 'idle' | 'loading' | 'ready' | 'error';
  searchError: string | null;
  searchIndex: number;
  /** The message a search result opened: the thread scrolls to it and lights it up briefly. */
  spotlightMessageId: number | null;
  searchOpened(): void;
  searchClosed(): void;
  searchTyped(query: string): void;
  /** New filters (and the quick range they came from): searches again at once. */
  searchFiltersChanged(filters: SearchFilters, range?: RangeName | null): void;
  searchChipRemoved(key: ChipKey): void;
  /** Backspace in an empty field: the last chip goes. */
  searchLastChipRemoved(): void;
  searchFiltersCleared(): void;
  /** Only the shown thread's customer's messages (opens search if it is closed). */
  searchCustomerFiltered(): void;
  /** Puts words and filters in place at once (a saved search). */
  searchReplaced(query: string, filters: SearchFilters, customer: { id: number; name: string } | null): void;
  searchMoved(delta: number): void;
  searchResultChosen(index?: number): void;
}

const DEBOUNCE_MS = 150;
const LIMIT = 100;
const SPOTLIGHT_MS = 4000;

/** Nothing typed and no filter: the panel lists saved searches instead of results. */
export function searchIsIdle(s: { searchQuery: string; searchFilters: SearchFilters }): boolean {
  return s.searchQuery.trim() === '' && !hasFilters(s.searchFilters);
}

export const createSearchSlice: Slice<SearchSlice> = (set, get) => {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let spotlightTimer: ReturnType<typeof setTimeout> | null = null;
  let seq = 0;

  const run = async () => {
    const mine = ++seq;
    const { searchQuery: query, searchFilters: filters } = get();
    if (searchIsIdle(get())) {
      set({ searchHits: [], searchTotal: 0, searchState: 'idle', searchError: null, searchIndex: 0 });
      return;
    }
    set({ searchState: 'loading' });
    try {
      const page = await call('search.messages', { query, limit: LIMIT, filters });
      if (mine !== seq) return;
      set({ searchHits: groupHits(page.items).flat, searchTotal: page.total, searchState: 'ready', searchError: null, searchIndex: 0 });
    } catch (err) {
      if (mine !== seq) return;
      set({ searchHits: [], searchTotal: 0, searchState: 'error', searchError: errorText(err) });
    }
  };

  const runNow = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    void run();
  };

  /** Any change of words or filters starts the saved-search list from its top again. */
  const changed = (patch: Partial<State>) => set({ ...patch, savedSearchIndex: 0 });

  return {
    searchOpen: false,
    searchQuery: '',
    searchFilters: {},
    searchRange: null,
    searchCustomer: null,
    searchHits: [],
    searchTotal: 0,
    searchState: 'idle',
    searchError: null,
    searchIndex: 0,
    spotlightMessageId: null,

    searchOpened() {
      set({ searchOpen: true, view: 'inbox' });
      focusRegion('search');
      void get().filterListsLoaded();
      void get().savedSearchesLoaded();
    },

    searchClosed() {
      if (timer) clearTimeout(timer);
      set({ searchOpen: false });
      focusRegion('inbox');
    },

    searchTyped(query) {
      changed({ searchQuery: query });
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void run(), DEBOUNCE_MS);
    },

    searchFiltersChanged(filters, range) {
      const next = compact(filters);
      const patch: Partial<State> = { searchFilters: next };
      if (range !== undefined) patch.searchRange = range;
      if (next.from === undefined && next.to === undefined) patch.searchRange = null;
      if (next.customerId === undefined) patch.searchCustomer = null;
      changed(patch);
      runNow();
    },

    searchChipRemoved(key) {
      get().searchFiltersChanged(withoutChip(get().searchFilters, key));
    },

    searchLastChipRemoved() {
      const f = get().searchFilters;
      // The chip shown last: chips() lists the kinds in this order.
      const order: ChipKey[] = [];
      if (f.from !== undefined || f.to !== undefined) order.push('date');
      for (const s of f.statuses ?? []) order.push(`status:${s}`);
      for (const n of f.networks ?? []) order.push(`network:${n}`);
      for (const a of f.accountIds ?? []) order.push(`account:${a}`);
      for (const l of f.labelIds ?? []) order.push(`label:${l}`);
      if (f.assignee) order.push('assignee');
      if (f.direction) order.push('direction');
      if (f.customerId !== undefined) order.push('customer');
      const last = order.at(-1);
      if (last) get().searchChipRemoved(last);
    },

    searchFiltersCleared() {
      get().searchFiltersChanged({}, null);
    },

    searchCustomerFiltered() {
      const t = get().shownSummary();
      if (!t) {
        get().toastShown('Open a thread first: its customer is the one searched for.', 'error');
        return;
      }
      set({ searchCustomer: { id: t.customerId, name: t.customerName } });
      if (!get().searchOpen) get().searchOpened();
      else focusRegion('search');
      get().searchFiltersChanged({ ...get().searchFilters, customerId: t.customerId });
    },

    searchReplaced(query, filters, customer) {
      if (timer) clearTimeout(timer);
      set({ searchQuery: query, searchFilters: compact(filters), searchRange: filters.from !== undefined || filters.to !== undefined ? 'custom' : null, searchCustomer: customer });
      runNow();
    },

    searchMoved(delta) {
      if (searchIsIdle(get())) return get().savedSearchMoved(delta);
      const n = get().searchHits.length;
      if (n === 0) return;
      set((s) => ({ searchIndex: Math.max(0, Math.min(n - 1, s.searchIndex + delta)) }));
    },

    searchResultChosen(index) {
      const i = index ?? get().searchIndex;
      const hit = get().searchHits[i];
      if (!hit) return;
      const inList = get().inbox.ids.includes(hit.threadId);
      // In the list: select it there, so j/k go on from it. Elsewhere: show it by itself.
      if (inList) set((s) => ({ inbox: selectId(s.inbox, hit.threadId) }));
      if (spotlightTimer) clearTimeout(spotlightTimer);
      set({ searchOpen: false, searchIndex: i, spotlightMessageId: hit.messageId });
      spotlightTimer = setTimeout(() => {
        if (get().spotlightMessageId === hit.messageId) set({ spotlightMessageId: null });
      }, SPOTLIGHT_MS);
      get().threadShown(hit.threadId, true);
      get().threadOpened('thread');
    },
  };
};
