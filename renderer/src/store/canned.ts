/**
 * Canned responses: the list (from SQLite), the picker overlay's query and cursor, and the
 * manager view's selection, editor and delete confirmation.
 */
import type { CannedResponse } from '../../../preload/contract';
import { call, errorText } from '../care';
import { currentRegion, focusRegion } from '../lib/focus';
import { keyLabels } from '../commands/keys';
import { PLATFORM } from '../lib/platform';
import { searchCanned } from './cannedSearch';
import type { Slice } from './types';

export interface CannedEditor {
  id: number | null;
  title: string;
  shortcut: string;
  body: string;
  /** Kept as it was: saving must not drop a response out of the crisis set. */
  crisis: boolean;
  error: string | null;
  saving: boolean;
}

export interface CannedSlice {
  canned: CannedResponse[];
  cannedState: 'loading' | 'ready' | 'error';
  pickerQuery: string;
  pickerIndex: number;
  managerSelectedId: number | null;
  editor: CannedEditor | null;
  cannedLoaded(): Promise<void>;
  pickerOpened(): void;
  pickerTyped(query: string): void;
  pickerMoved(delta: number): void;
  pickerChosen(index?: number): void;
  managerMoved(delta: number): void;
  managerChosen(id: number): void;
  editorOpened(id: number | null): void;
  editorEdited(patch: Partial<Pick<CannedEditor, 'title' | 'shortcut' | 'body' | 'crisis'>>): void;
  editorClosed(): void;
  /** Esc in the editor: closes it, but asks for a second Esc before dropping unsaved edits. */
  editorEscaped(): void;
  editorSaveRequested(): Promise<void>;
  deleteRequested(): void;
  deleteConfirmed(): Promise<void>;
}

export function pickerResults(s: { canned: CannedResponse[]; pickerQuery: string }): CannedResponse[] {
  return searchCanned(s.canned, s.pickerQuery);
}

const DISCARD_CONFIRM_MS = 3000;

export const createCannedSlice: Slice<CannedSlice> = (set, get) => {
  let discardArmedAt = 0;
  const dirty = (e: CannedEditor) => {
    const c = e.id === null ? undefined : get().canned.find((x) => x.id === e.id);
    const original = c ?? { title: '', shortcut: '', body: '', crisis: false };
    return e.title !== original.title || e.shortcut !== original.shortcut || e.body !== original.body || e.crisis !== original.crisis;
  };
  return {
  canned: [],
  cannedState: 'loading',
  pickerQuery: '',
  pickerIndex: 0,
  managerSelectedId: null,
  editor: null,

  async cannedLoaded() {
    try {
      const canned = await call('canned.list', {});
      set((s) => ({
        canned,
        cannedState: 'ready',
        managerSelectedId: canned.some((c) => c.id === s.managerSelectedId) ? s.managerSelectedId : (canned[0]?.id ?? null),
      }));
    } catch (err) {
      set({ cannedState: 'error' });
      get().toastShown(`Could not load canned responses: ${errorText(err)}`, 'error');
    }
  },

  pickerOpened() {
    if (!get().shownSummary()) {
      get().toastShown('Select a thread first: a canned response goes into its reply.', 'error');
      return;
    }
    set({ pickerQuery: '', pickerIndex: 0 });
    get().overlayOpened('canned-picker', currentRegion() ?? 'inbox');
    void get().cannedLoaded();
  },

  pickerTyped(pickerQuery) {
    set({ pickerQuery, pickerIndex: 0 });
  },

  pickerMoved(delta) {
    const n = pickerResults(get()).length;
    if (n === 0) return;
    set((s) => ({ pickerIndex: (s.pickerIndex + delta + n) % n }));
  },

  pickerChosen(index) {
    const chosen = pickerResults(get())[index ?? get().pickerIndex];
    if (!chosen) return;
    set({ overlay: null, overlayReturn: null });
    get().cannedInserted(chosen);
  },

  managerMoved(delta) {
    const { canned, managerSelectedId } = get();
    if (canned.length === 0) return;
    const i = canned.findIndex((c) => c.id === managerSelectedId);
    const next = canned[Math.max(0, Math.min(canned.length - 1, (i < 0 ? 0 : i) + delta))];
    set({ managerSelectedId: next?.id ?? null });
  },

  managerChosen(id) {
    set({ managerSelectedId: id });
  },

  editorOpened(id) {
    const c = id === null ? undefined : get().canned.find((x) => x.id === id);
    set({
      editor: c
        ? { id: c.id, title: c.title, shortcut: c.shortcut, body: c.body, crisis: c.crisis, error: null, saving: false }
        : { id: null, title: '', shortcut: '', body: '', crisis: false, error: null, saving: false },
    });
    focusRegion('canned-form');
  },

  editorEdited(patch) {
    const e = get().editor;
    if (e) set({ editor: { ...e, ...patch } });
  },

  editorClosed() {
    set({ editor: null });
    focusRegion('canned-list');
  },

  editorEscaped() {
    const e = get().editor;
    if (!e) return;
    if (dirty(e) && Date.now() - discardArmedAt > DISCARD_CONFIRM_MS) {
      discardArmedAt = Date.now();
      get().toastShown(`Unsaved changes: press Esc again to discard them, or ${keyLabels('Mod+Enter', PLATFORM)[0]!.join('+')} to save.`);
      return;
    }
    discardArmedAt = 0;
    get().editorClosed();
  },

  async editorSaveRequested() {
    const e = get().editor;
    if (!e || e.saving) return;
    set({ editor: { ...e, saving: true, error: null } });
    try {
      const saved = await call('canned.save', { ...(e.id === null ? {} : { id: e.id }), title: e.title, shortcut: e.shortcut, body: e.body, crisis: e.crisis });
      await get().cannedLoaded();
      set({ editor: null, managerSelectedId: saved.id });
      get().toastShown(`Saved “${saved.title}”.`);
      focusRegion('canned-list');
    } catch (err) {
      const cur = get().editor;
      if (cur) set({ editor: { ...cur, saving: false, error: errorText(err) } });
    }
  },

  deleteRequested() {
    if (get().managerSelectedId === null) return;
    get().overlayOpened('confirm-delete', 'canned-list');
  },

  async deleteConfirmed() {
    const id = get().managerSelectedId;
    const c = get().canned.find((x) => x.id === id);
    get().overlayClosed('canned-list');
    if (!c) return;
    try {
      await call('canned.delete', { id: c.id });
      const i = get().canned.findIndex((x) => x.id === c.id);
      const rest = get().canned.filter((x) => x.id !== c.id);
      set({ canned: rest, managerSelectedId: (rest[Math.min(i, rest.length - 1)] ?? null)?.id ?? null });
      get().toastShown(`Deleted “${c.title}”.`);
    } catch (err) {
      get().toastShown(`Could not delete: ${errorText(err)}`, 'error');
    }
  },
};
};
