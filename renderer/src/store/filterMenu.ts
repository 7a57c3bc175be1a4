/**
 * The "Filter search" menu (Mod+F): every filter value in one list, fuzzy-filtered by what is
 * typed; Enter toggles the highlighted one and the menu stays open, so several combine in a row.
 * "Custom range…" turns the menu into two typed dates. Labels and assignees are read when
 * search opens; accounts come from the status line's list.
 */
import Fuse from 'fuse.js';
import type { AccountSummary, Assignee, Label, SearchFilters } from '../../../preload/contract';
import { call } from '../care';
import { parseDayRange } from '../lib/dates';
import { filterOptions, type FilterOption, type RangeName } from './searchModel';
import type { Slice, State } from './types';

export interface FilterMenuSlice {
  filterLabels: Label[];
  filterAssignees: Assignee[];
  filterMenuQuery: string;
  filterMenuIndex: number;
  filterMenuMode: 'list' | 'custom';
  filterMenuError: string | null;
  filterListsLoaded(): Promise<void>;
  filterMenuOpened(): void;
  filterMenuTyped(query: string): void;
  filterMenuMoved(delta: number): void;
  filterMenuChosen(index?: number): void;
  /** Typed dates, both ends included. Resolves to false when they are not dates (the menu says why). */
  filterMenuCustomApplied(fromText: string, toText: string): boolean;
  filterMenuCustomCancelled(): void;
}

export interface FilterMenuInput {
  searchFilters: SearchFilters;
  searchRange: RangeName | null;
  accounts: AccountSummary[];
  filterLabels: Label[];
  filterAssignees: Assignee[];
  filterMenuQuery: string;
  /** The customer offered as a filter: the open thread's, else the one already filtered on. */
  customer: { id: number; name: string } | null;
}

/** Who the customer filter offers: the shown thread's customer, else the one already filtered. */
export function offeredCustomer(s: State): { id: number; name: string } | null {
  const t = s.shownSummary();
  return t ? { id: t.customerId, name: t.customerName } : s.searchCustomer;
}

/** The options on offer, in menu order, narrowed by the typed text. */
export function filterMenuOptions(s: FilterMenuInput, now = Date.now()): FilterOption[] {
  const all = filterOptions(s.searchFilters, { range: s.searchRange, now, accounts: s.accounts, labels: s.filterLabels, assignees: s.filterAssignees, customer: s.customer });
  const q = s.filterMenuQuery.trim().toLowerCase();
  if (!q) return all;
  // Words that start the way the agent typed come first ("out" → "Our replies" before any
  // account with an o, u and t in it); the fuzzy matches follow, for typos.
  const starts = all.filter((o) => `${o.group} ${o.label}`.toLowerCase().split(/[^\p{L}\p{N}]+/u).some((w) => w.startsWith(q)) || o.label.toLowerCase().startsWith(q));
  const fuzzy = new Fuse(all, { keys: ['label', 'group'], threshold: 0.34, ignoreLocation: true })
    .search(q)
    .map((r) => r.item)
    .filter((o) => !starts.includes(o));
  return [...starts, ...fuzzy];
}

export function filterMenuResults(s: State, now = Date.now()): FilterOption[] {
  return filterMenuOptions({ ...s, customer: offeredCustomer(s) }, now);
}

export const createFilterMenuSlice: Slice<FilterMenuSlice> = (set, get) => ({
  filterLabels: [],
  filterAssignees: [],
  filterMenuQuery: '',
  filterMenuIndex: 0,
  filterMenuMode: 'list',
  filterMenuError: null,

  async filterListsLoaded() {
    // Names for the menu only: a failure leaves those groups out, it is not worth a toast.
    const [labels, assignees] = await Promise.allSettled([call('labels.list', {}), call('assignees.list', {})]);
    set({
      ...(labels.status === 'fulfilled' ? { filterLabels: labels.value } : {}),
      ...(assignees.status === 'fulfilled' ? { filterAssignees: assignees.value } : {}),
    });
  },

  filterMenuOpened() {
    if (!get().searchOpen) get().searchOpened();
    else void get().filterListsLoaded();
    set({ filterMenuQuery: '', filterMenuIndex: 0, filterMenuMode: 'list', filterMenuError: null });
    get().overlayOpened('search-filter', 'search');
  },

  filterMenuTyped(filterMenuQuery) {
    set({ filterMenuQuery, filterMenuIndex: 0 });
  },

  filterMenuMoved(delta) {
    const n = filterMenuResults(get()).length;
    if (n > 0) set((s) => ({ filterMenuIndex: (s.filterMenuIndex + delta + n) % n }));
  },

  filterMenuChosen(index) {
    const results = filterMenuResults(get());
    const option = results[index ?? get().filterMenuIndex];
    if (!option) return;
    if (option.custom) {
      set({ filterMenuMode: 'custom', filterMenuError: null });
      return;
    }
    const { filters, range } = option.apply(get().searchFilters);
    get().searchFiltersChanged(filters, range);
    // After a typed pick, the full list again with the pick highlighted, ready for the next.
    if (get().filterMenuQuery.trim() !== '') {
      set({ filterMenuQuery: '' });
      const at = filterMenuResults(get()).findIndex((o) => o.id === option.id);
      set({ filterMenuIndex: Math.max(0, at) });
    } else if (index !== undefined) {
      set({ filterMenuIndex: index });
    }
  },

  filterMenuCustomApplied(fromText, toText) {
    const r = parseDayRange(fromText, toText);
    if ('error' in r) {
      set({ filterMenuError: r.error });
      return false;
    }
    get().searchFiltersChanged({ ...get().searchFilters, from: r.from, to: r.to }, 'custom');
    set({ filterMenuMode: 'list', filterMenuError: null, filterMenuQuery: '' });
    return true;
  },

  filterMenuCustomCancelled() {
    set({ filterMenuMode: 'list', filterMenuError: null });
  },
});
