/**
 * One customer across networks (`customers.get`): the customer pane's VIP flag and note, and
 * the profile overlay (`c`) with its identities, link suggestions and the timeline of every
 * thread. Profiles are kept by customer id and re-read when their threads change.
 */
import type { CustomerProfile, Identity, TimelineEntry } from '../../../preload/contract';
import { NETWORK_RULES } from '../../../preload/shared/length';
import { call, errorText } from '../care';
import { currentRegion } from '../lib/focus';
import { selectId } from './inboxModel';
import type { Slice } from './types';

export type ProfileRow =
  | { kind: 'identity'; identity: Identity }
  | { kind: 'suggestion'; customerId: number; displayName: string; handle: string; network: Identity['network']; reason: string }
  | { kind: 'entry'; entry: TimelineEntry };

export interface CustomerSlice {
  customerProfiles: Record<number, CustomerProfile>;
  /** The customer whose profile overlay is open. */
  profileCustomerId: number | null;
  profileIndex: number;
  profileBusy: boolean;
  /** Reads a profile unless it is there already (or `fresh`). */
  profileWanted(customerId: number, fresh?: boolean): Promise<void>;
  profileOpened(): void;
  profileMoved(delta: number): void;
  profileRowChosen(index?: number): Promise<void>;
  /** Delete on an identity row: splits it off (undoes a wrong link). */
  identityUnlinkRequested(index?: number): Promise<void>;
  vipToggled(customerId?: number): Promise<void>;
  customerNoteSaved(note: string, customerId?: number): Promise<void>;
  /** Threads changed: profiles that show them are re-read. */
  profilesTouched(threadIds: number[]): void;
}

/**
 * The rows j/k move through, in reading order: the identities (when there is more than one,
 * so one can be unlinked), the suggestions, then the timeline.
 */
export function profileRows(p: CustomerProfile): ProfileRow[] {
  const ids: ProfileRow[] = p.identities.length > 1 ? p.identities.map((identity) => ({ kind: 'identity', identity })) : [];
  return [...ids, ...p.suggestions.map((s): ProfileRow => ({ kind: 'suggestion', ...s })), ...p.timeline.map((entry): ProfileRow => ({ kind: 'entry', entry }))];
}

export const createCustomerSlice: Slice<CustomerSlice> = (set, get) => {
  const inFlight = new Map<number, Promise<void>>();

  const keep = (p: CustomerProfile, replaces?: number) =>
    set((s) => {
      const customerProfiles = { ...s.customerProfiles, [p.id]: p };
      if (replaces !== undefined && replaces !== p.id) delete customerProfiles[replaces];
      return { customerProfiles };
    });

  const openProfile = () => {
    const id = get().profileCustomerId;
    return id === null ? null : (get().customerProfiles[id] ?? null);
  };

  return {
    customerProfiles: {},
    profileCustomerId: null,
    profileIndex: 0,
    profileBusy: false,

    profileWanted(customerId, fresh = false) {
      if (!fresh && get().customerProfiles[customerId]) return Promise.resolve();
      const running = inFlight.get(customerId);
      if (running && !fresh) return running;
      const p = (async () => {
        try {
          const p = await call('customers.get', { customerId });
          keep(p);
          // Asked by an old id (linked into another customer since): follow the one that answered.
          if (p.id !== customerId && get().profileCustomerId === customerId) set({ profileCustomerId: p.id });
        } catch (err) {
          // A customer linked into another one is gone: forget it quietly; the pane re-asks.
          set((s) => {
            const customerProfiles = { ...s.customerProfiles };
            delete customerProfiles[customerId];
            return { customerProfiles };
          });
          if (get().profileCustomerId === customerId) get().toastShown(`Could not read the customer: ${errorText(err)}`, 'error');
        } finally {
          inFlight.delete(customerId);
        }
      })();
      inFlight.set(customerId, p);
      return p;
    },

    profileOpened() {
      const s = get();
      const t = s.shownSummary();
      if (!t) {
        s.toastShown('Select a thread first: its customer’s profile opens.', 'error');
        return;
      }
      const customerId = s.detail?.thread.id === t.id ? s.detail.customer.id : t.customerId;
      set({ profileCustomerId: customerId, profileIndex: 0, profileBusy: false });
      s.overlayOpened('customer', currentRegion() ?? 'inbox');
      void s.profileWanted(customerId, true);
    },

    profileMoved(delta) {
      const p = openProfile();
      if (!p) return;
      const n = profileRows(p).length;
      if (n === 0) return;
      set((s) => ({ profileIndex: Math.max(0, Math.min(n - 1, s.profileIndex + delta)) }));
    },

    async profileRowChosen(index) {
      const s = get();
      const p = openProfile();
      if (!p || s.profileBusy) return;
      const row = profileRows(p)[index ?? s.profileIndex];
      if (!row) return;
      if (row.kind === 'entry') {
        const threadId = row.entry.threadId;
        set({ profileCustomerId: null });
        s.overlayClosed('thread');
        // In the list on screen: select it there. Elsewhere: show it on its own, as search does.
        if (s.inbox.ids.includes(threadId)) {
          set((st) => ({ inbox: selectId(st.inbox, threadId) }));
          get().threadShown(threadId, true);
        } else {
          get().threadShown(threadId, true);
        }
        get().threadOpened('thread');
        return;
      }
      if (row.kind === 'suggestion') {
        set({ profileBusy: true });
        try {
          const merged = await call('customers.link', { customerId: p.id, otherCustomerId: row.customerId });
          keep(merged, row.customerId);
          set({ profileBusy: false });
          s.toastShown(`Linked ${row.displayName} on ${NETWORK_RULES[row.network].label} to ${p.displayName}: one customer, one timeline.`);
        } catch (err) {
          set({ profileBusy: false });
          s.toastShown(`Could not link: ${errorText(err)}`, 'error');
        }
        return;
      }
      s.toastShown('Press Delete to unlink this identity into a customer of its own.');
    },

    async identityUnlinkRequested(index) {
      const s = get();
      const p = openProfile();
      if (!p || s.profileBusy) return;
      const row = profileRows(p)[index ?? s.profileIndex];
      if (row?.kind !== 'identity') return;
      set({ profileBusy: true });
      try {
        const rest = await call('customers.unlink', { identityId: row.identity.id });
        keep(rest);
        set((st) => ({ profileBusy: false, profileIndex: Math.min(st.profileIndex, Math.max(0, profileRows(rest).length - 1)) }));
        s.toastShown(`Unlinked ${row.identity.handle} (${NETWORK_RULES[row.identity.network].label}): it is a customer of its own again.`);
      } catch (err) {
        set({ profileBusy: false });
        s.toastShown(`Could not unlink: ${errorText(err)}`, 'error');
      }
    },

    async vipToggled(customerId) {
      const s = get();
      const id = customerId ?? s.profileCustomerId;
      const p = id === null ? null : s.customerProfiles[id];
      if (!p) return;
      try {
        keep({ ...p, vip: !p.vip });
        keep(await call('customers.update', { customerId: p.id, vip: !p.vip }));
        s.toastShown(p.vip ? `${p.displayName} is no longer marked VIP.` : `${p.displayName} is marked VIP.`);
      } catch (err) {
        keep(p);
        s.toastShown(`Could not change VIP: ${errorText(err)}`, 'error');
      }
    },

    async customerNoteSaved(note, customerId) {
      const s = get();
      const id = customerId ?? s.profileCustomerId;
      const p = id === null ? null : s.customerProfiles[id];
      if (!p || p.note === note) return;
      try {
        keep({ ...p, note });
        keep(await call('customers.update', { customerId: p.id, note }));
        s.toastShown(`Saved the note on ${p.displayName}.`);
      } catch (err) {
        keep(p);
        s.toastShown(`Could not save the note: ${errorText(err)}`, 'error');
      }
    },

    profilesTouched(threadIds) {
      const touched = new Set(threadIds);
      const s = get();
      // On screen (the profile overlay, the customer pane): read again. Elsewhere: forget, read when shown.
      const onScreen = new Set([s.profileCustomerId, s.detail?.customer.id]);
      const stale = Object.values(s.customerProfiles).filter((p) => threadIds.length === 0 || p.threads.some((t) => touched.has(t.id)));
      if (stale.length === 0) return;
      set((st) => {
        const customerProfiles = { ...st.customerProfiles };
        for (const p of stale) if (!onScreen.has(p.id)) delete customerProfiles[p.id];
        return { customerProfiles };
      });
      for (const p of stale) if (onScreen.has(p.id)) void get().profileWanted(p.id, true);
    },
  };
};
