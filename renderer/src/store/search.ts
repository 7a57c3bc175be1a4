/**
 * Search over every message (`search.messages`, FTS on the server, which escapes the query).
 * Queries go out ~150 ms after typing stops; an answer to an older query is dropped. An error
 * reply is shown in the panel, never thrown at the agent.
 */
import type { SearchHit } from '../../../preload/contract';
import { call, errorText } from '../care';
import { focusRegion } from '../lib/focus';
import { selectId } from './inboxModel';
import type { Slice } from './types';

export interface SearchSlice {
  searchOpen: boolean;
  searchQuery: string;
  searchHits: SearchHit[];
  searchTotal: number;
  searchState: 'idle' | 'loading' | 'ready' | 'error';
  searchError: string | null;
  searchIndex: number;
  searchOpened(): void;
  searchClosed(): void;
  searchTyped(query: string): void;
  searchMoved(delta: number): void;
  searchResultChosen(index?: number): void;
}

const DEBOUNCE_MS = 150;
const LIMIT = 50;

export const createSearchSlice: Slice<SearchSlice> = (set, get) => {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let seq = 0;

  const run = async (query: string) => {
    const mine = ++seq;
    if (query.trim() === '') {
      set({ searchHits: [], searchTotal: 0, searchState: 'idle', searchError: null, searchIndex: 0 });
      return;
    }
    set({ searchState: 'loading' });
    try {
      const page = await call('search.messages', { query, limit: LIMIT });
      if (mine !== seq) return;
      set({ searchHits: page.items, searchTotal: page.total, searchState: 'ready', searchError: null, searchIndex: 0 });
    } catch (err) {
      if (mine !== seq) return;
      set({ searchHits: [], searchTotal: 0, searchState: 'error', searchError: errorText(err) });
    }
  };

  return {
    searchOpen: false,
    searchQuery: '',
    searchHits: [],
    searchTotal: 0,
    searchState: 'idle',
    searchError: null,
    searchIndex: 0,

    searchOpened() {
      set({ searchOpen: true, view: 'inbox' });
      focusRegion('search');
    },

    searchClosed() {
      if (timer) clearTimeout(timer);
      set({ searchOpen: false });
      focusRegion('inbox');
    },

    searchTyped(query) {
      set({ searchQuery: query });
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void run(query), DEBOUNCE_MS);
    },

    searchMoved(delta) {
      const n = get().searchHits.length;
      if (n === 0) return;
      set((s) => ({ searchIndex: Math.max(0, Math.min(n - 1, s.searchIndex + delta)) }));
    },

    searchResultChosen(index) {
      const hit = get().searchHits[index ?? get().searchIndex];
      if (!hit) return;
      const inList = get().inbox.ids.includes(hit.threadId);
      // In the list: select it there, so j/k go on from it. Elsewhere: show it by itself.
      if (inList) set((s) => ({ inbox: selectId(s.inbox, hit.threadId) }));
      set({ searchOpen: false, searchIndex: index ?? get().searchIndex });
      get().threadShown(hit.threadId, true);
      get().threadOpened('thread');
    },
  };
};
