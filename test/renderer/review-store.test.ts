// @vitest-environment jsdom
// The review and accounts slices against a fake window.care: what they ask the API, what they
// keep, and — for accounts — what they never keep (secrets).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountSummary, Arg, ChannelSetupInfo, Message, RequestKey, SearchHit } from '../../preload/contract';
import { createAppStore } from '../../renderer/src/store';
import { thread, installFakeCare, type FakeCall, type FakeHandlers } from './fixtures';

let handlers: FakeHandlers;
let calls: FakeCall[];

beforeEach(() => {
  ({ handlers, calls } = installFakeCare());
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const argsOf = <K extends RequestKey>(key: K) => calls.filter((c) => c.key === key).map((c) => c.arg as Arg<K>);

const hit = (messageId: number, threadId: number): SearchHit => ({
  messageId,
  threadId,
  snippet: `text ${messageId}`,
  direction: 'in',
  createdAt: 1_000_000 - messageId,
  customerName: `C${threadId}`,
  network: 'mastodon',
  status: 'resolved',
});

describe('search with filters', () => {
  it('filters alone search (empty query); words and filters go together; chips come off one at a time', async () => {
    handlers['search.messages'] = () => ({ items: [hit(1, 10), hit(2, 20), hit(3, 10)], total: 3 });
    const s = createAppStore();
    s.getState().searchFiltersChanged({ statuses: ['resolved'] });
    await vi.runAllTimersAsync();
    expect(argsOf('search.messages').at(-1)).toEqual({ query: '', limit: 100, filters: { statuses: ['resolved'] } });
    // Hits are kept grouped by thread, the order ↑/↓ walk.
    expect(s.getState().searchHits.map((h) => h.messageId)).toEqual([1, 3, 2]);

    s.getState().searchFiltersChanged({ ...s.getState().searchFilters, networks: ['mastodon'] });
    s.getState().searchTyped('refund');
    await vi.runAllTimersAsync();
    expect(argsOf('search.messages').at(-1)).toEqual({ query: 'refund', limit: 100, filters: { statuses: ['resolved'], networks: ['mastodon'] } });

    s.getState().searchTyped('');
    s.getState().searchLastChipRemoved();
    await vi.runAllTimersAsync();
    expect(s.getState().searchFilters).toEqual({ statuses: ['resolved'] });
    s.getState().searchLastChipRemoved();
    await vi.runAllTimersAsync();
    // Nothing typed, no filter: no request, the panel lists saved searches instead.
    const n = argsOf('search.messages').length;
    expect(s.getState().searchState).toBe('idle');
    expect(s.getState().searchHits).toEqual([]);
    s.getState().searchFiltersChanged({});
    await vi.runAllTimersAsync();
    expect(argsOf('search.messages').length).toBe(n);
  });

  it('an answer to an older search is dropped', async () => {
    let release: (v: unknown) => void = () => {};
    handlers['search.messages'] = (a) => ((a as Arg<'search.messages'>).filters?.statuses?.[0] === 'open' ? new Promise((r) => (release = r)) : { items: [hit(7, 70)], total: 1 });
    const s = createAppStore();
    s.getState().searchFiltersChanged({ statuses: ['open'] });
    s.getState().searchFiltersChanged({ statuses: ['resolved'] });
    await vi.runAllTimersAsync();
    release({ items: [hit(1, 10)], total: 1 });
    await vi.runAllTimersAsync();
    expect(s.getState().searchHits.map((h) => h.messageId)).toEqual([7]);
  });

  it('the customer filter takes the shown thread’s customer, and names its chip', async () => {
    handlers['search.messages'] = () => ({ items: [], total: 0 });
    handlers['labels.list'] = () => [];
    handlers['assignees.list'] = () => [];
    handlers['searches.list'] = () => [];
    const s = createAppStore();
    s.setState({ shownId: 5, detail: { thread: thread(5, { customerId: 42, customerName: 'Ana Souza' }) } as never });
    s.getState().searchCustomerFiltered();
    await vi.runAllTimersAsync();
    expect(s.getState().searchOpen).toBe(true);
    expect(argsOf('search.messages').at(-1)?.filters).toEqual({ customerId: 42 });
    expect(s.getState().searchCustomer).toEqual({ id: 42, name: 'Ana Souza' });
  });

  it('choosing a result opens its thread and lights up the message for a moment', async () => {
    handlers['search.messages'] = () => ({ items: [hit(1, 10), hit(2, 20)], total: 2 });
    handlers['threads.get'] = () => new Promise(() => {});
    const s = createAppStore();
    s.getState().searchFiltersChanged({ direction: 'in' });
    await vi.runAllTimersAsync();
    s.getState().searchMoved(1);
    s.getState().searchResultChosen();
    expect(s.getState().shownId).toBe(20);
    expect(s.getState().spotlightMessageId).toBe(2);
    expect(s.getState().searchOpen).toBe(false);
    await vi.advanceTimersByTimeAsync(5000);
    expect(s.getState().spotlightMessageId).toBeNull();
  });
});

describe('saved searches', () => {
  it('saves the words and filters on screen, applies one back, deletes the selected one', async () => {
    const saved: { id: number; name: string; query: string; filters: object }[] = [];
    handlers['searches.save'] = (a) => {
      const x = { id: saved.length + 1, ...(a as Arg<'searches.save'>) };
      saved.push(x);
      return x;
    };
    handlers['searches.list'] = () => [...saved];
    handlers['searches.delete'] = (a) => {
      saved.splice(saved.findIndex((x) => x.id === (a as { id: number }).id), 1);
      return null;
    };
    handlers['search.messages'] = () => ({ items: [], total: 0 });
    handlers['labels.list'] = () => [];
    handlers['assignees.list'] = () => [];
    const s = createAppStore();
    s.getState().searchOpened();
    s.getState().searchTyped('refund');
    s.getState().searchFiltersChanged({ statuses: ['resolved'], from: 100, to: 200 });
    await vi.runAllTimersAsync();
    expect(await s.getState().searchSaved('Refunds')).toBeNull();
    expect(argsOf('searches.save')).toEqual([{ name: 'Refunds', query: 'refund', filters: { statuses: ['resolved'], from: 100, to: 200 } }]);
    expect(s.getState().savedSearches.map((x) => x.name)).toEqual(['Refunds']);

    // Somewhere else entirely, then back through the saved search.
    s.getState().searchTyped('');
    s.getState().searchFiltersCleared();
    await vi.runAllTimersAsync();
    await s.getState().savedSearchApplied(1);
    await vi.runAllTimersAsync();
    expect(s.getState().searchQuery).toBe('refund');
    expect(s.getState().searchFilters).toEqual({ statuses: ['resolved'], from: 100, to: 200 });
    expect(argsOf('search.messages').at(-1)).toEqual({ query: 'refund', limit: 100, filters: { statuses: ['resolved'], from: 100, to: 200 } });

    // On screen is exactly the saved search: deleting deletes that one.
    await s.getState().savedSearchDeleted();
    expect(argsOf('searches.delete')).toEqual([{ id: 1 }]);
    expect(s.getState().savedSearches).toEqual([]);
  });

  it('refuses to save an empty search, with a reason', () => {
    const s = createAppStore();
    s.getState().saveSearchRequested();
    expect(s.getState().overlay).toBeNull();
    expect(s.getState().toasts.at(-1)).toMatchObject({ kind: 'error', text: expect.stringContaining('first') });
  });
});

describe('reports', () => {
  it('reads the chosen period, steps back a period, and refuses typed days that are not dates', async () => {
    handlers['reports.get'] = (a) => ({ ...(a as object), volume: [], firstResponse: { count: 0, medianMs: null, p90Ms: null }, resolution: { count: 0, medianMs: null, p90Ms: null }, sla: { met: 0, breached: 0, waitingBreached: 0 }, byLabel: [], byNetwork: [] });
    const s = createAppStore();
    s.getState().reportPeriodChosen('30d');
    await vi.runAllTimersAsync();
    const first = argsOf('reports.get').at(-1)!;
    expect(Math.round((first.to - first.from) / 86_400_000)).toBe(30);
    expect(s.getState().report?.from).toBe(first.from);
    s.getState().reportPeriodShifted(-1);
    await vi.runAllTimersAsync();
    expect(argsOf('reports.get').at(-1)!.to).toBe(first.from);
    expect(s.getState().reportCustomApplied('2026-02-30', '2026-03-02')).toMatch(/YYYY-MM-DD/);
    expect(s.getState().reportCustomApplied('2026-03-01', '2026-03-07')).toBeNull();
    await vi.runAllTimersAsync();
    expect(argsOf('reports.get').at(-1)).toEqual({ from: new Date(2026, 2, 1).getTime(), to: new Date(2026, 2, 8).getTime() });
  });
});

describe('files in and out', () => {
  it('an export is saved as a download with the name and content the API gave', async () => {
    handlers['export.period'] = () => ({ filename: 'messages.csv', mimeType: 'text/csv', content: 'a,b\n1,2\n' });
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => {
      blobs.push(b);
      return 'blob:fake';
    });
    URL.revokeObjectURL = vi.fn();
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    const s = createAppStore();
    await s.getState().reportExportRequested('csv');
    expect(argsOf('export.period')[0]).toMatchObject({ format: 'csv' });
    expect(clicked).toEqual(['messages.csv']);
    expect(await blobs[0]!.text()).toBe('a,b\n1,2\n');
    expect(blobs[0]!.type).toBe('text/csv');
  });

  it('a canned import takes its format from the file name and shows what was skipped', async () => {
    handlers['canned.import'] = () => ({ added: 2, updated: 1, skipped: ['row 4: the body is empty'] });
    handlers['canned.list'] = () => [];
    const s = createAppStore();
    await s.getState().cannedImportRequested({ name: 'Team Library.JSON', text: async () => '[]' });
    expect(argsOf('canned.import')).toEqual([{ format: 'json', content: '[]' }]);
    expect(s.getState().cannedImportResult).toEqual({ fileName: 'Team Library.JSON', added: 2, updated: 1, skipped: ['row 4: the body is empty'] });
    expect(s.getState().overlay).toBe('canned-import');

    await s.getState().cannedImportRequested({ name: 'notes.txt', text: async () => 'x' });
    expect(argsOf('canned.import')).toHaveLength(1);
    expect(s.getState().toasts.at(-1)).toMatchObject({ kind: 'error', text: expect.stringContaining('.csv') });
  });
});

describe('accounts', () => {
  const account = (id: number, patch: Partial<AccountSummary> = {}): AccountSummary => ({
    id,
    channel: 'mastodon',
    network: 'mastodon',
    name: `Account ${id}`,
    handle: `@a${id}@example.social`,
    state: 'active',
    lastPollAt: null,
    nextPollAt: null,
    lastError: null,
    rateBudget: null,
    fix: null,
    ...patch,
  });
  const mastodon: ChannelSetupInfo = {
    channel: 'mastodon',
    label: 'Mastodon',
    help: 'Paste a token.',
    docsUrl: 'https://docs.joinmastodon.org/',
    fields: [
      { key: 'baseUrl', label: 'Server address', secret: false },
      { key: 'accessToken', label: 'Access token', secret: true },
    ],
  };

  it('connecting sends the fields once and keeps no secret; a refusal is kept in words', async () => {
    const SECRET = 'tok-3f9a-very-secret';
    let refuse = true;
    handlers['accounts.connect'] = () => {
      if (refuse) throw new Error('Could not connect: the platform refused these credentials. Nothing was saved.');
      return account(9);
    };
    handlers['channels.list'] = () => [mastodon];
    const s = createAppStore();
    s.getState().connectFormOpened();
    await vi.runAllTimersAsync();
    s.getState().connectChannelChosen('mastodon');
    expect(await s.getState().connectSubmitted({ baseUrl: 'https://example.social', accessToken: SECRET })).toBe(false);
    expect(s.getState().connectForm?.error).toBe('Could not connect: the platform refused these credentials. Nothing was saved.');
    refuse = false;
    expect(await s.getState().connectSubmitted({ baseUrl: 'https://example.social', accessToken: SECRET })).toBe(true);
    expect(argsOf('accounts.connect').at(-1)).toEqual({ channel: 'mastodon', fields: { baseUrl: 'https://example.social', accessToken: SECRET } });
    expect(s.getState().connectForm).toBeNull();
    expect(s.getState().accounts.map((a) => a.id)).toEqual([9]);
    expect(s.getState().accountsSelectedId).toBe(9);
    expect(JSON.stringify(s.getState())).not.toContain(SECRET);
  });

  it('reconnecting sends the account id; demo accounts have nothing to reconnect', async () => {
    handlers['channels.list'] = () => [mastodon];
    handlers['accounts.connect'] = () => account(3);
    const s = createAppStore();
    s.setState({ accounts: [account(3, { state: 'needs_reauth' }), account(4, { channel: 'demo' })], accountsSelectedId: 3 });
    await s.getState().channelsLoaded();
    s.getState().accountReconnectRequested();
    expect(s.getState().connectForm).toEqual({ channel: 'mastodon', accountId: 3, error: null, busy: false });
    await s.getState().connectSubmitted({ baseUrl: 'https://example.social', accessToken: 'x' });
    expect(argsOf('accounts.connect').at(-1)).toMatchObject({ accountId: 3 });
    s.getState().accountReconnectRequested(4);
    expect(s.getState().connectForm).toBeNull();
    expect(s.getState().toasts.at(-1)?.text).toMatch(/Demo accounts need no credentials/);
  });

  it('poll now and disconnect update the account in place; disconnect asks first', async () => {
    handlers['accounts.pollNow'] = () => account(1, { lastPollAt: 5 });
    handlers['accounts.disconnect'] = () => account(1, { state: 'paused' });
    const s = createAppStore();
    s.setState({ accounts: [account(1), account(2)], accountsSelectedId: 1 });
    await s.getState().accountPollRequested();
    expect(s.getState().accounts[0]!.lastPollAt).toBe(5);
    s.getState().accountDisconnectRequested();
    expect(s.getState().overlay).toBe('confirm-disconnect');
    expect(argsOf('accounts.disconnect')).toEqual([]);
    await s.getState().accountDisconnectConfirmed();
    expect(argsOf('accounts.disconnect')).toEqual([{ accountId: 1 }]);
    expect(s.getState().accounts.map((a) => a.state)).toEqual(['paused', 'active']);
  });
});

describe('send state', () => {
  it('the send’s late answer never steps a reply back from sent to queued', () => {
    const s = createAppStore();
    const m = (sendState: Message['sendState']): Message => ({ id: 70, threadId: 7, direction: 'out', authorName: 'Sam', authorHandle: null, text: 'hi', createdAt: 0, sendState, sendError: null, externalId: null });
    s.setState({ shownId: 7, detail: { thread: thread(7), messages: [m('sent')] } as never });
    s.getState().messageAdded(m('queued'));
    expect(s.getState().detail?.messages[0]?.sendState).toBe('sent');
  });
});
