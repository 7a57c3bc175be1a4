/**
 * The bulk selection in the inbox (`x`, Shift+J/K, Mod+A) and the actions applied to all of
 * it at once (`threads.bulk`). During a crisis the server pauses bulk actions until the agent
 * confirms: we ask first, then pass `confirmCrisis`.
 */
import type { Arg } from '../../../preload/contract';
import { call, CareCallError, errorText } from '../care';
import { currentRegion } from '../lib/focus';
import type { Slice } from './types';

export type BulkAction = Arg<'threads.bulk'>['action'];

export interface BulkSlice {
  /** Selected thread ids, in the order they were picked. */
  bulkIds: number[];
  /** An action waiting for the crisis confirmation. */
  bulkPending: { action: BulkAction; phrase: string; threadIds: number[] } | null;
  bulkToggled(): void;
  /** Shift+J / Shift+K: the row under the cursor and the next one join the selection. */
  bulkExtended(delta: number): void;
  bulkAllSelected(): void;
  bulkCleared(): void;
  /** `phrase` says what happened, with {n} for "3 threads". */
  bulkRequested(action: BulkAction, phrase: string): Promise<void>;
  bulkConfirmed(): Promise<void>;
}

const threads = (n: number) => (n === 1 ? '1 thread' : `${n} threads`);

export const createBulkSlice: Slice<BulkSlice> = (set, get) => {
  const apply = async (action: BulkAction, phrase: string, threadIds: number[], confirmCrisis: boolean) => {
    try {
      const { changed } = await call('threads.bulk', { threadIds, action, confirmCrisis });
      set({ bulkIds: [], bulkPending: null });
      const unchanged = threadIds.length - changed;
      get().toastShown(`${phrase.replace('{n}', threads(changed))}.${unchanged > 0 ? ` ${threads(unchanged)} already were.` : ''}`);
      // The server says so too (threads.changed); re-reading now makes the list follow at once.
      get().threadsChanged({ threadIds, reason: action.kind === 'status' || action.kind === 'snooze' ? 'status' : 'workflow' });
    } catch (err) {
      // Crisis mode came on since we last heard: ask, as we would have.
      if (err instanceof CareCallError && err.code === 'refused' && !confirmCrisis && /crisis/i.test(err.message)) {
        set({ bulkPending: { action, phrase, threadIds } });
        get().overlayOpened('confirm-bulk', currentRegion() ?? 'inbox');
        void get().crisisStarted();
        return;
      }
      get().toastShown(`Could not apply it to the selection: ${errorText(err)}`, 'error');
    }
  };

  return {
    bulkIds: [],
    bulkPending: null,

    bulkToggled() {
      const id = get().inbox.selectedId;
      if (id === null) return;
      set((s) => ({ bulkIds: s.bulkIds.includes(id) ? s.bulkIds.filter((x) => x !== id) : [...s.bulkIds, id] }));
    },

    bulkExtended(delta) {
      const add = (ids: number[], id: number | null) => (id === null || ids.includes(id) ? ids : [...ids, id]);
      const before = get().inbox.selectedId;
      set((s) => ({ bulkIds: add(s.bulkIds, before) }));
      get().selectionMoved(delta);
      set((s) => ({ bulkIds: add(s.bulkIds, s.inbox.selectedId) }));
    },

    bulkAllSelected() {
      const ids = get().inbox.ids.filter((id): id is number => id !== undefined);
      set({ bulkIds: ids });
      const total = get().inbox.total ?? 0;
      if (ids.length < total) get().toastShown(`Selected the ${ids.length} threads loaded so far of ${total}; scroll down to load the rest.`);
    },

    bulkCleared() {
      set({ bulkIds: [], bulkPending: null });
    },

    async bulkRequested(action, phrase) {
      const threadIds = get().bulkIds.slice();
      if (threadIds.length === 0) return;
      if (get().crisis?.active) {
        set({ bulkPending: { action, phrase, threadIds } });
        get().overlayOpened('confirm-bulk', currentRegion() ?? 'inbox');
        return;
      }
      await apply(action, phrase, threadIds, false);
    },

    async bulkConfirmed() {
      const p = get().bulkPending;
      get().overlayClosed();
      if (!p) return;
      await apply(p.action, p.phrase, p.threadIds, true);
    },
  };
};
