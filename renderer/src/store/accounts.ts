/**
 * The accounts view: which account is selected, what is in flight for each (poll, disconnect,
 * webhook), and the connect form's non-secret state. Secrets (tokens, app passwords) live only
 * in the form's own fields until it is submitted; they never enter this store, and the answer
 * (`AccountSummary`) never carries them back.
 */
import type { AccountSummary, Channel, ChannelSetupInfo } from '../../../preload/contract';
import { call, errorText } from '../care';
import { focusRegion } from '../lib/focus';
import type { Slice } from './types';

export interface ConnectForm {
  /** Null while the agent is still choosing a channel. */
  channel: Channel | null;
  /** Reconnecting this account (new credentials) instead of adding one. */
  accountId: number | null;
  error: string | null;
  busy: boolean;
}

export type AccountWork = 'poll' | 'disconnect' | 'webhook';

export interface AccountsSlice {
  channels: ChannelSetupInfo[];
  channelsState: 'idle' | 'loading' | 'ready' | 'error';
  accountsSelectedId: number | null;
  accountWork: Record<number, AccountWork>;
  connectForm: ConnectForm | null;
  channelIndex: number;
  accountsOpened(): void;
  channelsLoaded(): Promise<void>;
  accountsMoved(delta: number): void;
  accountSelected(id: number): void;
  accountUpdated(a: AccountSummary): void;
  accountPollRequested(id?: number): Promise<void>;
  accountDisconnectRequested(id?: number): void;
  accountDisconnectConfirmed(): Promise<void>;
  accountWebhookRemovalRequested(id?: number): Promise<void>;
  accountReconnectRequested(id?: number): void;
  connectFormOpened(): void;
  connectChannelMoved(delta: number): void;
  connectChannelChosen(channel: Channel): void;
  /** Back to the channel list from a channel's fields (only when adding, not reconnecting). */
  connectChannelCleared(): void;
  /** Sends the typed fields; resolves to true when connected. The caller forgets the secrets either way. */
  connectSubmitted(fields: Record<string, string>): Promise<boolean>;
  connectFormClosed(): void;
}

/** What to call an account's state, in words. */
export const ACCOUNT_STATE_LABEL: Record<AccountSummary['state'], string> = {
  active: 'Active',
  paused: 'Paused',
  needs_reauth: 'Needs signing in again',
};

export const createAccountsSlice: Slice<AccountsSlice> = (set, get) => {
  const selected = (id?: number) => get().accounts.find((a) => a.id === (id ?? get().accountsSelectedId)) ?? null;
  const busy = (id: number, work: AccountWork | null) =>
    set((s) => {
      const next = { ...s.accountWork };
      if (work) next[id] = work;
      else delete next[id];
      return { accountWork: next };
    });

  return {
    channels: [],
    channelsState: 'idle',
    accountsSelectedId: null,
    accountWork: {},
    connectForm: null,
    channelIndex: 0,

    accountsOpened() {
      get().viewChosen('accounts');
      if (get().accountsSelectedId === null) set({ accountsSelectedId: get().accounts[0]?.id ?? null });
      void get()
        .accountsLoaded()
        .then(() => {
          const s = get();
          if (!s.accounts.some((a) => a.id === s.accountsSelectedId)) set({ accountsSelectedId: s.accounts[0]?.id ?? null });
        });
      void get().channelsLoaded();
    },

    async channelsLoaded() {
      if (get().channelsState === 'ready') return;
      set({ channelsState: 'loading' });
      try {
        set({ channels: await call('channels.list', {}), channelsState: 'ready' });
      } catch (err) {
        set({ channelsState: 'error' });
        get().toastShown(`Could not list the channels: ${errorText(err)}`, 'error');
      }
    },

    accountsMoved(delta) {
      const list = get().accounts;
      if (list.length === 0) return;
      const i = list.findIndex((a) => a.id === get().accountsSelectedId);
      const next = list[Math.max(0, Math.min(list.length - 1, (i < 0 ? 0 : i) + delta))];
      set({ accountsSelectedId: next?.id ?? null });
    },

    accountSelected(id) {
      set({ accountsSelectedId: id });
    },

    accountUpdated(a) {
      set((s) => ({ accounts: s.accounts.some((x) => x.id === a.id) ? s.accounts.map((x) => (x.id === a.id ? a : x)) : [...s.accounts, a] }));
    },

    async accountPollRequested(id) {
      const a = selected(id);
      if (!a || get().accountWork[a.id]) return;
      busy(a.id, 'poll');
      try {
        const updated = await call('accounts.pollNow', { accountId: a.id });
        get().accountUpdated(updated);
        get().toastShown(updated.lastError ? `Polled ${a.name}: ${updated.lastError}` : `Polled ${a.name}.`, updated.lastError ? 'error' : 'info');
      } catch (err) {
        get().toastShown(`Could not poll ${a.name}: ${errorText(err)}`, 'error');
      } finally {
        busy(a.id, null);
      }
    },

    accountDisconnectRequested(id) {
      const a = selected(id);
      if (!a) return;
      if (a.state === 'paused') {
        get().toastShown(`${a.name} is already disconnected.`);
        return;
      }
      set({ accountsSelectedId: a.id });
      get().overlayOpened('confirm-disconnect', 'accounts');
    },

    async accountDisconnectConfirmed() {
      const a = selected();
      get().overlayClosed('accounts');
      if (!a) return;
      busy(a.id, 'disconnect');
      try {
        get().accountUpdated(await call('accounts.disconnect', { accountId: a.id }));
        get().toastShown(`Disconnected ${a.name}. Its conversations stay here for review.`);
      } catch (err) {
        get().toastShown(`Could not disconnect ${a.name}: ${errorText(err)}`, 'error');
      } finally {
        busy(a.id, null);
      }
    },

    async accountWebhookRemovalRequested(id) {
      const a = selected(id);
      if (!a || a.fix !== 'remove_webhook' || get().accountWork[a.id]) return;
      busy(a.id, 'webhook');
      try {
        get().accountUpdated(await call('accounts.removeWebhook', { accountId: a.id }));
        get().toastShown(`Removed the webhook of ${a.name}: polling starts again.`);
      } catch (err) {
        get().toastShown(`Could not remove the webhook: ${errorText(err)}`, 'error');
      } finally {
        busy(a.id, null);
      }
    },

    accountReconnectRequested(id) {
      const a = selected(id);
      if (!a) return;
      if (!get().channels.some((c) => c.channel === a.channel)) {
        get().toastShown(a.channel === 'demo' ? 'Demo accounts need no credentials: there is nothing to reconnect.' : `Accounts on ${a.channel} cannot be connected from here.`, 'error');
        return;
      }
      set({ accountsSelectedId: a.id, connectForm: { channel: a.channel, accountId: a.id, error: null, busy: false } });
      focusRegion('account-form');
    },

    connectFormOpened() {
      if (get().view !== 'accounts') get().accountsOpened();
      set({ connectForm: { channel: null, accountId: null, error: null, busy: false }, channelIndex: 0 });
      void get().channelsLoaded();
      focusRegion('account-form');
    },

    connectChannelMoved(delta) {
      const n = get().channels.length;
      if (n > 0) set((s) => ({ channelIndex: (s.channelIndex + delta + n) % n }));
    },

    connectChannelChosen(channel) {
      const f = get().connectForm;
      if (!f) return;
      set({ connectForm: { ...f, channel, error: null }, channelIndex: Math.max(0, get().channels.findIndex((c) => c.channel === channel)) });
      focusRegion('account-form');
    },

    connectChannelCleared() {
      const f = get().connectForm;
      if (!f || f.accountId !== null) return;
      set({ connectForm: { ...f, channel: null, error: null } });
      focusRegion('account-form');
    },

    async connectSubmitted(fields) {
      const f = get().connectForm;
      if (!f?.channel || f.busy) return false;
      set({ connectForm: { ...f, busy: true, error: null } });
      try {
        const a = await call('accounts.connect', { channel: f.channel, fields, ...(f.accountId === null ? {} : { accountId: f.accountId }) });
        get().accountUpdated(a);
        set({ connectForm: null, accountsSelectedId: a.id });
        get().toastShown(f.accountId === null ? `Connected ${a.name}. Its messages arrive with the next poll.` : `Reconnected ${a.name}.`);
        focusRegion('accounts');
        return true;
      } catch (err) {
        const cur = get().connectForm;
        if (cur) set({ connectForm: { ...cur, busy: false, error: errorText(err) } });
        return false;
      }
    },

    connectFormClosed() {
      set({ connectForm: null });
      focusRegion('accounts');
    },
  };
};
