// Offline review: filtered search, saved searches, exports that re-import, reports, customers across networks.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAccount } from '../../db/accounts';
import type { NormalisedMessage } from '../../main/channels/types';
import { parseCsv } from '../../main/services/export';
import type { ManualClock } from '../support/clock';
import { api, arriveOn, freshScriptedCore, type TestCore } from '../support/core';
import { msg, page, type ScriptedAdapter } from '../fakes/scripted-adapter';

let t: TestCore;
let adapter: ScriptedAdapter;
let clock: ManualClock;
let cleanup: () => Promise<void>;
beforeEach(() => void ({ t, adapter, clock, cleanup } = freshScriptedCore()));
afterEach(() => cleanup());
const H = 3600_000;
const h = () => api(t.core);



const arrive = (...items: Array<Partial<NormalisedMessage>>) => arriveOn({ t, adapter, clock }, items);

describe('filtered search', () => {
  it('combines text with status, label, assignee, date range, direction and customer filters', async () => {
    const start = clock.now();
    const [a, b] = await arrive(
      { threadExternalId: 'a', text: 'my grinder broke', customer: { externalId: 'ana', handle: '@ana', displayName: 'Ana Ruiz', followerCount: 5 } },
      { threadExternalId: 'b', text: 'the grinder is lovely' },
    );
    clock.advance(2 * H);
    await arrive({ threadExternalId: 'a', text: 'grinder still broken, refund please' });
    await h()['threads.label']({ threadId: a!, add: ['Hardware'] });
    await h()['threads.assign']({ threadId: a!, assignee: 'Tier 2 support' });
    await h()['threads.setStatus']({ threadId: b!, status: 'resolved' });
    const labelId = (await h()['labels.list']({}))[0]!.id;
    const q = (query: string, filters: object) => h()['search.messages']({ query, filters }).then((r) => r.total);

    expect(await q('grinder', {})).toBe(3);
    expect(await q('grinder', { statuses: ['open'] })).toBe(2);
    expect(await q('grinder', { labelIds: [labelId] })).toBe(2);
    expect(await q('grinder', { assignee: 'tier 2 SUPPORT' })).toBe(2);
    expect(await q('grinder', { from: start + H })).toBe(1);
    expect(await q('grinder', { from: start, to: start + H })).toBe(2);
    expect(await q('grinder', { direction: 'out' })).toBe(0);
    expect(await q('grinder', { networks: ['x'] })).toBe(3);
    expect(await q('grinder', { networks: ['mastodon'] })).toBe(0);
    const customerId = (await h()['threads.get']({ threadId: a! })).customer.id;
    expect(await q('grinder', { customerId })).toBe(2);
    // Filters alone list messages; quotes and operators with filters still never fail.
    expect(await q('', { customerId })).toBe(2);
    expect(await q('"grinder AND (refund', { statuses: ['open'], labelIds: [labelId] })).toBe(0);
    expect(await q('refund*', { statuses: ['open'] })).toBe(1);
  });

  it('keeps saved searches with their filters', async () => {
    const s = await h()['searches.save']({ name: 'Open refunds', query: 'refund', filters: { statuses: ['open'], direction: 'in' } });
    expect(await h()['searches.list']({})).toEqual([s]);
    await h()['searches.save']({ name: 'open refunds', query: 'refund*', filters: {} });
    expect((await h()['searches.list']({})).map((x) => x.query)).toEqual(['refund*']);
    await h()['searches.delete']({ id: s.id });
    expect(await h()['searches.list']({})).toEqual([]);
  });
});

describe('exports', () => {
  it('exports a thread as JSON with raw payloads, and as HTML that shows customer text as text', async () => {
    const [id] = await arrive({ threadExternalId: 'x', text: '<script>alert("hi")</script> & <b>bold</b>', raw: { platform: 'x', id: 'p1' } });
    await h()['notes.add']({ threadId: id!, text: 'VIP, be kind' });
    const json = JSON.parse((await h()['export.thread']({ threadId: id!, format: 'json' })).content);
    expect(json.format).toBe('care-console.thread/1');
    expect(json.messages[0].raw).toEqual({ platform: 'x', id: 'p1' });
    expect(json.notes[0].text).toBe('VIP, be kind');
    const html = await h()['export.thread']({ threadId: id!, format: 'html' });
    expect(html.mimeType).toBe('text/html');
    expect(html.content).toContain('&lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;');
    expect(html.content).not.toContain('<script>alert');
    expect(html.content).toContain('@media print');
  });

  it('exports a period as CSV a spreadsheet cannot be tricked by, and as JSON', async () => {
    const from = clock.now();
    await arrive({ threadExternalId: 'p1', text: '=HYPERLINK("http://evil","click")' }, { threadExternalId: 'p2', text: 'line one\nline "two", three' });
    const csv = await h()['export.period']({ from, to: from + H, format: 'csv' });
    const rows = parseCsv(csv.content);
    expect(rows[0]![0]).toBe('time (UTC)');
    expect(rows.map((r) => r[11])).toEqual(['text', `'=HYPERLINK("http://evil","click")`, 'line one\nline "two", three']);
    const json = JSON.parse((await h()['export.period']({ from, to: from + H, format: 'json' })).content);
    expect(json.messages).toHaveLength(2);
  });

  it('canned responses exported as JSON or CSV re-import to the same content', async () => {
    const originals = [
      { title: 'Refund', shortcut: 'refund', body: 'Hi {{customer.first_name | "there"}}, refunded {{blank:amount}}.\nThanks, {{agent.signature}}', crisis: false },
      { title: '=SUM(A1) tricky, "quoted"', shortcut: 'tricky', body: '-starts with a dash, has, commas', crisis: true },
      { title: 'Emoji ☕ and RTL مرحبا', shortcut: '', body: 'שלום 👋🏽', crisis: false },
    ];
    for (const c of originals) await h()['canned.save'](c);
    const strip = (l: Array<{ title: string; shortcut: string; body: string; crisis: boolean }>) =>
      l.map(({ title, shortcut, body, crisis }) => ({ title, shortcut, body, crisis })).sort((x, y) => x.title.localeCompare(y.title));
    const before = strip(await h()['canned.list']({}));
    for (const format of ['json', 'csv'] as const) {
      const file = await h()['canned.export']({ format });
      for (const c of await h()['canned.list']({})) await h()['canned.delete']({ id: c.id });
      expect(await h()['canned.import']({ format, content: file.content })).toEqual({ added: 3, updated: 0, skipped: [] });
      expect(strip(await h()['canned.list']({}))).toEqual(before);
      // Importing again updates in place instead of duplicating.
      expect(await h()['canned.import']({ format, content: file.content })).toEqual({ added: 0, updated: 3, skipped: [] });
    }
    const bad = await h()['canned.import']({ format: 'csv', content: 'title,body,shortcut\n,empty title,x\nOk,Body,BAD SHORTCUT\n' });
    expect(bad.added).toBe(0);
    expect(bad.skipped).toHaveLength(2);
    expect((await h()['canned.import']({ format: 'json', content: '{not json' })).skipped[0]).toMatch(/not JSON/);
  });
});

describe('reports', () => {
  it('gives volume per day and network, first response and resolution medians and p90, SLA and labels', async () => {
    const from = clock.now();
    const ids = await arrive(...[1, 2, 3, 4, 5].map((i) => ({ threadExternalId: `r${i}`, text: `question ${i}` })));
    // Answer after 10, 20, 30, 40 minutes; the fifth waits.
    for (const [i, id] of ids.slice(0, 4).entries()) {
      clock.advance(10 * 60_000);
      await h()['reply.send']({ threadId: id, text: `answer ${i}`, idempotencyKey: `rep-key-${i}` });
    }
    await h()['threads.label']({ threadId: ids[0]!, add: ['Shipping'] });
    clock.advance(H);
    await h()['threads.setStatus']({ threadId: ids[0]!, status: 'resolved' });
    const r = await h()['reports.get']({ from, to: from + 24 * H });
    expect(r.volume).toEqual([{ day: expect.stringMatching(/^\d{4}-\d\d-\d\d$/), network: 'x', count: 5 }]);
    expect(r.firstResponse).toEqual({ count: 4, medianMs: 20 * 60_000, p90Ms: 40 * 60_000 });
    expect(r.resolution.count).toBe(1);
    expect(r.resolution.medianMs).toBe(10 * 60_000 + H + 30 * 60_000);
    expect(r.sla).toEqual({ met: 4, breached: 0, waitingBreached: 1 });
    expect(r.byLabel).toEqual([{ label: 'Shipping', color: expect.any(String), threads: 1, firstResponse: { count: 1, medianMs: 600_000, p90Ms: 600_000 } }]);
    await expect(h()['reports.get']({ from: from + 1, to: from })).rejects.toThrow(/must come after/);
  });
});

describe('customers across networks', () => {
  it('suggests, links and unlinks identities of one person; one timeline across their threads', async () => {
    const mastodonAccount = createAccount(t.core.db, { channel: 'demo', network: 'mastodon', name: 'M', handle: '@m', config: {}, now: 1 });
    const [onX] = await arrive({ threadExternalId: 'x1', text: 'hi from X', customer: { externalId: 'x-ana', handle: '@ana_ruiz', displayName: 'Ana Ruiz', followerCount: 10 } });
    // The same person on Mastodon, through another account.
    adapter.queuePoll(
      page([msg({ threadExternalId: 'm1', text: 'hi from Mastodon', createdAt: clock.now() + 1, customer: { externalId: 'm-ana', handle: '@ana_ruiz@mastodon.social', displayName: 'Ana R.', followerCount: 3 } })], 'm'),
    );
    await t.core.poller.pollNow(mastodonAccount, 'mentions');
    const x = await h()['customers.get']({ customerId: (await h()['threads.get']({ threadId: onX! })).customer.id });
    expect(x.suggestions).toHaveLength(1);
    expect(x.suggestions[0]!.reason).toMatch(/same handle/);
    const linked = await h()['customers.link']({ customerId: x.id, otherCustomerId: x.suggestions[0]!.customerId });
    expect(linked.identities.map((i) => i.handle).sort()).toEqual(['@ana_ruiz', '@ana_ruiz@mastodon.social']);
    expect(linked.timeline.map((m) => m.text)).toEqual(['hi from Mastodon', 'hi from X']);
    expect(linked.threads).toHaveLength(2);
    const updated = await h()['customers.update']({ customerId: x.id, note: 'Prefers DMs', vip: true });
    expect([updated.note, updated.vip]).toEqual(['Prefers DMs', true]);
    const split = await h()['customers.unlink']({ identityId: linked.identities.find((i) => i.network === 'mastodon')!.id });
    expect(split.identities).toHaveLength(1);
    expect(split.threads).toHaveLength(1);
    await expect(h()['customers.unlink']({ identityId: split.identities[0]!.id })).rejects.toThrow(/only identity/);
  });
});
