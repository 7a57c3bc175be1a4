/**
 * The care workflow on one thread or a bulk selection: pending, snooze, hand to a colleague or
 * queue, labels, private notes; and the composer's guard (someone else already answered, or
 * the channel's window has closed). The pickers share one query, cursor and target list: they
 * are never open together.
 */
import type { Assignee, Label, ThreadDetail, ThreadSummary } from '../../../preload/contract';
import { call, errorText } from '../care';
import { windowText } from '../lib/clocks';
import { currentRegion, focusRegion } from '../lib/focus';
import { formatWhen } from '../lib/when';
import { assignOptions, labelOptions, snoozeOptions } from './triageOptions';
import type { Slice, State } from './types';

export type WorkflowOverlay = 'snooze' | 'assign' | 'label' | 'note' | 'confirm-bulk' | 'customer';

export interface WorkflowSlice {
  workflowLabels: Label[];
  workflowAssignees: Assignee[];
  /** Threads the open picker acts on: the thread on screen, or the bulk selection. */
  triageTargets: number[];
  triageBulk: boolean;
  triageQuery: string;
  triageIndex: number;
  /** The assign picker's optional private note. */
  triageNote: string;
  triageBusy: boolean;
  /** Mod+Enter was pressed once on a thread someone else answered: the next press sends. */
  sendConfirmArmed: { threadId: number; at: number } | null;
  workflowListsLoaded(): Promise<void>;
  snoozeOpened(): void;
  assignOpened(): void;
  labelOpened(): void;
  noteOpened(): void;
  triageTyped(query: string): void;
  triageMoved(delta: number): void;
  triageNoteTyped(note: string): void;
  /** Enter in a picker: does what the highlighted option says. */
  triageChosen(index?: number): Promise<void>;
  snoozeChosen(at: number): Promise<void>;
  assigneeChosen(name: string | null): Promise<void>;
  labelToggled(choice: { name: string; labelId: number | null; on: boolean }): Promise<void>;
  noteSaved(text: string): Promise<void>;
  /** `p`: waiting on the customer; pressed on a pending thread, reopens it. */
  pendingToggled(): Promise<void>;
  /** Called by send: true when the send must wait (collision not confirmed, window closed). */
  sendGuarded(threadId: number, detail: ThreadDetail | null): boolean;
}

/** The second Mod+Enter must come soon after the first, or it asks again. */
export const SEND_CONFIRM_MS = 8000;

/** What Enter would do in the open picker, for its list and for the command. */
export function triageOptionCount(s: State, now = Date.now()): number {
  switch (s.overlay) {
    case 'snooze':
      return snoozeOptions(s.triageQuery, now).length;
    case 'assign':
      return assignOptions(s.workflowAssignees, s.triageQuery, targetAssignee(s), s.triageBulk).length;
    case 'label':
      return labelOptions(s.workflowLabels, s.triageQuery, targetLabelIds(s)).length;
    default:
      return 0;
  }
}

/** The single target's summary (from the list, or the thread on screen). */
export function targetSummary(s: State): ThreadSummary | null {
  if (s.triageBulk || s.triageTargets.length !== 1) return null;
  const id = s.triageTargets[0]!;
  return s.inbox.byId[id] ?? (s.detail?.thread.id === id ? s.detail.thread : null);
}

export function targetAssignee(s: State): string | null {
  return targetSummary(s)?.assignee ?? null;
}

export function targetLabelIds(s: State): number[] {
  return targetSummary(s)?.labels.map((l) => l.id) ?? [];
}

export const createWorkflowSlice: Slice<WorkflowSlice> = (set, get) => {
  /** Opens a picker on the bulk selection if there is one, else on the thread on screen. */
  const openPicker = (overlay: WorkflowOverlay, needs: string): boolean => {
    const s = get();
    const bulk = s.bulkIds.length > 0 && overlay !== 'note';
    const shown = s.shownSummary();
    if (!bulk && !shown) {
      s.toastShown(`Select a thread first: ${needs}.`, 'error');
      return false;
    }
    set({ triageTargets: bulk ? s.bulkIds.slice() : [shown!.id], triageBulk: bulk, triageQuery: '', triageIndex: 0, triageNote: '', triageBusy: false });
    s.overlayOpened(overlay, currentRegion() ?? 'inbox');
    return true;
  };

  const single = (): ThreadSummary | null => targetSummary(get());

  /** After a picker's work: close it, focus back where the agent was. */
  const done = () => {
    if (get().overlay) get().overlayClosed();
  };

  const updated = (t: ThreadSummary) => {
    get().threadSummaryUpdated(t);
    // The detail (header, timeline) follows through the server's threads.changed.
    const d = get().detail;
    if (d && d.thread.id === t.id) set({ detail: { ...d, thread: t } });
  };

  return {
    workflowLabels: [],
    workflowAssignees: [],
    triageTargets: [],
    triageBulk: false,
    triageQuery: '',
    triageIndex: 0,
    triageNote: '',
    triageBusy: false,
    sendConfirmArmed: null,

    async workflowListsLoaded() {
      try {
        const [labels, assignees] = await Promise.all([call('labels.list', {}), call('assignees.list', {})]);
        set({ workflowLabels: labels, workflowAssignees: assignees });
      } catch (err) {
        get().toastShown(`Could not read labels and colleagues: ${errorText(err)}`, 'error');
      }
    },

    snoozeOpened() {
      openPicker('snooze', 'snoozing puts it away until the time you choose');
    },

    assignOpened() {
      if (openPicker('assign', 'it is handed to a colleague or a queue')) void get().workflowListsLoaded();
    },

    labelOpened() {
      if (openPicker('label', 'labels go on a thread')) void get().workflowListsLoaded();
    },

    noteOpened() {
      openPicker('note', 'a private note belongs to a thread');
    },

    triageTyped(triageQuery) {
      set({ triageQuery, triageIndex: 0 });
    },

    triageMoved(delta) {
      const n = triageOptionCount(get());
      if (n > 0) set((s) => ({ triageIndex: (s.triageIndex + delta + n) % n }));
    },

    triageNoteTyped(triageNote) {
      set({ triageNote });
    },

    async triageChosen(index) {
      const s = get();
      const i = index ?? s.triageIndex;
      if (s.overlay === 'snooze') {
        const o = snoozeOptions(s.triageQuery, Date.now())[i];
        if (o) await s.snoozeChosen(o.at);
        else if (s.triageQuery.trim()) s.toastShown(`Couldn’t read “${s.triageQuery.trim()}” as a time. Try “in 3 hours”, “tomorrow 9:00” or “monday”.`, 'error');
      } else if (s.overlay === 'assign') {
        const o = assignOptions(s.workflowAssignees, s.triageQuery, targetAssignee(s), s.triageBulk)[i];
        if (o) await s.assigneeChosen(o.kind === 'take-back' ? null : o.name);
      } else if (s.overlay === 'label') {
        const o = labelOptions(s.workflowLabels, s.triageQuery, targetLabelIds(s))[i];
        if (!o) return;
        await s.labelToggled(o.kind === 'create' ? { name: o.name, labelId: null, on: false } : { name: o.label.name, labelId: o.label.id, on: o.on });
      }
    },

    async snoozeChosen(at) {
      const s = get();
      if (s.triageBulk) {
        done();
        await s.bulkRequested({ kind: 'snooze', until: at }, `Snoozed {n} until ${formatWhen(at, Date.now())}`);
        return;
      }
      const t = single();
      done();
      if (t) await s.statusChosen(t, 'snoozed', `Snoozed {name} until ${formatWhen(at, Date.now())}`, at);
    },

    async assigneeChosen(name) {
      const s = get();
      if (s.triageBusy) return;
      if (s.triageBulk) {
        done();
        await s.bulkRequested({ kind: 'assign', assignee: name }, name ? `Handed {n} to ${name}` : 'Took back {n}');
        return;
      }
      const t = single();
      if (!t) return done();
      const note = s.triageNote.trim();
      set({ triageBusy: true });
      try {
        const next = await call('threads.assign', { threadId: t.id, assignee: name, ...(note ? { note } : {}) });
        updated(next);
        done();
        s.toastShown(name ? `Handed ${t.customerName} to ${name}${note ? ' with a note' : ''}.` : `Took ${t.customerName} back${t.assignee ? ` from ${t.assignee}` : ''}.`);
        if (name && !s.workflowAssignees.some((a) => a.name.toLocaleLowerCase() === name.toLocaleLowerCase())) void s.workflowListsLoaded();
      } catch (err) {
        set({ triageBusy: false });
        s.toastShown(`Could not hand it over: ${errorText(err)}`, 'error');
      }
    },

    async labelToggled({ name, labelId, on }) {
      const s = get();
      if (s.triageBusy) return;
      if (s.triageBulk) {
        done();
        await s.bulkRequested({ kind: 'label', name }, `Labelled {n} “${name}”`);
        return;
      }
      const t = single();
      if (!t) return done();
      set({ triageBusy: true });
      try {
        const next = await call('threads.label', on && labelId !== null ? { threadId: t.id, remove: [labelId] } : { threadId: t.id, add: [name] });
        updated(next);
        // Stays open: several labels in a row is common. A new label joins the list.
        set({ triageBusy: false, triageQuery: '', triageIndex: 0 });
        if (labelId === null) await s.workflowListsLoaded();
        s.toastShown(on ? `Removed “${name}” from ${t.customerName}.` : `Labelled ${t.customerName} “${name}”.`);
      } catch (err) {
        set({ triageBusy: false });
        s.toastShown(`Could not change the labels: ${errorText(err)}`, 'error');
      }
    },

    async noteSaved(text) {
      const s = get();
      const t = single();
      const body = text.trim();
      if (!t || s.triageBusy) return;
      if (!body) {
        s.toastShown('The note is empty: write something, or Esc to close.', 'error');
        return;
      }
      set({ triageBusy: true });
      try {
        const note = await call('notes.add', { threadId: t.id, text: body });
        const d = get().detail;
        if (d && d.thread.id === t.id && !d.notes.some((n) => n.id === note.id)) set({ detail: { ...d, notes: [...d.notes, note] } });
        set({ triageBusy: false });
        get().overlayClosed('thread');
        s.toastShown(`Private note added to ${t.customerName}’s thread (never sent).`);
      } catch (err) {
        set({ triageBusy: false });
        s.toastShown(`Could not add the note: ${errorText(err)}`, 'error');
      }
    },

    async pendingToggled() {
      const s = get();
      if (s.bulkIds.length > 0) {
        await s.bulkRequested({ kind: 'status', status: 'pending' }, 'Marked {n} pending');
        return;
      }
      const t = s.shownSummary();
      if (!t) return;
      if (t.status === 'pending') await s.statusChosen(t, 'open', 'Reopened');
      else await s.statusChosen(t, 'pending', 'Marked {name} pending (waiting on the customer)');
    },

    sendGuarded(threadId, detail) {
      if (!detail || detail.thread.id !== threadId) return false;
      const s = get();
      if (detail.replyWindow && windowText(detail.replyWindow, Date.now()).phase === 'closed') {
        s.toastShown('Not sent: the channel’s messaging window has closed, it no longer accepts replies in this conversation.', 'error');
        return true;
      }
      if (!detail.answeredElsewhere) return false;
      const armed = s.sendConfirmArmed;
      if (armed && armed.threadId === threadId && Date.now() - armed.at < SEND_CONFIRM_MS) {
        set({ sendConfirmArmed: null });
        return false;
      }
      const at = Date.now();
      set({ sendConfirmArmed: { threadId, at } });
      setTimeout(() => {
        if (get().sendConfirmArmed?.at === at) set({ sendConfirmArmed: null });
      }, SEND_CONFIRM_MS);
      // The composer's notice (role="alert") now asks for the second press.
      focusRegion('composer');
      return true;
    },
  };
};
