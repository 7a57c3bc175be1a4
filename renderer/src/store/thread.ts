/**
 * The thread pane: the thread on screen (the inbox selection, or one opened from search), its
 * messages and their send states. Details are read with `threads.get` shortly after the
 * selection settles, so holding j doesn't fire a request per row; a small cache makes going
 * back and forth instant while the fresh copy loads.
 */
import type { Events, Message, SendState, ThreadDetail, ThreadSummary } from '../../../preload/contract';
import { call, errorText } from '../care';
import { focusRegion } from '../lib/focus';
import type { Slice } from './types';

export interface ThreadSlice {
  shownId: number | null;
  detail: ThreadDetail | null;
  detailState: 'idle' | 'loading' | 'ready' | 'error';
  detailError: string | null;
  /** The summary of the shown thread, from the list if it is there, else from its detail. */
  shownSummary(): ThreadSummary | null;
  threadShown(id: number, immediately?: boolean): void;
  /** The agent opened the shown thread: mark it read; focus the pane or the composer. */
  threadOpened(focusTo: 'thread' | 'composer' | null): void;
  /** Threads changed on the server: re-read the shown one if it is among them. */
  threadsTouched(ids: number[]): void;
  outboxChanged(payload: Events['outbox.changed']): void;
  messageAdded(m: Message): void;
  replyRetried(messageId: number): Promise<void>;
  sentConfirmed(messageId: number): Promise<void>;
}

const SHOW_DEBOUNCE_MS = 70;
/** How far a send has got: later states win over earlier ones that arrive late. */
const SEND_RANK: Record<SendState, number> = { queued: 0, sending: 1, sent: 2, failed: 2, unknown: 2 };
const CACHE_SIZE = 30;

export const createThreadSlice: Slice<ThreadSlice> = (set, get) => {
  const cache = new Map<number, ThreadDetail>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  const remember = (d: ThreadDetail) => {
    cache.delete(d.thread.id);
    cache.set(d.thread.id, d);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  };

  const load = async (id: number) => {
    try {
      const detail = await call('threads.get', { threadId: id });
      remember(detail);
      if (get().shownId !== id) return;
      set({ detail, detailState: 'ready', detailError: null });
      get().threadSummaryUpdated(detail.thread);
    } catch (err) {
      if (get().shownId !== id) return;
      set({ detailState: 'error', detailError: errorText(err) });
    }
  };

  const patchMessage = (threadId: number, messageId: number, patch: Partial<Message>) => {
    const apply = (d: ThreadDetail): ThreadDetail | null => {
      const i = d.messages.findIndex((m) => m.id === messageId);
      if (i < 0) return null;
      const messages = d.messages.slice();
      messages[i] = { ...messages[i]!, ...patch };
      return { ...d, messages };
    };
    const cached = cache.get(threadId);
    if (cached) {
      const next = apply(cached);
      if (next) cache.set(threadId, next);
      else cache.delete(threadId);
    }
    const d = get().detail;
    if (d && d.thread.id === threadId) {
      const next = apply(d);
      if (next) set({ detail: next });
      else void load(threadId);
    }
  };

  const replaceMessage = (m: Message) => patchMessage(m.threadId, m.id, m);

  return {
    shownId: null,
    detail: null,
    detailState: 'idle',
    detailError: null,

    shownSummary() {
      const { shownId, inbox, detail } = get();
      if (shownId === null) return null;
      return inbox.byId[shownId] ?? (detail?.thread.id === shownId ? detail.thread : null);
    },

    threadShown(id, immediately = false) {
      if (timer) clearTimeout(timer);
      const cached = cache.get(id);
      set({
        shownId: id,
        detail: cached ?? (get().detail?.thread.id === id ? get().detail : null),
        detailState: cached ? 'ready' : 'loading',
        detailError: null,
      });
      if (immediately) void load(id);
      else timer = setTimeout(() => void load(id), SHOW_DEBOUNCE_MS);
    },

    threadOpened(focusTo) {
      const t = get().shownSummary();
      if (focusTo) focusRegion(focusTo);
      if (!t || !t.unread) return;
      get().threadSummaryUpdated({ ...t, unread: false });
      call('threads.markUnread', { threadId: t.id, unread: false })
        .then((updated) => get().threadSummaryUpdated(updated))
        .catch((err: unknown) => get().toastShown(`Could not mark as read: ${errorText(err)}`, 'error'));
    },

    threadsTouched(ids) {
      for (const id of ids) cache.delete(id);
      const shown = get().shownId;
      if (shown !== null && ids.includes(shown)) void load(shown);
    },

    outboxChanged({ threadId, messageId, state, error }) {
      patchMessage(threadId, messageId, { sendState: state, sendError: error });
    },

    messageAdded(m) {
      const d = get().detail;
      cache.delete(m.threadId);
      if (!d || d.thread.id !== m.threadId) return;
      const known = d.messages.find((x) => x.id === m.id);
      // The send's answer and the outbox's pushed events travel separately: an answer saying
      // "queued" may arrive after the event saying "sent". Never step a send state backwards.
      if (known) return replaceMessage(SEND_RANK[known.sendState ?? 'queued'] > SEND_RANK[m.sendState ?? 'queued'] ? { ...m, sendState: known.sendState, sendError: known.sendError, externalId: known.externalId } : m);
      set({ detail: { ...d, messages: [...d.messages, m] } });
    },

    async replyRetried(messageId) {
      try {
        replaceMessage(await call('reply.retry', { messageId }));
      } catch (err) {
        get().toastShown(`Could not send again: ${errorText(err)}`, 'error');
      }
    },

    async sentConfirmed(messageId) {
      try {
        replaceMessage(await call('reply.confirmSent', { messageId }));
      } catch (err) {
        get().toastShown(`Could not mark as sent: ${errorText(err)}`, 'error');
      }
    },
  };
};
