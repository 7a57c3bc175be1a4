/**
 * Crisis mode as the server sees it (`crisis.status` at start, then `crisis.changed`): the
 * banner reads it, the inbox groups its spike at the top, the canned list is re-read (the
 * crisis set comes first), and bulk actions ask before they run.
 */
import type { CrisisStatus } from '../../../preload/contract';
import { call, errorText } from '../care';
import { focusRegion } from '../lib/focus';
import { selectIndex, withSpike } from './inboxModel';
import type { Slice } from './types';

export interface CrisisSlice {
  crisis: CrisisStatus | null;
  crisisStarted(): Promise<void>;
  crisisChanged(status: CrisisStatus): void;
  /** The agent switches it on or off (palette). */
  crisisSwitched(on: boolean): Promise<void>;
  /** The banner's key: the inbox, its spike group, the first thread of it. */
  spikeShown(): Promise<void>;
}

const sameIds = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export const createCrisisSlice: Slice<CrisisSlice> = (set, get) => ({
  crisis: null,

  async crisisStarted() {
    try {
      get().crisisChanged(await call('crisis.status', {}));
    } catch (err) {
      get().toastShown(`Could not read crisis mode: ${errorText(err)}`, 'error');
    }
  },

  crisisChanged(status) {
    const before = get().crisis;
    const spike = status.active ? status.spikeThreadIds : [];
    set((s) => ({ crisis: status, inbox: sameIds(s.inbox.spike, spike) ? s.inbox : withSpike(s.inbox, spike) }));
    // The server lists the crisis set of canned responses first while it is on.
    if ((before?.active ?? false) !== status.active) void get().cannedLoaded();
  },

  async crisisSwitched(on) {
    try {
      const status = await call('crisis.set', { on });
      get().crisisChanged(status);
      get().toastShown(
        on ? 'Crisis mode is on.' : status.active ? 'Switched off by hand, but the spike is still detected: crisis mode stays on until it calms down.' : 'Crisis mode is off.',
      );
    } catch (err) {
      get().toastShown(`Could not switch crisis mode: ${errorText(err)}`, 'error');
    }
  },

  async spikeShown() {
    const s = get();
    if (s.searchOpen) s.searchClosed();
    if (s.view !== 'inbox') s.viewChosen('inbox');
    if (s.inbox.filter === 'resolved') await s.filterChosen('open');
    const list = get().inbox;
    if (list.pinned === 0) {
      s.toastShown(s.crisis?.active ? 'No thread of the spike is in this list right now.' : 'Crisis mode is off: there is no spike to show.');
      focusRegion('inbox');
      return;
    }
    const before = list.selectedId;
    set({ inbox: selectIndex(list, 0) });
    const id = get().inbox.selectedId;
    if (id !== null && id !== before) get().threadShown(id);
    focusRegion('inbox');
  },
});
