/** The one store, built from one slice per feature (STYLE.md). */
import { createStore, useStore as useZustandStore, type StoreApi } from 'zustand';
import { createCannedSlice } from './canned';
import { createComposerSlice } from './composer';
import { createInboxSlice } from './inbox';
import { createReviewSlices } from './review';
import { createSearchSlice } from './search';
import { createSettingsSlice } from './settings';
import { createThreadSlice } from './thread';
import type { State } from './types';
import { createUiSlice } from './ui';
import { createWorkflowSlices } from './workflowSlices';

export type { State } from './types';

export function createAppStore(): StoreApi<State> {
  return createStore<State>()((...a) => ({
    ...createUiSlice(...a),
    ...createInboxSlice(...a),
    ...createThreadSlice(...a),
    ...createComposerSlice(...a),
    ...createCannedSlice(...a),
    ...createSearchSlice(...a),
    ...createReviewSlices(...a),
    ...createSettingsSlice(...a),
    ...createWorkflowSlices(...a),
  }));
}

export const store = createAppStore();

/** One field per call (or `useShallow` for several), so a component re-renders only for its data. */
export function useStore<T>(selector: (s: State) => T): T {
  return useZustandStore(store, selector);
}
