/**
 * Drafts, one per thread, kept while the agent moves around (switching threads never loses
 * text), and sending. The idempotency key is made on the first send press of a draft and kept
 * until the text changes, so a double press or a retry after a lost answer is the same reply.
 */
import type { CannedResponse } from '../../../preload/contract';
import { lengthStatus } from '../../../preload/shared/length';
import { renderTemplate, replyProblems } from '../../../preload/shared/template';
import { call, errorText } from '../care';
import { lengthRuleOf, templateContext } from '../composer/context';
import { insertAt, tabInComposer, type TextState } from '../composer/edit';
import { focusRegion } from '../lib/focus';
import type { Slice } from './types';

export interface Draft extends TextState {
  idempotencyKey: string | null;
  cannedIds: number[];
  /** A send was tried: show why it was refused even for an empty draft. */
  attempted: boolean;
  sendError: string | null;
}

export interface SelectionRequest {
  threadId: number;
  start: number;
  end: number;
  nonce: number;
}

export interface ComposerSlice {
  drafts: Record<number, Draft>;
  sending: Record<number, boolean>;
  /** The composer applies this selection to the textarea once (after Tab or an insert). */
  selectionRequest: SelectionRequest | null;
  draftEdited(threadId: number, state: TextState): void;
  cursorMoved(threadId: number, start: number, end: number): void;
  cannedInserted(response: CannedResponse): void;
  /** Tab / Shift+Tab in the composer; false when Tab should do what it normally does. */
  composerTabbed(backwards: boolean, live: TextState): boolean;
  replySendRequested(): Promise<void>;
}

export function emptyDraft(): Draft {
  return { text: '', selectionStart: 0, selectionEnd: 0, idempotencyKey: null, cannedIds: [], attempted: false, sendError: null };
}

/** Reasons the draft can't go, in words; [] when it can. Shared by the composer and send. */
export function sendBlockers(draft: Draft, rule: Parameters<typeof lengthStatus>[1] | null): string[] {
  const problems = replyProblems(draft.text);
  if (rule) {
    const len = lengthStatus(draft.text, rule);
    if (len.over) problems.push(`${-len.remaining} over the ${len.max} limit: shorten it before sending.`);
  }
  return problems;
}

/** A second send press landing just after the first one succeeded finds an empty box: ignore it. */
const DOUBLE_PRESS_MS = 1500;

export const createComposerSlice: Slice<ComposerSlice> = (set, get) => {
  let nonce = 0;
  const sentAt = new Map<number, number>();
  const draftOf = (id: number) => get().drafts[id] ?? emptyDraft();
  const put = (id: number, draft: Draft) => set((s) => ({ drafts: { ...s.drafts, [id]: draft } }));
  const requestSelection = (threadId: number, start: number, end: number) =>
    set({ selectionRequest: { threadId, start, end, nonce: ++nonce } });
  /** The loaded detail of the shown thread, if it has arrived. */
  const shownDetail = () => {
    const { detail, shownId } = get();
    return detail && detail.thread.id === shownId ? detail : null;
  };

  return {
    drafts: {},
    sending: {},
    selectionRequest: null,

    draftEdited(threadId, state) {
      const d = draftOf(threadId);
      // New words, new reply: a key reused for different text would return the old one.
      put(threadId, { ...d, ...state, idempotencyKey: d.text === state.text ? d.idempotencyKey : null, sendError: null });
    },

    cursorMoved(threadId, start, end) {
      const d = draftOf(threadId);
      if (d.selectionStart !== start || d.selectionEnd !== end) put(threadId, { ...d, selectionStart: start, selectionEnd: end });
    },

    cannedInserted(response) {
      const t = get().shownSummary();
      if (!t) {
        get().toastShown('Open a thread first: a canned response is inserted into its reply.', 'error');
        return;
      }
      const id = t.id;
      const d = draftOf(id);
      const next = insertAt(d, renderTemplate(response.body, templateContext(t, get().settings, shownDetail())).text);
      put(id, { ...d, ...next, idempotencyKey: null, cannedIds: [...d.cannedIds, response.id], sendError: null });
      requestSelection(id, next.selectionStart, next.selectionEnd);
      focusRegion('composer');
    },

    composerTabbed(backwards, live) {
      const t = get().shownSummary();
      if (!t) return false;
      const result = tabInComposer(live, backwards, get().canned, templateContext(t, get().settings, shownDetail()));
      if (!result) return false;
      const d = draftOf(t.id);
      const textChanged = result.text !== d.text;
      put(t.id, {
        ...d,
        text: result.text,
        selectionStart: result.selectionStart,
        selectionEnd: result.selectionEnd,
        idempotencyKey: textChanged ? null : d.idempotencyKey,
        cannedIds: result.cannedId === undefined ? d.cannedIds : [...d.cannedIds, result.cannedId],
      });
      requestSelection(t.id, result.selectionStart, result.selectionEnd);
      return true;
    },

    async replySendRequested() {
      const t = get().shownSummary();
      if (!t) return;
      const threadId = t.id;
      const d = draftOf(threadId);
      if (sendBlockers(d, lengthRuleOf(t, shownDetail())).length > 0) {
        if (d.text === '' && Date.now() - (sentAt.get(threadId) ?? 0) < DOUBLE_PRESS_MS) return;
        put(threadId, { ...d, attempted: true });
        return;
      }
      if (get().sending[threadId]) return;
      // Someone else answered meanwhile (asks for a second press), or the window has closed.
      if (get().sendGuarded(threadId, shownDetail())) return;
      const idempotencyKey = d.idempotencyKey ?? crypto.randomUUID();
      put(threadId, { ...d, idempotencyKey, attempted: true, sendError: null });
      set((s) => ({ sending: { ...s.sending, [threadId]: true } }));
      try {
        const message = await call('reply.send', { threadId, text: d.text, idempotencyKey, cannedIds: d.cannedIds });
        sentAt.set(threadId, Date.now());
        // Typing may have gone on while it was sending: only the draft that was sent is cleared.
        if (get().drafts[threadId]?.idempotencyKey === idempotencyKey) {
          set((s) => {
            const drafts = { ...s.drafts };
            delete drafts[threadId];
            return { drafts };
          });
        }
        get().messageAdded(message);
      } catch (err) {
        const cur = draftOf(threadId);
        put(threadId, { ...cur, sendError: errorText(err) });
        get().toastShown(`Not sent: ${errorText(err)}`, 'error');
      } finally {
        set((s) => {
          const sending = { ...s.sending };
          delete sending[threadId];
          return { sending };
        });
      }
    },
  };
};
