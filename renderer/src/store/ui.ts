/** Which view and overlay are up, toasts, and the "g…" hint of a key sequence in progress. */
import { focusRegion, type Region } from '../lib/focus';
import type { Slice } from './types';
import type { WorkflowOverlay } from './workflow';

export type View = 'inbox' | 'canned' | 'settings' | 'reports' | 'accounts';
export type Overlay = 'palette' | 'cheatsheet' | 'canned-picker' | 'confirm-delete' | WorkflowOverlay | 'search-filter' | 'save-search' | 'confirm-disconnect' | 'canned-import';

export interface Toast {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

export interface UiSlice {
  view: View;
  overlay: Overlay | null;
  /** Where focus goes back to when the overlay closes. */
  overlayReturn: Region | null;
  toasts: Toast[];
  pendingKey: string | null;
  /** The palette's offer, fixed when it opened: commands usable where the agent was. */
  paletteIds: string[];
  paletteQuery: string;
  paletteIndex: number;
  viewChosen(view: View): void;
  overlayOpened(overlay: Overlay, from: Region | null): void;
  /** Closes the overlay; focus goes to `focusTo`, else back where it was. */
  overlayClosed(focusTo?: Region): void;
  toastShown(text: string, kind?: Toast['kind']): void;
  toastDismissed(id: number): void;
  keyPending(key: string | null): void;
  paletteOpened(ids: string[], from: Region | null): void;
  paletteTyped(query: string): void;
  paletteMoved(delta: number, count: number): void;
}

const TOAST_MS = { info: 5000, error: 9000 };
const MAX_TOASTS = 4;

export const createUiSlice: Slice<UiSlice> = (set, get) => {
  let nextToast = 1;
  return {
    view: 'inbox',
    overlay: null,
    overlayReturn: null,
    toasts: [],
    pendingKey: null,
    paletteIds: [],
    paletteQuery: '',
    paletteIndex: 0,

    viewChosen(view) {
      set({ view, overlay: null });
      focusRegion(view === 'inbox' ? 'inbox' : view === 'canned' ? 'canned-list' : view === 'reports' ? 'reports' : view === 'accounts' ? 'accounts' : 'settings');
    },

    overlayOpened(overlay, from) {
      set((s) => ({ overlay, overlayReturn: s.overlay ? s.overlayReturn : from }));
    },

    overlayClosed(focusTo) {
      const back = focusTo ?? get().overlayReturn ?? (get().view === 'inbox' ? 'inbox' : null);
      set({ overlay: null, overlayReturn: null });
      if (back) focusRegion(back);
    },

    toastShown(text, kind = 'info') {
      const id = nextToast++;
      set((s) => ({ toasts: [...s.toasts, { id, kind, text }].slice(-MAX_TOASTS) }));
      setTimeout(() => get().toastDismissed(id), TOAST_MS[kind]);
    },

    toastDismissed(id) {
      if (get().toasts.some((t) => t.id === id)) set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
    },

    keyPending(key) {
      set({ pendingKey: key });
    },

    paletteOpened(ids, from) {
      set({ paletteIds: ids, paletteQuery: '', paletteIndex: 0 });
      get().overlayOpened('palette', from);
    },

    paletteTyped(paletteQuery) {
      set({ paletteQuery, paletteIndex: 0 });
    },

    paletteMoved(delta, count) {
      if (count > 0) set((s) => ({ paletteIndex: (s.paletteIndex + delta + count) % count }));
    },
  };
};
