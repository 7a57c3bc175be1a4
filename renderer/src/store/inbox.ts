/**
 * The inbox pane: which filter, which pages of threads are loaded, which row is selected, the
 * per-filter totals, and the status changes made from the list (resolve, unread, undo).
 * Rows are read from SQLite a page at a time; the store keeps only what the list shows.
 */
import type { Events, InboxFilter, ThreadStatus, ThreadSummary } from '../../../preload/contract';
import { call, errorText } from '../care';
import { currentRegion } from '../lib/focus';
import {
  emptyList,
  missingPages,
  moveSelection,
  PAGE_SIZE,
  removeThread,
  selectId,
  withPage,
  withSummary,
  type InboxList,
} from './inboxModel';
import type { Slice } from './types';

export interface InboxSlice {
  inbox: InboxList;
  /** Per filter, as last counted; missing until counted. */
  totals: Partial<Record<InboxFilter, number>>;
  inboxState: 'loading' | 'ready' | 'error';
  inboxError: string | null;
  inboxStarted(): Promise<void>;
  filterChosen(filter: InboxFilter): Promise<void>;
  /** The list shows rows first..last: load what is missing there and a little beyond. */
  rangeViewed(first: number, last: number): void;
  selectionMoved(delta: number): void;
  rowChosen(id: number): void;
  threadsChanged(payload: Events['threads.changed']): void;
  threadSummaryUpdated(t: ThreadSummary): void;
  /** `e`: resolves the shown thread and moves on; reopens a resolved one. */
  statusToggled(): Promise<void>;
  /** Any status change from the keyboard (`p` pending, `s` snooze with `until`): the thread may leave the list. */
  statusChosen(t: ThreadSummary, status: ThreadStatus, verb: string, until?: number): Promise<void>;
  unreadToggled(): Promise<void>;
  undoRequested(): Promise<void>;
}

/** Rows beyond the visible ones to have ready, so j/k near the end never waits. */
const PREFETCH = 40;
const REFRESH_DEBOUNCE_MS = 120;

export const createInboxSlice: Slice<InboxSlice> = (set, get) => {
  const inFlight = new Set<string>();
  let visible = { first: 0, last: 30 };
  let refreshTimer: ReturnType<typeof setTimeout> | null = null;
  let changedIds = new Set<number>();

  /** After any change of selection, the thread pane follows it. */
  const followSelection = (before: number | null) => {
    const id = get().inbox.selectedId;
    if (id !== null && id !== before) get().threadShown(id);
  };

  const loadPage = async (offset: number, replace = false): Promise<void> => {
    const { filter, generation } = get().inbox;
    const key = `${generation}:${offset}:${replace}`;
    if (inFlight.has(key)) return;
    inFlight.add(key);
    try {
      const page = await call('threads.list', { filter, offset, limit: PAGE_SIZE });
      if (get().inbox.generation !== generation) return;
      const before = get().inbox.selectedId;
      set((s) => ({
        inbox: withPage(s.inbox, offset, page, replace),
        totals: { ...s.totals, [filter]: page.total },
        inboxState: 'ready',
        inboxError: null,
      }));
      // A background refresh never swaps the thread out from under an agent who is reading
      // or typing in it; the list's selection moves, the pane follows on the next j/k.
      const region = currentRegion();
      if (region !== 'thread' && region !== 'composer') followSelection(before);
    } catch (err) {
      if (get().inbox.generation !== generation) return;
      if (get().inbox.total === null) set({ inboxState: 'error', inboxError: errorText(err) });
      else get().toastShown(`Could not load more threads: ${errorText(err)}`, 'error');
    } finally {
      inFlight.delete(key);
    }
  };

  const ensureLoaded = (first: number, last: number) => {
    for (const offset of missingPages(get().inbox, first - PREFETCH, last + PREFETCH)) void loadPage(offset);
  };

  const refreshTotals = async () => {
    const current = get().inbox.filter;
    const others = (['open', 'pending', 'snoozed', 'resolved', 'all'] as const).filter((f) => f !== current);
    await Promise.all(
      others.map(async (f) => {
        try {
          const page = await call('threads.list', { filter: f, offset: 0, limit: 1 });
          set((s) => ({ totals: { ...s.totals, [f]: page.total } }));
        } catch {
          // A missing count is not worth a toast; the tab shows none.
        }
      }),
    );
  };

  /** Re-reads what is on screen; other pages are dropped and read again when scrolled to. */
  const refreshVisible = async () => {
    const first = Math.floor(Math.max(0, visible.first) / PAGE_SIZE) * PAGE_SIZE;
    await loadPage(first, true);
    ensureLoaded(visible.first, visible.last);
    void refreshTotals();
  };

  const changeStatus = async (t: ThreadSummary, status: ThreadStatus, verb: string, until?: number) => {
    const region = currentRegion();
    const before = get().inbox.selectedId;
    const leaves = get().inbox.filter !== 'all' && get().inbox.filter !== status;
    try {
      const updated =
        status === 'snoozed' && until !== undefined
          ? await call('threads.snooze', { threadId: t.id, until })
          : await call('threads.setStatus', { threadId: t.id, status });
      set((s) => {
        let inbox = withSummary(s.inbox, updated);
        if (leaves) inbox = removeThread(inbox, t.id);
        else if (inbox.selectedId === t.id) inbox = moveSelection(inbox, 1);
        return { inbox, totals: { ...s.totals, [s.inbox.filter]: inbox.total ?? undefined } };
      });
      get().threadSummaryUpdated(updated);
      // `verb` may place the name itself: "Snoozed {name} until tomorrow 09:00".
      get().toastShown(`${verb.includes('{name}') ? verb.replace('{name}', t.customerName) : `${verb} ${t.customerName}`} — press z to undo`);
      followSelection(before);
      // Working through threads: the next one opens in place of the one just resolved.
      const next = get().inbox.selectedId;
      if (next !== null && next !== before && (region === 'thread' || region === 'composer')) get().threadOpened('thread');
      ensureLoaded(get().inbox.selectedIndex, get().inbox.selectedIndex + 1);
    } catch (err) {
      get().toastShown(`Could not change the status: ${errorText(err)}`, 'error');
    }
  };

  return {
    inbox: emptyList('open'),
    totals: {},
    inboxState: 'loading',
    inboxError: null,

    async inboxStarted() {
      set({ inboxState: 'loading', inboxError: null });
      await loadPage(0, true);
      void refreshTotals();
    },

    async filterChosen(filter) {
      if (filter === get().inbox.filter && get().inbox.total !== null) return;
      // A bulk selection belongs to the list it was made in.
      set((s) => ({ inbox: emptyList(filter, s.inbox.generation + 1, s.inbox.spike), inboxState: 'loading', inboxError: null, bulkIds: [] }));
      visible = { first: 0, last: 30 };
      await loadPage(0, true);
      void refreshTotals();
    },

    rangeViewed(first, last) {
      visible = { first, last };
      ensureLoaded(first, last);
    },

    selectionMoved(delta) {
      const before = get().inbox.selectedId;
      set((s) => ({ inbox: moveSelection(s.inbox, delta) }));
      const { selectedIndex } = get().inbox;
      ensureLoaded(selectedIndex, selectedIndex);
      followSelection(before);
    },

    rowChosen(id) {
      const before = get().inbox.selectedId;
      set((s) => ({ inbox: selectId(s.inbox, id) }));
      followSelection(before);
      get().threadOpened(null);
    },

    threadsChanged({ threadIds }) {
      threadIds.forEach((id) => changedIds.add(id));
      // A poll can change dozens of threads in a burst: one re-read for all of them.
      if (refreshTimer) clearTimeout(refreshTimer);
      refreshTimer = setTimeout(() => {
        refreshTimer = null;
        const ids = changedIds;
        changedIds = new Set();
        void refreshVisible();
        get().threadsTouched([...ids]);
        get().profilesTouched([...ids]);
      }, REFRESH_DEBOUNCE_MS);
    },

    threadSummaryUpdated(t) {
      set((s) => ({ inbox: withSummary(s.inbox, t) }));
    },

    async statusToggled() {
      const t = get().shownSummary();
      if (!t) return;
      if (t.status === 'resolved') await changeStatus(t, 'open', 'Reopened');
      else await changeStatus(t, 'resolved', 'Resolved');
    },

    statusChosen(t, status, verb, until) {
      return changeStatus(t, status, verb, until);
    },

    async unreadToggled() {
      const t = get().shownSummary();
      if (!t) return;
      try {
        const updated = await call('threads.markUnread', { threadId: t.id, unread: !t.unread });
        get().threadSummaryUpdated(updated);
        get().toastShown(updated.unread ? `Marked ${t.customerName} as unread` : `Marked ${t.customerName} as read`);
      } catch (err) {
        get().toastShown(`Could not change unread: ${errorText(err)}`, 'error');
      }
    },

    async undoRequested() {
      try {
        const undone = await call('threads.undo', {});
        if (!undone) {
          get().toastShown('Nothing to undo.');
          return;
        }
        const name = get().inbox.byId[undone.threadId]?.customerName ?? get().detail?.customer.displayName ?? `thread ${undone.threadId}`;
        get().toastShown(`Undone: ${name} is ${STATUS_WORDS[undone.status]} again.`);
        await refreshVisible();
        const before = get().inbox.selectedId;
        set((s) => ({ inbox: selectId(s.inbox, undone.threadId) }));
        followSelection(before);
      } catch (err) {
        get().toastShown(`Could not undo: ${errorText(err)}`, 'error');
      }
    },
  };
};

const STATUS_WORDS: Record<ThreadStatus, string> = { open: 'open', pending: 'pending', snoozed: 'snoozed', resolved: 'resolved' };
