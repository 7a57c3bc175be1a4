/** The agent's name and signature (used in templates and replies), and the accounts' health. */
import type { AccountSummary, Settings } from '../../../preload/contract';
import { call, errorText } from '../care';
import type { Slice } from './types';

export interface SettingsSlice {
  settings: Settings | null;
  accounts: AccountSummary[];
  settingsLoaded(): Promise<void>;
  /** Resolves to an error sentence, or null when saved. */
  settingsSaveRequested(next: Settings): Promise<string | null>;
  accountsLoaded(): Promise<void>;
  accountsChanged(accounts: AccountSummary[]): void;
}

export const createSettingsSlice: Slice<SettingsSlice> = (set, get) => ({
  settings: null,
  accounts: [],

  async settingsLoaded() {
    try {
      set({ settings: await call('settings.get', {}) });
    } catch (err) {
      get().toastShown(`Could not read settings: ${errorText(err)}`, 'error');
    }
  },

  async settingsSaveRequested(next) {
    try {
      set({ settings: await call('settings.save', next) });
      get().toastShown('Settings saved.');
      return null;
    } catch (err) {
      return errorText(err);
    }
  },

  async accountsLoaded() {
    try {
      set({ accounts: await call('accounts.list', {}) });
    } catch (err) {
      get().toastShown(`Could not list accounts: ${errorText(err)}`, 'error');
    }
  },

  accountsChanged(accounts) {
    set({ accounts });
  },
});
