/**
 * Saved searches: words + filters under a name (`searches.save`). Listed in the search panel
 * while nothing is typed (↑/↓, Enter applies, Mod+Delete deletes) and in the palette as
 * "Search: <name>". A saved date filter keeps its days: the contract stores from/to, not "last 7 days".
 */
import type { SavedSearch } from '../../../preload/contract';
import { call, errorText } from '../care';
import { focusRegion } from '../lib/focus';
import { searchIsIdle } from './search';
import { sameSearch } from './searchModel';
import type { Slice } from './types';

export interface SavedSearchSlice {
  savedSearches: SavedSearch[];
  savedSearchIndex: number;
  savedSearchesLoaded(): Promise<void>;
  savedSearchMoved(delta: number): void;
  /** Mod+S in search: asks for a name (the save-search dialog). */
  saveSearchRequested(): void;
  /** Resolves to an error sentence, or null when saved. */
  searchSaved(name: string): Promise<string | null>;
  savedSearchApplied(id: number): Promise<void>;
  /** Deletes `id`, else the saved search selected in the list, else the one on screen. */
  savedSearchDeleted(id?: number): Promise<void>;
}

/** The saved search that is exactly what the panel shows now, if any. */
export function currentSavedSearch(s: Pick<SavedSearchSlice, 'savedSearches'> & { searchQuery: string; searchFilters: SavedSearch['filters'] }): SavedSearch | null {
  if (searchIsIdle(s)) return null;
  return s.savedSearches.find((x) => sameSearch(x, s.searchQuery, s.searchFilters)) ?? null;
}

export const createSavedSearchSlice: Slice<SavedSearchSlice> = (set, get) => ({
  savedSearches: [],
  savedSearchIndex: 0,

  async savedSearchesLoaded() {
    try {
      const savedSearches = await call('searches.list', {});
      set((s) => ({ savedSearches, savedSearchIndex: Math.min(s.savedSearchIndex, Math.max(0, savedSearches.length - 1)) }));
    } catch (err) {
      get().toastShown(`Could not read saved searches: ${errorText(err)}`, 'error');
    }
  },

  savedSearchMoved(delta) {
    const n = get().savedSearches.length;
    if (n > 0) set((s) => ({ savedSearchIndex: Math.max(0, Math.min(n - 1, s.savedSearchIndex + delta)) }));
  },

  saveSearchRequested() {
    if (searchIsIdle(get())) {
      get().toastShown('Type some words or add a filter first: that is what gets saved.', 'error');
      return;
    }
    get().overlayOpened('save-search', 'search');
  },

  async searchSaved(name) {
    const { searchQuery: query, searchFilters: filters } = get();
    try {
      const saved = await call('searches.save', { name, query, filters });
      set((s) => ({ savedSearches: [...s.savedSearches.filter((x) => x.id !== saved.id), saved].sort((a, b) => a.name.localeCompare(b.name)) }));
      get().overlayClosed('search');
      get().toastShown(`Saved search “${saved.name}”. Find it in the search panel or the palette.`);
      void get().savedSearchesLoaded();
      return null;
    } catch (err) {
      return errorText(err);
    }
  },

  async savedSearchApplied(id) {
    const saved = get().savedSearches.find((x) => x.id === id);
    if (!saved) return;
    if (!get().searchOpen) get().searchOpened();
    else focusRegion('search');
    const customerId = saved.filters.customerId;
    get().searchReplaced(saved.query, saved.filters, customerId === undefined ? null : { id: customerId, name: `customer #${customerId}` });
    if (customerId !== undefined) {
      // The chip's name: the saved search keeps only the id.
      try {
        const c = await call('customers.get', { customerId });
        if (get().searchFilters.customerId === customerId) set({ searchCustomer: { id: customerId, name: c.displayName } });
      } catch {
        // The chip keeps saying "customer #id".
      }
    }
  },

  async savedSearchDeleted(id) {
    const s = get();
    const target =
      (id !== undefined ? s.savedSearches.find((x) => x.id === id) : undefined) ??
      (searchIsIdle(s) ? s.savedSearches[s.savedSearchIndex] : currentSavedSearch(s)) ??
      undefined;
    if (!target) {
      get().toastShown('No saved search here to delete.', 'error');
      return;
    }
    try {
      await call('searches.delete', { id: target.id });
      set((st) => {
        const rest = st.savedSearches.filter((x) => x.id !== target.id);
        return { savedSearches: rest, savedSearchIndex: Math.min(st.savedSearchIndex, Math.max(0, rest.length - 1)) };
      });
      get().toastShown(`Deleted saved search “${target.name}”.`);
    } catch (err) {
      get().toastShown(`Could not delete the saved search: ${errorText(err)}`, 'error');
    }
  },
});
