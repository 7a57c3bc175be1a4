/**
 * Commands for offline review and accounts. The keyboard flow they add:
 *
 *   Search        Mod+F filter menu (type to narrow, ↑/↓, Enter toggles, stays open; Esc done) ·
 *                 Mod+/ only the open thread's customer · Backspace in the empty field drops
 *                 the last filter chip · Mod+S save the search · Mod+Delete delete the saved
 *                 search (the one selected in the list, or the one on screen). With nothing
 *                 typed, the panel lists saved searches: ↑/↓, Enter applies.
 *   Reports       g o · 1–4 Today / 7 / 30 / 90 days · c custom days · [ / ] previous / next
 *                 period · Tab and ←/→ along the period choices. Exports from the palette.
 *   Accounts      g m (or the status line) · j/k move · p poll now · r reconnect ·
 *                 d disconnect (asks) · w remove a Telegram webhook · n connect an account;
 *                 in the form Mod+Enter connects, Esc backs out (fields → channels → list).
 *   Exports       palette: "Export thread as HTML / JSON", canned "Export … CSV / JSON", i import.
 *
 * Saved searches become palette entries ("Search: <name>") as they are loaded.
 */
import type { SavedSearch } from '../../../preload/contract';
import { store } from '../store';
import { filterMenuResults } from '../store/filterMenu';
import { REPORT_PRESETS } from '../store/reports';
import { currentSavedSearch } from '../store/savedSearches';
import { searchIsIdle } from '../store/search';
import { hasFilters } from '../store/searchModel';
import { QUICK_RANGE_LABEL } from '../lib/dates';
import { hasThread, onInboxScreen, type CommandContext } from './context';
import type { Command, Registry } from './registry';

type Cmd = Command<CommandContext>;

const searchField = (ctx: CommandContext) => onInboxScreen(ctx) && ctx.s.searchOpen && ctx.region === 'search';
const inReports = ({ s }: CommandContext) => s.view === 'reports' && s.overlay === null;
const inAccounts = ({ s }: CommandContext) => s.view === 'accounts' && s.overlay === null && s.connectForm === null;
const inCanned = ({ s }: CommandContext) => s.view === 'canned' && s.overlay === null && s.editor === null;
const selectedAccount = ({ s }: CommandContext) => s.accounts.find((a) => a.id === s.accountsSelectedId) ?? null;
const choosingChannel = (ctx: CommandContext) => ctx.s.view === 'accounts' && ctx.s.overlay === null && ctx.s.connectForm !== null && ctx.s.connectForm.channel === null;

export const reviewCommands: Cmd[] = [
  // Search
  {
    id: 'search.filter',
    title: 'Filter search…',
    group: 'Search',
    keys: ['Mod+f'],
    when: ({ s }) => s.overlay === null || s.overlay === 'search-filter',
    run: ({ s }) => (s.overlay === 'search-filter' ? s.overlayClosed('search') : s.filterMenuOpened()),
  },
  {
    id: 'search.customer',
    title: 'Search this customer’s messages',
    group: 'Search',
    keys: ['Mod+/'],
    when: (ctx) => ctx.s.overlay === null && ctx.s.view === 'inbox' && hasThread(ctx),
    run: ({ s }) => s.searchCustomerFiltered(),
  },
  {
    id: 'search.save',
    title: 'Save this search',
    group: 'Search',
    keys: ['Mod+s'],
    // Also with nothing to save: the agent hears why, instead of the browser's "Save page".
    when: (ctx) => onInboxScreen(ctx) && ctx.s.searchOpen,
    run: ({ s }) => s.saveSearchRequested(),
  },
  {
    id: 'search.remove-last-filter',
    title: 'Remove the last filter',
    group: 'Search',
    keys: ['Backspace'],
    inField: true,
    hidden: true,
    when: (ctx) => searchField(ctx) && ctx.s.searchQuery === '' && hasFilters(ctx.s.searchFilters),
    run: ({ s }) => s.searchLastChipRemoved(),
  },
  {
    id: 'search.clear-filters',
    title: 'Clear search filters',
    group: 'Search',
    keys: [],
    when: (ctx) => onInboxScreen(ctx) && ctx.s.searchOpen && hasFilters(ctx.s.searchFilters),
    run: ({ s }) => s.searchFiltersCleared(),
  },
  {
    id: 'search.saved-choose',
    title: 'Apply saved search',
    group: 'Lists',
    keys: ['Enter'],
    inField: true,
    hidden: true,
    when: (ctx) => searchField(ctx) && searchIsIdle(ctx.s) && ctx.s.savedSearches.length > 0,
    run: ({ s }) => {
      const saved = s.savedSearches[s.savedSearchIndex];
      if (saved) void s.savedSearchApplied(saved.id);
    },
  },
  {
    id: 'search.saved-delete',
    title: 'Delete saved search',
    group: 'Search',
    keys: ['Mod+Delete'],
    when: (ctx) => onInboxScreen(ctx) && ctx.s.searchOpen && (searchIsIdle(ctx.s) ? ctx.s.savedSearches.length > 0 : currentSavedSearch(ctx.s) !== null),
    run: ({ s }) => s.savedSearchDeleted(),
  },

  // Filter menu (overlay)
  { id: 'filter.down', title: 'Next item', group: 'Lists', keys: ['ArrowDown'], inField: true, hidden: true, when: ({ s }) => s.overlay === 'search-filter' && s.filterMenuMode === 'list', run: ({ s }) => s.filterMenuMoved(1) },
  { id: 'filter.up', title: 'Previous item', group: 'Lists', keys: ['ArrowUp'], inField: true, hidden: true, when: ({ s }) => s.overlay === 'search-filter' && s.filterMenuMode === 'list', run: ({ s }) => s.filterMenuMoved(-1) },
  {
    id: 'filter.toggle',
    title: 'Toggle filter',
    group: 'Lists',
    keys: ['Enter'],
    inField: true,
    hidden: true,
    when: ({ s }) => s.overlay === 'search-filter' && s.filterMenuMode === 'list' && filterMenuResults(s).length > 0,
    run: ({ s }) => s.filterMenuChosen(),
  },

  // Thread exports
  { id: 'thread.export-html', title: 'Export thread as HTML', group: 'Thread', keys: [], when: (ctx) => onInboxScreen(ctx) && hasThread(ctx), run: ({ s }) => s.threadExportRequested('html') },
  { id: 'thread.export-json', title: 'Export thread as JSON', group: 'Thread', keys: [], when: (ctx) => onInboxScreen(ctx) && hasThread(ctx), run: ({ s }) => s.threadExportRequested('json') },

  // Canned library in and out
  { id: 'canned.export-csv', title: 'Export canned responses as CSV', group: 'Canned responses', keys: [], when: inCanned, run: ({ s }) => s.cannedExportRequested('csv') },
  { id: 'canned.export-json', title: 'Export canned responses as JSON', group: 'Canned responses', keys: [], when: inCanned, run: ({ s }) => s.cannedExportRequested('json') },
  {
    id: 'canned.import',
    title: 'Import canned responses (CSV or JSON)…',
    group: 'Canned responses',
    keys: ['i'],
    when: inCanned,
    // Opening a file chooser needs the key press's user activation: click it now, not later.
    run: () => document.querySelector<HTMLInputElement>('[data-testid="canned-import-input"]')?.click(),
  },

  // Reports
  { id: 'go.reports', title: 'Reports', group: 'Go to', keys: ['g o'], when: ({ s }) => s.overlay === null, run: ({ s }) => s.reportsOpened() },
  ...REPORT_PRESETS.map(
    (preset, i): Cmd => ({
      id: `reports.period-${preset}`,
      title: `Period: ${QUICK_RANGE_LABEL[preset]}`,
      group: 'Reports',
      keys: [String(i + 1)],
      when: inReports,
      run: ({ s }) => s.reportPeriodChosen(preset),
    }),
  ),
  { id: 'reports.custom', title: 'Period: custom days…', group: 'Reports', keys: ['c'], when: inReports, run: ({ s }) => s.reportCustomOpened() },
  { id: 'reports.previous', title: 'Previous period', group: 'Reports', keys: ['['], when: inReports, run: ({ s }) => s.reportPeriodShifted(-1) },
  { id: 'reports.next', title: 'Next period', group: 'Reports', keys: [']'], when: inReports, run: ({ s }) => s.reportPeriodShifted(1) },
  { id: 'reports.export-csv', title: 'Export period as CSV', group: 'Reports', keys: [], when: inReports, run: ({ s }) => s.reportExportRequested('csv') },
  { id: 'reports.export-json', title: 'Export period as JSON', group: 'Reports', keys: [], when: inReports, run: ({ s }) => s.reportExportRequested('json') },

  // Accounts
  { id: 'go.accounts', title: 'Accounts', group: 'Go to', keys: ['g m'], when: ({ s }) => s.overlay === null, run: ({ s }) => s.accountsOpened() },
  { id: 'accounts.down', title: 'Next account', group: 'Accounts', keys: ['j', 'ArrowDown'], when: inAccounts, run: ({ s }) => s.accountsMoved(1) },
  { id: 'accounts.up', title: 'Previous account', group: 'Accounts', keys: ['k', 'ArrowUp'], when: inAccounts, run: ({ s }) => s.accountsMoved(-1) },
  {
    id: 'accounts.poll',
    title: 'Poll now',
    group: 'Accounts',
    keys: ['p'],
    when: (ctx) => inAccounts(ctx) && selectedAccount(ctx)?.state === 'active',
    run: ({ s }) => s.accountPollRequested(),
  },
  {
    id: 'accounts.reconnect',
    title: 'Reconnect (new credentials)',
    group: 'Accounts',
    keys: ['r'],
    when: (ctx) => inAccounts(ctx) && selectedAccount(ctx) !== null && selectedAccount(ctx)?.channel !== 'demo',
    run: ({ s }) => s.accountReconnectRequested(),
  },
  {
    id: 'accounts.disconnect',
    title: 'Disconnect account…',
    group: 'Accounts',
    keys: ['d'],
    when: (ctx) => inAccounts(ctx) && selectedAccount(ctx) !== null && selectedAccount(ctx)?.state !== 'paused',
    run: ({ s }) => s.accountDisconnectRequested(),
  },
  {
    id: 'accounts.remove-webhook',
    title: 'Remove the bot’s webhook',
    group: 'Accounts',
    keys: ['w'],
    when: (ctx) => inAccounts(ctx) && selectedAccount(ctx)?.fix === 'remove_webhook',
    run: ({ s }) => s.accountWebhookRemovalRequested(),
  },
  { id: 'accounts.connect', title: 'Connect an account', group: 'Accounts', keys: ['n'], when: inAccounts, run: ({ s }) => s.connectFormOpened() },
  {
    id: 'accounts.connect-anywhere',
    title: 'Connect an account',
    group: 'Accounts',
    keys: [],
    when: ({ s }) => s.overlay === null && s.view !== 'accounts',
    run: ({ s }) => s.connectFormOpened(),
  },
  { id: 'connect.channel-down', title: 'Next channel', group: 'Lists', keys: ['ArrowDown', 'j'], hidden: true, when: choosingChannel, run: ({ s }) => s.connectChannelMoved(1) },
  { id: 'connect.channel-up', title: 'Previous channel', group: 'Lists', keys: ['ArrowUp', 'k'], hidden: true, when: choosingChannel, run: ({ s }) => s.connectChannelMoved(-1) },
  {
    id: 'connect.channel-choose',
    title: 'Choose channel',
    group: 'Lists',
    keys: ['Enter'],
    hidden: true,
    when: (ctx) => choosingChannel(ctx) && ctx.region === 'account-form' && ctx.s.channels.length > 0,
    run: ({ s }) => {
      const c = s.channels[s.channelIndex];
      if (c) s.connectChannelChosen(c.channel);
    },
  },
  {
    id: 'connect.submit',
    title: 'Connect with the typed credentials',
    group: 'Accounts',
    keys: ['Mod+Enter'],
    when: ({ s }) => s.view === 'accounts' && s.overlay === null && (s.connectForm?.channel ?? null) !== null,
    run: () => document.querySelector<HTMLFormElement>('[data-region="account-form"] form')?.requestSubmit(),
  },
];

/** Esc inside review screens: the custom-days fields, then the connect form a step at a time. */
export function backOutOfReview({ s }: CommandContext): boolean {
  if (s.overlay) return false;
  if (s.view === 'reports' && s.reportCustomOpen) {
    s.reportCustomClosed();
    return true;
  }
  if (s.view === 'accounts' && s.connectForm) {
    if (s.connectForm.channel !== null && s.connectForm.accountId === null) s.connectChannelCleared();
    else s.connectFormClosed();
    return true;
  }
  return false;
}

const savedCommand = (saved: SavedSearch): Cmd => ({
  id: `search.saved.${saved.id}`,
  title: `Search: ${saved.name}`,
  group: 'Search',
  keys: [],
  when: ({ s }) => s.overlay === null && s.savedSearches.some((x) => x.id === saved.id),
  run: ({ s }) => s.savedSearchApplied(saved.id),
});

/**
 * Registers a palette entry per saved search as the list loads. The registry only grows: a
 * deleted search's entry stays registered but is never offered (its `when` looks it up).
 */
export function installSavedSearchCommands(registry: Registry<CommandContext>): () => void {
  const sync = (list: SavedSearch[]) => {
    for (const saved of list) if (!registry.byId(`search.saved.${saved.id}`)) registry.register(savedCommand(saved));
  };
  sync(store.getState().savedSearches);
  return store.subscribe((s, prev) => {
    if (s.savedSearches !== prev.savedSearches) sync(s.savedSearches);
  });
}
