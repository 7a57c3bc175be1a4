// @vitest-environment jsdom
// The review and accounts screens rendered: the connect form forgets secrets once sent, search
// shows chips and grouped results, reports draw their charts with the numbers, saved searches
// reach the palette.
import { act, cleanup, fireEvent, render, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CareApi, Report, SearchHit } from '../../preload/contract';
import { registry } from '../../renderer/src/commands/defaults';
import { currentContext } from '../../renderer/src/commands/context';
import { paletteEntries } from '../../renderer/src/commands/registry';
import { AccountsView } from '../../renderer/src/components/AccountsView';
import { FilterMenu } from '../../renderer/src/components/FilterMenu';
import { ReportsView } from '../../renderer/src/components/ReportsView';
import { SearchPanel } from '../../renderer/src/components/SearchPanel';
import { store } from '../../renderer/src/store';

Element.prototype.scrollIntoView = function scrollIntoView() {};
const initial = store.getState();
let connectArgs: unknown[] = [];

beforeEach(() => {
  connectArgs = [];
  const care: CareApi = {
    async invoke(key, arg) {
      if (key === 'accounts.connect') {
        connectArgs.push(arg);
        return { ok: false, error: { code: 'refused', message: 'Could not connect: the platform refused these credentials. Nothing was saved.' } };
      }
      if (key === 'search.messages') return { ok: true, value: { items: [], total: 0 } as never };
      return { ok: true, value: [] as never };
    },
    on: () => () => {},
  };
  Object.defineProperty(window, 'care', { value: care, configurable: true });
});

afterEach(() => {
  cleanup();
  act(() => store.setState(initial, true));
});

describe('connect form', () => {
  it('secret fields are password inputs, emptied as the form is sent; the refusal is shown', async () => {
    act(() =>
      store.setState({
        view: 'accounts',
        channels: [
          {
            channel: 'mastodon',
            label: 'Mastodon',
            help: 'Open Preferences → Development.',
            docsUrl: 'https://docs.joinmastodon.org/api/oauth-scopes/',
            fields: [
              { key: 'baseUrl', label: 'Server address', secret: false },
              { key: 'accessToken', label: 'Access token', secret: true },
            ],
          },
        ],
        channelsState: 'ready',
        connectForm: { channel: 'mastodon', accountId: null, error: null, busy: false },
      }),
    );
    const { getByTestId } = render(<AccountsView />);
    const token = getByTestId('connect-field-accessToken') as HTMLInputElement;
    const server = getByTestId('connect-field-baseUrl') as HTMLInputElement;
    expect(token.type).toBe('password');
    expect(server.type).toBe('text');
    const docs = within(getByTestId('connect-form')).getByRole('link');
    expect(docs.getAttribute('href')).toBe('https://docs.joinmastodon.org/api/oauth-scopes/');
    expect(docs.getAttribute('target')).toBe('_blank');
    expect(docs.getAttribute('rel')).toBe('noreferrer');

    fireEvent.change(server, { target: { value: 'https://example.social' } });
    fireEvent.change(token, { target: { value: 'the-secret-token' } });
    await act(async () => {
      fireEvent.submit(token.form!);
    });
    expect(connectArgs).toEqual([{ channel: 'mastodon', fields: { baseUrl: 'https://example.social', accessToken: 'the-secret-token' } }]);
    expect(token.value).toBe('');
    expect(server.value).toBe('https://example.social');
    expect(getByTestId('connect-error').textContent).toContain('Nothing was saved.');
    expect(new XMLSerializer().serializeToString(document.body)).not.toContain('the-secret-token');
    expect(JSON.stringify(store.getState())).not.toContain('the-secret-token');
  });
});

describe('search panel', () => {
  const hit = (messageId: number, threadId: number, name: string): SearchHit => ({
    messageId,
    threadId,
    snippet: `I want a \uE000refund\uE001 <b>now</b>`,
    direction: messageId % 2 ? 'in' : 'out',
    createdAt: Date.now() - 60_000,
    customerName: name,
    network: 'mastodon',
    status: 'resolved',
  });

  it('shows filters as removable chips and results grouped by thread, customer text as text', () => {
    act(() =>
      store.setState({
        searchOpen: true,
        searchQuery: 'refund',
        searchFilters: { statuses: ['resolved'], networks: ['mastodon'] },
        searchHits: [hit(1, 10, 'Ana'), hit(3, 10, 'Ana'), hit(2, 20, 'Ben')],
        searchTotal: 3,
        searchState: 'ready',
      }),
    );
    const { getAllByTestId, getByTestId } = render(<SearchPanel />);
    expect(getAllByTestId('filter-chip').map((c) => c.getAttribute('aria-label'))).toEqual(['Remove filter Status: Resolved', 'Remove filter Network: Mastodon']);
    const groups = getAllByTestId('search-group');
    expect(groups.map((g) => g.getAttribute('data-thread-id'))).toEqual(['10', '20']);
    expect(within(groups[0]!).getAllByTestId('search-result')).toHaveLength(2);
    expect(groups[0]!.querySelector('mark')?.textContent).toBe('refund');
    // Markup in a customer's message stays text.
    expect(groups[0]!.querySelector('b')).toBeNull();
    expect(getByTestId('search-count').textContent).toBe('3 messages in 2 threads');

    fireEvent.click(getAllByTestId('filter-chip')[0]!);
    expect(store.getState().searchFilters).toEqual({ networks: ['mastodon'] });
  });

  it('with nothing typed, lists saved searches with what they filter', () => {
    act(() => store.setState({ searchOpen: true, savedSearches: [{ id: 3, name: 'Angry on Mastodon', query: '', filters: { networks: ['mastodon'] } }] }));
    const { getAllByTestId } = render(<SearchPanel />);
    const saved = getAllByTestId('saved-search');
    expect(saved).toHaveLength(1);
    expect(saved[0]!.textContent).toContain('Angry on Mastodon');
    expect(saved[0]!.textContent).toContain('Network: Mastodon');
  });

  it('saved searches become palette entries, and a deleted one is no longer offered', () => {
    act(() => store.setState({ savedSearches: [{ id: 77, name: 'Refunds this week', query: 'refund', filters: {} }] }));
    const offered = () => paletteEntries(registry.all(), currentContext(), 'other').map((e) => e.title);
    expect(offered()).toContain('Search: Refunds this week');
    act(() => store.setState({ savedSearches: [] }));
    expect(offered()).not.toContain('Search: Refunds this week');
  });
});

describe('filter menu', () => {
  it('typing narrows the list; Enter-equivalent choice toggles and the menu stays', () => {
    act(() => store.setState({ searchOpen: true, overlay: 'search-filter' }));
    const { getByTestId, getAllByTestId } = render(<FilterMenu />);
    fireEvent.change(getByTestId('filter-input'), { target: { value: 'pending' } });
    const first = getAllByTestId('filter-option')[0]!;
    expect(first.getAttribute('data-filter-id')).toBe('status:pending');
    act(() => store.getState().filterMenuChosen());
    expect(store.getState().searchFilters).toEqual({ statuses: ['pending'] });
    expect(store.getState().overlay).toBe('search-filter');
    expect(getByTestId('filter-menu').querySelector('[data-filter-id="status:pending"]')?.getAttribute('aria-checked')).toBe('true');
  });
});

describe('reports view', () => {
  const day = (offset: number) => {
    const d = new Date();
    d.setDate(d.getDate() + offset);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  };

  it('draws volume stacked by network, the response times and the SLA ring, with the numbers', () => {
    const period = store.getState().reportPeriod;
    const report: Report = {
      from: period.from,
      to: period.to,
      volume: [
        { day: day(0), network: 'x', count: 4 },
        { day: day(0), network: 'mastodon', count: 6 },
        { day: day(-1), network: 'x', count: 3 },
      ],
      firstResponse: { count: 12, medianMs: 42 * 60_000, p90Ms: 3 * 3_600_000 },
      resolution: { count: 0, medianMs: null, p90Ms: null },
      sla: { met: 6, breached: 3, waitingBreached: 1 },
      byLabel: [{ label: 'Refund', color: '#cc3344', threads: 5, firstResponse: { count: 5, medianMs: 60_000, p90Ms: 120_000 } }],
      byNetwork: [{ network: 'x', threads: 7, firstResponse: { count: 7, medianMs: 60_000, p90Ms: 90_000 } }],
    };
    act(() => store.setState({ view: 'reports', report, reportState: 'ready' }));
    const { getByTestId } = render(<ReportsView />);
    const chart = getByTestId('volume-chart');
    expect(chart.querySelectorAll('rect.net-fill--x')).toHaveLength(2);
    expect(chart.querySelectorAll('rect.net-fill--mastodon')).toHaveLength(1);
    expect(chart.querySelector('svg')?.getAttribute('aria-label')).toContain('13 in all');
    expect(chart.querySelector('figcaption')?.textContent).toContain('X7');
    expect(getByTestId('volume-card').textContent).toContain('13');
    expect(getByTestId('first-response').textContent).toContain('42 min');
    expect(getByTestId('first-response').textContent).toContain('3 h');
    expect(getByTestId('resolution').textContent).toContain('No resolved threads');
    expect(getByTestId('sla-card').textContent).toContain('60%');
    expect(getByTestId('by-label').textContent).toContain('Refund');
    expect(within(getByTestId('reports')).getAllByRole('radio').find((r) => r.getAttribute('aria-checked') === 'true')?.textContent).toBe('7 days');
  });
});
