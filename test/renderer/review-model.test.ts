// The pure rules of offline review: which filters combine how, what a chip says, how results
// group by thread, typed days and quick ranges, durations in words.
import { describe, expect, it } from 'vitest';
import type { SearchFilters, SearchHit } from '../../preload/contract';
import { addDays, dayKey, dayRangeLabel, duration, parseDay, parseDayRange, quickRange, startOfDay, until } from '../../renderer/src/lib/dates';
import { chips, compact, filterOptions, groupHits, sameSearch, suggestName, withoutChip } from '../../renderer/src/store/searchModel';
import { presetPeriod, shiftPeriod } from '../../renderer/src/store/reports';
import { niceScale, volumeByDay } from '../../renderer/src/components/ReportCharts';

const NOW = new Date(2026, 10, 22, 15, 30).getTime(); // 22 Nov 2026, 15:30 local

const names = { accounts: [], labels: [{ id: 4, name: 'Refund', color: '#cc3344' }], customerName: 'Ana Souza', range: null, now: NOW };
const ctx = { range: null, now: NOW, accounts: [], labels: names.labels, assignees: [{ id: 1, name: 'Billing team', kind: 'queue' as const }], customer: { id: 9, name: 'Ana Souza' } };

function option(f: SearchFilters, id: string, c: Parameters<typeof filterOptions>[1] = ctx) {
  const o = filterOptions(f, c).find((x) => x.id === id);
  if (!o) throw new Error(`no option ${id}`);
  return o;
}

describe('search filters', () => {
  it('statuses and networks are alternatives within a kind, toggled one by one', () => {
    let f: SearchFilters = {};
    f = option(f, 'status:open').apply(f).filters;
    f = option(f, 'status:resolved').apply(f).filters;
    f = option(f, 'network:mastodon').apply(f).filters;
    expect(f).toEqual({ statuses: ['open', 'resolved'], networks: ['mastodon'] });
    expect(option(f, 'status:open').active).toBe(true);
    f = option(f, 'status:open').apply(f).filters;
    f = option(f, 'network:mastodon').apply(f).filters;
    expect(f).toEqual({ statuses: ['resolved'] });
  });

  it('direction, assignee and customer take one value; choosing the active one removes it', () => {
    let f: SearchFilters = {};
    f = option(f, 'direction:in').apply(f).filters;
    f = option(f, 'direction:out').apply(f).filters;
    expect(f.direction).toBe('out');
    f = option(f, 'direction:out').apply(f).filters;
    expect(f.direction).toBeUndefined();
    f = option(f, 'assignee:1').apply(f).filters;
    f = option(f, 'customer:9').apply(f).filters;
    expect(f).toEqual({ assignee: 'Billing team', customerId: 9 });
    expect(filterOptions({}, { ...ctx, customer: null }).some((o) => o.group === 'Customer')).toBe(false);
  });

  it('a quick range is whole local days up to the end of today, and names itself on its chip', () => {
    const r = option({}, 'date:7d').apply({});
    expect(r.range).toBe('7d');
    expect(r.filters.from).toBe(startOfDay(addDays(NOW, -6)));
    expect(r.filters.to).toBe(addDays(NOW, 1));
    expect(chips(r.filters, { ...names, range: '7d' })[0]).toMatchObject({ kind: 'Date', value: 'Last 7 days' });
    // The same days without the quick range's name read as dates.
    expect(chips(r.filters, names)[0]!.value).toBe(dayRangeLabel(r.filters.from!, r.filters.to!, NOW));
    // Choosing the active range again removes the date filter.
    expect(option(r.filters, 'date:7d', { ...ctx, range: '7d' }).apply(r.filters)).toEqual({ filters: {}, range: null });
  });

  it('chips name every filter, and removing one leaves the others', () => {
    const f: SearchFilters = { statuses: ['resolved'], labelIds: [4], customerId: 9, direction: 'in', assignee: 'Billing team', from: 1, to: 2 };
    expect(chips(f, names).map((c) => `${c.kind}: ${c.value}`)).toEqual([
      `Date: ${dayRangeLabel(1, 2, NOW)}`,
      'Status: Resolved',
      'Label: Refund',
      'Assignee: Billing team',
      'Direction: From customers',
      'Customer: Ana Souza',
    ]);
    expect(withoutChip(f, 'label:4')).toEqual({ statuses: ['resolved'], customerId: 9, direction: 'in', assignee: 'Billing team', from: 1, to: 2 });
    expect(withoutChip(withoutChip(f, 'date'), 'status:resolved')).toEqual({ labelIds: [4], customerId: 9, direction: 'in', assignee: 'Billing team' });
  });

  it('"no filters" is always {}, and a saved search matches regardless of list order', () => {
    expect(compact({ statuses: [], networks: undefined, assignee: '' })).toEqual({});
    expect(sameSearch({ query: ' refund ', filters: { statuses: ['open', 'resolved'] } }, 'refund', { statuses: ['resolved', 'open'] })).toBe(true);
    expect(sameSearch({ query: 'refund', filters: { statuses: ['open'] } }, 'refund', { statuses: ['open'], direction: 'in' })).toBe(false);
    expect(suggestName('late order', [{ key: 'status:open', kind: 'Status', value: 'Open' }])).toBe('late order · Open');
  });
});

describe('results grouped by thread', () => {
  const hit = (messageId: number, threadId: number): SearchHit => ({
    messageId,
    threadId,
    snippet: '',
    direction: 'in',
    createdAt: 1000 - messageId,
    customerName: `C${threadId}`,
    network: 'x',
    status: 'open',
  });

  it('threads in the order of their best hit; ↑/↓ walk the grouped order', () => {
    const { groups, flat } = groupHits([hit(1, 10), hit(2, 20), hit(3, 10), hit(4, 30), hit(5, 20)]);
    expect(groups.map((g) => [g.threadId, g.start, g.hits.map((h) => h.messageId)])).toEqual([
      [10, 0, [1, 3]],
      [20, 2, [2, 5]],
      [30, 4, [4]],
    ]);
    expect(flat.map((h) => h.messageId)).toEqual([1, 3, 2, 5, 4]);
  });
});

describe('days typed by a person', () => {
  it('reads YYYY-MM-DD as local midnight and refuses days that do not exist', () => {
    expect(parseDay('2026-03-09')).toBe(new Date(2026, 2, 9).getTime());
    expect(parseDay(' 2026/3/9 ')).toBe(new Date(2026, 2, 9).getTime());
    expect(parseDay('2026-02-30')).toBeNull();
    expect(parseDay('9 March')).toBeNull();
  });

  it('a range includes both days, in either order; the error says what to type', () => {
    expect(parseDayRange('2026-03-09', '2026-03-03')).toEqual({ from: new Date(2026, 2, 3).getTime(), to: new Date(2026, 2, 10).getTime() });
    expect(parseDayRange('2026-03-09', '')).toEqual({ from: new Date(2026, 2, 9).getTime(), to: new Date(2026, 2, 10).getTime() });
    expect(parseDayRange('yesterday', '2026-03-03')).toEqual({ error: expect.stringContaining('YYYY-MM-DD') });
  });

  it('quick ranges end with today and name their days', () => {
    expect(quickRange('today', NOW)).toEqual({ from: startOfDay(NOW), to: addDays(NOW, 1) });
    expect(dayKey(quickRange('30d', NOW).from)).toBe('2026-10-24');
    expect(dayRangeLabel(new Date(2026, 10, 16).getTime(), new Date(2026, 10, 23).getTime(), NOW)).toMatch(/16.*22/);
  });
});

describe('report periods', () => {
  it('[ and ] step by the period’s own length, never past today', () => {
    const week = presetPeriod('7d', NOW);
    const before = shiftPeriod(week, -1, NOW)!;
    expect(before.to).toBe(week.from);
    expect(dayKey(before.from)).toBe('2026-11-09');
    expect(shiftPeriod(before, 1, NOW)).toEqual(week);
    expect(shiftPeriod(week, 1, NOW)).toBeNull();
  });

  it('volume has one entry per day of the period, days without messages included', () => {
    const from = new Date(2026, 10, 20).getTime();
    const days = volumeByDay({
      from,
      to: addDays(from, 3),
      volume: [
        { day: '2026-11-20', network: 'x', count: 2 },
        { day: '2026-11-20', network: 'mastodon', count: 3 },
        { day: '2026-11-22', network: 'x', count: 1 },
      ],
      firstResponse: { count: 0, medianMs: null, p90Ms: null },
      resolution: { count: 0, medianMs: null, p90Ms: null },
      sla: { met: 0, breached: 0, waitingBreached: 0 },
      byLabel: [],
      byNetwork: [],
    });
    expect(days.map((d) => [d.day, d.total])).toEqual([
      ['2026-11-20', 5],
      ['2026-11-21', 0],
      ['2026-11-22', 1],
    ]);
  });

  it('axes end on a round number', () => {
    expect(niceScale(7)).toEqual({ top: 8, step: 2 });
    expect(niceScale(43)).toEqual({ top: 50, step: 10 });
    expect(niceScale(0)).toEqual({ top: 4, step: 1 });
  });
});

describe('time in words', () => {
  it('durations', () => {
    expect(duration(45_000)).toBe('45 s');
    expect(duration(12 * 60_000)).toBe('12 min');
    expect(duration(3 * 3_600_000 + 20 * 60_000)).toBe('3 h 20 min');
    expect(duration(2 * 86_400_000 + 4 * 3_600_000)).toBe('2 d 4 h');
  });

  it('when the next poll is due', () => {
    expect(until(NOW + 2_000, NOW)).toBe('now');
    expect(until(NOW + 40_000, NOW)).toBe('in 40 s');
    expect(until(NOW + 3 * 60_000, NOW)).toBe('in 3 min');
    expect(until(NOW + 10 * 3_600_000, NOW)).toMatch(/^at .* tomorrow$/);
  });
});
