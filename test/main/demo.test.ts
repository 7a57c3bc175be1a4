import { describe, expect, it } from 'vitest';
import { historySize, lengthRule, measure } from '../../main/channels/demo/generate';
import { createDemoAdapter, generateMessage } from '../../main/channels/demo/index';
import { ChannelError, type AdapterState, type ChannelAdapter, type NormalisedMessage, type OutgoingReply } from '../../main/channels/types';
import type { Network } from '../../preload/contract';

const MINUTE = 60_000;
const DAY = 86_400_000;
const STARTED = Date.UTC(2025, 5, 2, 9, 0, 0);
const NETWORKS: Network[] = ['x', 'facebook', 'instagram', 'telegram', 'mastodon', 'bluesky'];

function memoryState(): AdapterState & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, get: (k) => map.get(k) ?? null, set: (k, v) => void map.set(k, v) };
}

function setup(network: Network = 'x', config: Record<string, unknown> = {}, seed = 1000) {
  let now = STARTED;
  const state = memoryState();
  const adapter = createDemoAdapter({
    account: { id: 7, channel: 'demo', network, name: 'Harbor Coffee', handle: '@harborcoffee', config: { seed, startedAt: STARTED, ...config } },
    state,
    secrets: { get: async () => null, set: async () => {} },
    // The demo needs no network: any request is a bug.
    fetch: (() => Promise.reject(new Error('the demo channel must not fetch'))) as typeof fetch,
    now: () => now,
  });
  return {
    adapter,
    state,
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

/** Polls like the poller does: pages until `more` is false. */
async function drain(adapter: ChannelAdapter, stream: string, cursor: string | null) {
  const items: NormalisedMessage[] = [];
  const cursors: string[] = [];
  let pages = 0;
  for (;;) {
    const page = await adapter.poll(stream, cursor);
    pages++;
    expect(page.items.length).toBeLessThanOrEqual(200);
    items.push(...page.items);
    if (page.nextCursor !== null) cursor = page.nextCursor;
    cursors.push(cursor ?? '');
    if (!page.more) break;
    if (pages > 1000) throw new Error('poll never drained');
  }
  return { items, cursors, pages, cursor };
}

async function drainAll(adapter: ChannelAdapter) {
  const all: NormalisedMessage[] = [];
  const cursors: Record<string, string | null> = {};
  for (const s of adapter.streams) {
    const r = await drain(adapter, s, null);
    all.push(...r.items);
    cursors[s] = r.cursor;
  }
  return { all, cursors };
}

const gPart = (c: string) => Number(c.split(':')[0]);
const fPart = (c: string) => Number(c.split(':')[1]);

describe('demo channel: generation', () => {
  it('is a pure function of (seed, network, index)', () => {
    const a = [0, 1, 57, 400, 12_345, 999_999].map((i) => generateMessage(42, 'x', i, { startedAt: STARTED }));
    // Another order and other work in between, so no cache can be what makes them equal.
    for (let i = 0; i < 300; i++) generateMessage(43, 'bluesky', i * 7, { startedAt: STARTED });
    const b = [999_999, 12_345, 400, 57, 1, 0].map((i) => generateMessage(42, 'x', i, { startedAt: STARTED })).reverse();
    expect(b).toEqual(a);
  });

  it('differs between seeds', () => {
    const texts = (seed: number) => Array.from({ length: 60 }, (_, i) => generateMessage(seed, 'instagram', i, { startedAt: STARTED }).text);
    const one = texts(1);
    const two = texts(2);
    expect(one.filter((t, i) => t !== two[i]).length).toBeGreaterThan(50);
  });

  it('keeps externalIds unique and every text within the channel limit', () => {
    for (const network of NETWORKS) {
      const ids = new Set<string>();
      for (let i = 0; i < 3000; i++) {
        const m = generateMessage(5, network, i, { startedAt: STARTED });
        ids.add(m.externalId);
        const rule = lengthRule(network, m.kind);
        expect(measure(m.text, rule.count), `${network} #${i}: ${m.text}`).toBeLessThanOrEqual(rule.max);
        expect(m.text.trim()).not.toBe('');
      }
      expect(ids.size).toBe(3000);
    }
  });

  it('holds 80–150 threads of 1–8 messages in 14 days of history, some answered, some followed up', () => {
    for (const [n, network] of NETWORKS.entries()) {
      const seed = 1000 + n;
      const threads = new Map<string, NormalisedMessage[]>();
      for (let i = 0; i < historySize(seed); i++) {
        const m = generateMessage(seed, network, i, { startedAt: STARTED });
        expect(m.createdAt).toBeLessThan(STARTED);
        expect(m.createdAt).toBeGreaterThanOrEqual(STARTED - 14 * DAY);
        threads.set(m.threadExternalId, [...(threads.get(m.threadExternalId) ?? []), m]);
      }
      expect(threads.size).toBeGreaterThanOrEqual(80);
      expect(threads.size).toBeLessThanOrEqual(150);
      const lists = [...threads.values()];
      for (const msgs of lists) {
        expect(msgs.length).toBeGreaterThanOrEqual(1);
        expect(msgs.length).toBeLessThanOrEqual(8);
        expect(msgs[0]?.direction).toBe('in');
        expect(new Set(msgs.map((m) => m.kind)).size).toBe(1);
        expect(new Set(msgs.map((m) => m.customer.externalId)).size).toBe(1);
      }
      const answered = lists.filter((msgs) => msgs.some((m) => m.direction === 'out'));
      expect(answered.length).toBeGreaterThan(20);
      expect(answered.some((msgs) => msgs.at(-1)?.direction === 'in')).toBe(true);
      for (const msgs of answered) for (const m of msgs) if (m.direction === 'out') expect(m.authorName).toMatch(/^\w+ \(Harbor Coffee\)$/);
    }
  });

  it('reads like many different customers in several languages', () => {
    const msgs = Array.from({ length: 500 }, (_, i) => generateMessage(1000, 'x', i, { startedAt: STARTED }));
    const inbound = msgs.filter((m) => m.direction === 'in');
    const word = (words: string) => new RegExp(`(?<!\\p{L})(?:${words})(?!\\p{L})`, 'iu');
    const LANGS: Record<string, RegExp> = {
      ja: /[\u3040-\u30ff]/,
      ar: /[\u0600-\u06ff]/,
      hi: /[\u0900-\u097f]|(?<!\p{L})(?:bhai|kab|nahi|hai|ji)(?!\p{L})/u,
      es: /[¿¡]|(?<!\p{L})(?:hola|gracias|pedido|todavía)(?!\p{L})/iu,
      fr: word('bonjour|merci|commande|vous'),
      de: word('hallo|danke|bestellung|ich'),
      pt: word('oi|olá|você|vocês|obrigad[oa]|não'),
    };
    const seen = Object.keys(LANGS).filter((l) => inbound.some((m) => LANGS[l]?.test(m.text)));
    expect(seen.length).toBeGreaterThanOrEqual(5);
    expect(inbound.some((m) => /[\u0600-\u06ff]/.test(m.text))).toBe(true);
    expect(inbound.some((m) => m.text.length > 300)).toBe(true);
    expect(inbound.some((m) => m.text.length <= 8)).toBe(true);
    expect(inbound.some((m) => /\p{Extended_Pictographic}/u.test(m.text))).toBe(true);
    expect(inbound.some((m) => (m.customer.followerCount ?? 0) >= 100_000)).toBe(true);

    const people = new Map(inbound.map((m) => [m.customer.externalId, m.customer]));
    expect(people.size).toBeGreaterThan(100);
    const small = [...people.values()].filter((p) => (p.followerCount ?? 0) < 500).length;
    expect(small / people.size).toBeGreaterThan(0.85);
    // Not one template: most customer messages are unlike any other.
    expect(new Set(inbound.map((m) => m.text)).size / inbound.length).toBeGreaterThan(0.8);
    expect(inbound.some((m) => /#HC-\d{5}|HC-?\d{5}/.test(m.text))).toBe(true);
  });

  it('gives handles and follower counts in each network’s style', () => {
    const at = (network: Network) => generateMessage(3, network, 2, { startedAt: STARTED }).customer;
    expect(at('x').handle).toMatch(/^@\w{1,15}$/);
    expect(at('mastodon').handle).toMatch(/^@[\w.]+@[\w.-]+\.\w+$/);
    expect(at('bluesky').handle).toMatch(/^@[\w.-]+\.\w+$/);
    expect(at('bluesky').externalId).toMatch(/^did:plc:[a-z2-7]{24}$/);
    expect(at('telegram').followerCount).toBeNull();
    expect(at('facebook').followerCount).toBeNull();
    expect(typeof at('instagram').followerCount).toBe('number');
    const raw = generateMessage(3, 'x', 0, { startedAt: STARTED }).raw as { data: { id: string; text: string }; includes: { users: unknown[] } };
    expect(raw.data.text).toBe(generateMessage(3, 'x', 0, { startedAt: STARTED }).text);
    expect(raw.includes.users).toHaveLength(1);
  });
});

describe('demo channel: polling', () => {
  it('has the streams and limits of the network it imitates', () => {
    expect(setup('x').adapter.streams).toEqual(['mentions', 'dms']);
    expect(setup('facebook').adapter.streams).toEqual(['dms', 'comments']);
    expect(setup('telegram').adapter.streams).toEqual(['dms']);
    const x = setup('x').adapter;
    expect(x.channel).toBe('demo');
    expect(x.network).toBe('x');
    expect(x.pollIntervalSeconds).toBe(15);
    expect(x.limits.lengthRule('mention')).toEqual({ count: 'x-weighted', max: 280 });
    expect(x.limits.lengthRule('dm')).toEqual({ count: 'utf16', max: 10_000 });
    expect(setup('bluesky').adapter.limits.lengthRule('mention')).toEqual({ count: 'graphemes', max: 300 });
    expect(setup('instagram').adapter.limits.lengthRule('dm')).toEqual({ count: 'bytes', max: 1000 });
  });

  it('pages through history: more until drained, monotonic cursors, no duplicates, all of it', async () => {
    const { adapter } = setup('x', {}, 1000);
    let total = 0;
    for (const stream of adapter.streams) {
      const { items, cursors, pages } = await drain(adapter, stream, null);
      expect(pages).toBeGreaterThanOrEqual(1);
      const gs = cursors.map(gPart);
      for (let i = 1; i < gs.length; i++) expect(gs[i]).toBeGreaterThanOrEqual(gs[i - 1] ?? 0);
      expect(new Set(items.map((m) => m.externalId)).size).toBe(items.length);
      expect(items.every((m) => adapter.streams.indexOf(stream) === (m.kind === 'mention' ? 0 : 1))).toBe(true);
      total += items.length;
    }
    expect(total).toBe(historySize(1000));
  });

  it('pages at 200 and says more while more is due', async () => {
    const { adapter, advance } = setup('telegram');
    advance(DAY); // history plus a day of live traffic: well over one page
    const first = await adapter.poll('dms', null);
    expect(first.items).toHaveLength(200);
    expect(first.more).toBe(true);
    const rest = await drain(adapter, 'dms', first.nextCursor);
    const ids = [...first.items, ...rest.items].map((m) => m.externalId);
    expect(new Set(ids).size).toBe(ids.length);
    const last = await adapter.poll('dms', rest.cursor);
    expect(last).toMatchObject({ items: [], more: false, nextCursor: rest.cursor });
  });

  it('is idempotent: the same cursor gives the same items', async () => {
    const { adapter, advance } = setup('facebook');
    const a = await adapter.poll('comments', null);
    const b = await adapter.poll('comments', null);
    expect(b.items.map((m) => m.externalId)).toEqual(a.items.map((m) => m.externalId));
    expect(b.nextCursor).toBe(a.nextCursor);
    advance(20 * MINUTE);
    const c1 = await adapter.poll('comments', a.nextCursor);
    const c2 = await adapter.poll('comments', a.nextCursor);
    expect(c2).toEqual(c1);
  });

  it('never returns messages from the future', async () => {
    const { adapter, advance, now } = setup('mastodon');
    advance(-7 * DAY); // the clock before launch: only the first half of history exists
    const { all } = await drainAll(adapter);
    expect(all.length).toBeGreaterThan(0);
    expect(all.length).toBeLessThan(historySize(1000));
    expect(all.every((m) => m.createdAt <= now())).toBe(true);
  });

  it('brings new messages as the clock moves, at a believable pace', async () => {
    const { adapter, advance, now } = setup('x');
    const { all: history, cursors } = await drainAll(adapter);
    expect(history.every((m) => m.createdAt < STARTED)).toBe(true);
    const seen = new Set(history.map((m) => m.externalId));

    let fresh = 0;
    for (let step = 0; step < 36; step++) {
      advance(10 * MINUTE);
      for (const stream of adapter.streams) {
        const r = await drain(adapter, stream, cursors[stream] ?? null);
        cursors[stream] = r.cursor;
        for (const m of r.items) {
          expect(seen.has(m.externalId)).toBe(false);
          seen.add(m.externalId);
          expect(m.createdAt).toBeGreaterThan(now() - 10 * MINUTE);
          expect(m.createdAt).toBeLessThanOrEqual(now());
          fresh++;
        }
      }
    }
    // Six hours at one message every 2.5–6 minutes on average.
    expect(fresh).toBeGreaterThan((6 * 3600) / 360 / 1.5);
    expect(fresh).toBeLessThan(((6 * 3600) / 150) * 1.5);
  });

  it('refuses a stream the network does not have, and restarts on an unreadable cursor', async () => {
    const { adapter } = setup('telegram');
    await expect(adapter.poll('mentions', null)).rejects.toBeInstanceOf(ChannelError);
    const fromNull = await adapter.poll('dms', null);
    const fromJunk = await adapter.poll('dms', 'not-a-cursor');
    expect(fromJunk.items.map((m) => m.externalId)).toEqual(fromNull.items.map((m) => m.externalId));
  });
});

describe('demo channel: sending', () => {
  const reply = (over: Partial<OutgoingReply> = {}): OutgoingReply => ({
    idempotencyKey: 'key-0001',
    threadExternalId: 't1',
    kind: 'dm',
    inReplyToExternalId: null,
    customerExternalId: 'c1',
    customerLastMessageAt: null,
    text: 'Hi! Sorted, a new bag ships today. ^AL',
    ...over,
  });

  it('honours the idempotency key: the same key gets the same receipt', async () => {
    const { adapter, state, advance } = setup('x');
    const first = await adapter.send(reply());
    expect(first).toEqual({ externalId: 'demo-out-1', sentAt: STARTED });
    advance(MINUTE);
    expect(await adapter.send(reply())).toEqual(first);
    expect(JSON.parse(state.get('sent:key-0001') ?? 'null')).toEqual(first);
    expect(await adapter.findSent?.(reply())).toEqual(first);
    expect(await adapter.findSent?.(reply({ idempotencyKey: 'never-sent' }))).toBeNull();
    const second = await adapter.send(reply({ idempotencyKey: 'key-0002' }));
    expect(second).toEqual({ externalId: 'demo-out-2', sentAt: STARTED + MINUTE });
  });

  it('fails every nth send with a transient error before recording it', async () => {
    const { adapter } = setup('x', { failEveryNth: 2 });
    await adapter.send(reply({ idempotencyKey: 'a-000001' }));
    const err = await adapter.send(reply({ idempotencyKey: 'b-000002' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChannelError);
    expect((err as ChannelError).kind).toBe('transient');
    expect((err as ChannelError).message).toBe('Demo channel: simulated network error');
    expect(await adapter.findSent?.(reply({ idempotencyKey: 'b-000002' }))).toBeNull();
    // The outbox's retry goes through (attempt 3), and gets the next id.
    expect(await adapter.send(reply({ idempotencyKey: 'b-000002' }))).toEqual({ externalId: 'demo-out-2', sentAt: STARTED });
  });

  it('refuses a reply over the channel’s length rule', async () => {
    const { adapter } = setup('x');
    const long = 'a'.repeat(281);
    const err = await adapter.send(reply({ kind: 'mention', text: long })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChannelError);
    expect((err as ChannelError).kind).toBe('refused');
    // The same text is fine as a DM (10,000), and 140 CJK characters are 280 weighted.
    await expect(adapter.send(reply({ idempotencyKey: 'dm-00001', text: long }))).resolves.toMatchObject({ externalId: 'demo-out-1' });
    await expect(adapter.send(reply({ idempotencyKey: 'cjk-0001', kind: 'mention', text: '日'.repeat(140) }))).resolves.toBeDefined();
    await expect(adapter.send(reply({ idempotencyKey: 'cjk-0002', kind: 'mention', text: '日'.repeat(141) }))).rejects.toMatchObject({ kind: 'refused' });
  });

  it('keeps Meta’s messaging window on demo Facebook and Instagram DMs', async () => {
    const { adapter } = setup('facebook');
    expect(adapter.limits.replyWindow?.('dm', STARTED - DAY)).toEqual({ standardUntil: STARTED, humanAgentUntil: STARTED + 6 * DAY });
    expect(adapter.limits.replyWindow?.('comment', STARTED - DAY)).toBeNull();
    expect(setup('x').adapter.limits.replyWindow?.('dm', STARTED - DAY)).toBeNull();
    await expect(adapter.send(reply({ customerLastMessageAt: STARTED - 6 * DAY }))).resolves.toBeDefined();
    await expect(adapter.send(reply({ idempotencyKey: 'late-0001', customerLastMessageAt: STARTED - 8 * DAY }))).rejects.toMatchObject({ kind: 'refused' });
  });

  it('sometimes gets a customer follow-up, delivered once, in a later poll of the same stream', async () => {
    const { adapter, advance } = setup('x');
    const { all, cursors } = await drainAll(adapter);
    const threads = new Map<string, NormalisedMessage>();
    for (const m of all) threads.set(m.threadExternalId, m);
    const targets = [...threads.values()].slice(0, 48);
    for (const [n, last] of targets.entries()) {
      await adapter.send({
        idempotencyKey: `reply-${String(n).padStart(4, '0')}`,
        threadExternalId: last.threadExternalId,
        kind: last.kind,
        inReplyToExternalId: last.externalId,
        customerExternalId: last.customer.externalId,
        customerLastMessageAt: last.createdAt,
        text: 'Thanks for your patience, all sorted now! ^AL',
      });
    }
    const targetIds = new Set(targets.map((m) => m.threadExternalId));
    const followUps = async (from: Record<string, string | null>) => {
      const got: NormalisedMessage[] = [];
      const next: Record<string, string | null> = {};
      for (const stream of adapter.streams) {
        const r = await drain(adapter, stream, from[stream] ?? null);
        next[stream] = r.cursor;
        got.push(...r.items.filter((m) => targetIds.has(m.threadExternalId)));
      }
      return { got, next };
    };

    // Nothing within the first minute: the customer has not read the reply yet.
    advance(30_000);
    expect((await followUps(cursors)).got).toEqual([]);

    advance(5 * MINUTE);
    const { got, next } = await followUps(cursors);
    expect(got.length).toBeGreaterThanOrEqual(1);
    expect(got.length).toBeLessThan(targets.length / 2);
    expect(new Set(got.map((m) => m.threadExternalId)).size).toBe(got.length);
    for (const m of got) {
      const thread = threads.get(m.threadExternalId);
      expect(m.direction).toBe('in');
      expect(m.kind).toBe(thread?.kind);
      expect(m.customer).toEqual(thread?.customer);
      expect(m.createdAt).toBeGreaterThan(STARTED + MINUTE);
      expect(m.createdAt).toBeLessThanOrEqual(STARTED + 30_000 + 5 * MINUTE);
    }
    for (const c of Object.values(next)) expect(fPart(c ?? '0:0')).toBeGreaterThanOrEqual(0);

    // Once delivered, never again from the new cursor; the old cursor still repeats them exactly.
    advance(10 * MINUTE);
    expect((await followUps(next)).got).toEqual([]);
    expect((await followUps(cursors)).got.map((m) => m.externalId)).toEqual(got.map((m) => m.externalId));
  });
});
