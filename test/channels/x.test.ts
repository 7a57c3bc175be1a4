/** The X adapter against the fake X API v2 (test/fakes/x.ts). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createXAdapter, verifyX, X_SETUP } from '../../main/channels/x/index';
import type { AdapterContext, ChannelAdapter, NormalisedMessage, OutgoingReply, RejectedItem } from '../../main/channels/types';
import { NETWORK_RULES } from '../../preload/shared/length';
import { startXFake, type XFake } from '../fakes/x';
import { failure } from '../support/channel';

let fake: XFake;
beforeEach(async () => {
  fake = await startXFake();
});
afterEach(async () => {
  await fake.close();
});

function setup(o: { config?: Record<string, unknown>; secrets?: Record<string, string>; fetch?: typeof fetch } = {}) {
  const secrets = new Map(Object.entries(o.secrets ?? fake.tokens));
  const state = new Map<string, string>();
  const ctx: AdapterContext = {
    account: {
      id: 1,
      channel: 'x',
      network: 'x',
      name: 'Harbor Coffee · X',
      handle: '@harborcoffee',
      config: { baseUrl: fake.baseUrl, userId: fake.brand.id, clientId: fake.clientId, timeoutMs: 400, pageSize: 5, ...o.config },
    },
    state: { get: (k) => state.get(k) ?? null, set: (k, v) => void state.set(k, v) },
    secrets: { get: async (n) => secrets.get(n) ?? null, set: async (n, v) => void secrets.set(n, v) },
    now: () => fake.clock,
    fetch: o.fetch ?? globalThis.fetch,
  };
  return { adapter: createXAdapter(ctx), secrets, state };
}

/** Polls until the platform has nothing more right away, like the poller does. */
async function drain(adapter: ChannelAdapter, stream: string, cursor: string | null) {
  const items: NormalisedMessage[] = [];
  const rejected: RejectedItem[] = [];
  let polls = 0;
  for (;;) {
    const r = await adapter.poll(stream, cursor);
    polls++;
    items.push(...r.items);
    rejected.push(...r.rejected);
    cursor = r.nextCursor ?? cursor;
    if (!r.more) return { items, rejected, cursor, polls };
    if (polls > 50) throw new Error('walk does not end');
  }
}


const ids = (items: NormalisedMessage[]) => items.map((i) => i.externalId).sort();
const requestsTo = (path: string) => fake.requests.filter((r) => r.path === path);

function reply(over: Partial<OutgoingReply>): OutgoingReply {
  return {
    idempotencyKey: `key-${Math.random()}`,
    threadExternalId: '',
    kind: 'mention',
    inReplyToExternalId: null,
    customerExternalId: '',
    customerLastMessageAt: null,
    text: 'Thanks for writing, we are on it.',
    ...over,
  };
}

describe('mentions stream', () => {
  it('walks newest-first pages down to the end, then keeps the newest id as since_id', async () => {
    const ana = fake.addUser('ana');
    const seeded = Array.from({ length: 7 }, (_, i) => fake.mention(ana, `@harborcoffee question ${i}`));
    const { adapter } = setup();
    const first = await adapter.poll('mentions', null);
    expect(first.items).toHaveLength(5);
    expect(first.more).toBe(true);
    const second = await adapter.poll('mentions', first.nextCursor);
    expect(second.more).toBe(false);
    expect(ids([...first.items, ...second.items])).toEqual(seeded.map((t) => t.id).sort());
    expect(second.nextCursor).toBe(`since=${seeded[6]!.id}`);
    const [r1, r2] = requestsTo(`/2/users/${fake.brand.id}/mentions`);
    expect(r1!.query.get('since_id')).toBeNull();
    expect(r2!.query.get('pagination_token')).toBeTruthy();
    expect(r1!.query.get('expansions')).toContain('referenced_tweets.id');
    expect(r1!.query.get('user.fields')).toContain('public_metrics');
  });

  it('gives the same items for the same cursor, and a new mention after the cursor once', async () => {
    const ana = fake.addUser('ana');
    for (let i = 0; i < 6; i++) fake.mention(ana, `@harborcoffee hi ${i}`);
    const { adapter } = setup();
    const first = await adapter.poll('mentions', null);
    const again = await adapter.poll('mentions', first.nextCursor);
    const again2 = await adapter.poll('mentions', first.nextCursor);
    expect(ids(again.items)).toEqual(ids(again2.items));
    const { cursor } = await drain(adapter, 'mentions', null);
    expect((await adapter.poll('mentions', cursor)).items).toEqual([]);
    const fresh = fake.mention(ana, '@harborcoffee still waiting');
    const r = await adapter.poll('mentions', cursor);
    expect(ids(r.items)).toEqual([fresh.id]);
    expect(requestsTo(`/2/users/${fake.brand.id}/mentions`).at(-1)!.query.get('since_id')).toBe(cursor!.slice('since='.length));
    expect((await adapter.poll('mentions', r.nextCursor)).items).toEqual([]);
  });

  it('normalises: customers in, the brand’s replies out, one thread per customer per conversation, followers, raw kept', async () => {
    const ana = fake.addUser('ana', { followers: 12_000, name: 'Ana Lima' });
    const bo = fake.addUser('bo', { followers: 40 });
    const root = fake.mention(ana, '@harborcoffee my order never came &amp; nobody answers');
    const ours = fake.brandPost('So sorry Ana, checking now', { replyTo: root });
    const back = fake.mention(ana, '@harborcoffee order 4411', { replyTo: ours });
    const other = fake.mention(bo, '@harborcoffee love the new roast', { note: '@harborcoffee love the new roast — a long post past 280 …' });
    fake.retweet(bo, other);
    // Someone else joins Ana's conversation; the brand answers them, they answer back.
    const cy = fake.addUser('cy');
    const joins = fake.mention(cy, '@harborcoffee same here', { replyTo: root });
    const toCy = fake.brandPost('Cy, DM us your order number', { replyTo: joins });
    const cyBack = fake.mention(cy, '@harborcoffee done', { replyTo: toCy });
    const walk = await drain(setup().adapter, 'mentions', null);
    const items = walk.items.sort((a, b) => a.createdAt - b.createdAt);

    // Cy joining Ana's conversation is a case of its own, in the same X conversation.
    const anaThread = `${root.id}:${ana.id}`;
    const cyThread = `${root.id}:${cy.id}`;
    expect(items.map((i) => [i.externalId, i.direction, i.threadExternalId])).toEqual([
      [root.id, 'in', anaThread],
      [ours.id, 'out', anaThread],
      [back.id, 'in', anaThread],
      [other.id, 'in', `${other.id}:${bo.id}`],
      [joins.id, 'in', cyThread],
      [toCy.id, 'out', cyThread],
      [cyBack.id, 'in', cyThread],
    ]);
    expect(items.find((i) => i.externalId === toCy.id)!.customer.handle).toBe('@cy');
    expect(items.every((i) => i.kind === 'mention')).toBe(true);
    const [first, out, , long] = items;
    expect(first!.customer).toEqual({ externalId: ana.id, handle: '@ana', displayName: 'Ana Lima', followerCount: 12_000 });
    expect(first!.text).toBe('@harborcoffee my order never came & nobody answers');
    expect(first!.raw).toMatchObject({ id: root.id, author_id: ana.id, conversation_id: root.id });
    expect(out!.customer.externalId).toBe(ana.id);
    expect(out!.authorName).toBe('Harbor Coffee');
    expect(long!.text).toContain('a long post past 280');
    expect(long!.customer.followerCount).toBe(40);
    expect(first!.createdAt).toBe(Date.parse(root.created_at));
  });

  it('rejects an item of unknown shape with its raw body and keeps the rest; partial errors too', async () => {
    const ana = fake.addUser('ana');
    const good = fake.mention(ana, '@harborcoffee hello');
    fake.queueFault('mentions', { inject: 'broken' });
    fake.queueFault('mentions', { inject: 'partial' });
    const { adapter } = setup({ config: { pageSize: 100 } });
    const r = await adapter.poll('mentions', null);
    expect(ids(r.items)).toEqual([good.id]);
    expect(r.rejected).toHaveLength(1);
    expect(r.rejected[0]!.raw).toMatchObject({ text: 42, mystery: true });
    expect(r.rejected[0]!.reason).toMatch(/does not have the expected shape/);
    const p = await adapter.poll('mentions', null);
    expect(p.items).toHaveLength(1);
    expect(p.rejected).toEqual([expect.objectContaining({ reason: expect.stringMatching(/not authorized to see the Tweet/) })]);
  });

  it('starts the walk again from the mark when X no longer knows a stored page token', async () => {
    const ana = fake.addUser('ana');
    const t = fake.mention(ana, '@harborcoffee hi');
    const { adapter } = setup();
    const r = await adapter.poll('mentions', 'since=1900000000000000000&newest=1900000000000000009&page=gone');
    expect(r).toEqual({ items: [], rejected: [], nextCursor: 'since=1900000000000000000', more: true });
    expect(ids((await adapter.poll('mentions', r.nextCursor)).items)).toEqual([t.id]);
    const first = await adapter.poll('dms', 'newest=1900000000000000009&page=gone');
    expect(first.nextCursor).toBe('restart');
    expect((await adapter.poll('dms', first.nextCursor)).more).toBe(false);
  });

  it('answers a 200 that is not JSON with bad_payload', async () => {
    fake.queueFault('mentions', { malformed: true });
    expect((await failure(setup().adapter.poll('mentions', null))).kind).toBe('bad_payload');
  });
});

describe('dms stream', () => {
  it('pages newest-first until it reaches the newest event seen, and never returns one twice', async () => {
    const bo = fake.addUser('bo');
    const seeded = Array.from({ length: 7 }, (_, i) => fake.dm(bo, `message ${i}`));
    const { adapter } = setup();
    const walk = await drain(adapter, 'dms', null);
    expect(walk.polls).toBe(2);
    expect(ids(walk.items)).toEqual(seeded.map((e) => e.id).sort());
    expect(walk.cursor).toBe(`since=${seeded[6]!.id}`);

    const two = [fake.dm(bo, 'new 1'), fake.dm(bo, 'new 2')];
    const r = await adapter.poll('dms', walk.cursor);
    expect(r.more).toBe(false);
    expect(ids(r.items)).toEqual(two.map((e) => e.id).sort());
    // The same cursor again: the same two, nothing older.
    expect(ids((await adapter.poll('dms', walk.cursor)).items)).toEqual(ids(r.items));

    const six = Array.from({ length: 6 }, (_, i) => fake.dm(bo, `burst ${i}`));
    const burst = await drain(adapter, 'dms', r.nextCursor);
    expect(burst.polls).toBe(2);
    expect(ids(burst.items)).toEqual(six.map((e) => e.id).sort());
    expect(requestsTo('/2/dm_events')[0]!.query.get('event_types')).toBe('MessageCreate');
  });

  it('normalises: brand’s own messages out with the customer looked up, thread = dm_conversation_id', async () => {
    const cy = fake.addUser('cy', { followers: 7_500, name: 'Cy Okafor' });
    const ours = fake.dm(cy, 'Hi Cy, your refund is on its way', true);
    const { adapter } = setup();
    const { items } = await drain(adapter, 'dms', null);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      externalId: ours.id,
      threadExternalId: fake.conversationId(cy),
      kind: 'dm',
      direction: 'out',
      customer: { externalId: cy.id, handle: '@cy', displayName: 'Cy Okafor', followerCount: 7_500 },
      text: 'Hi Cy, your refund is on its way',
      raw: { id: ours.id, sender_id: fake.brand.id },
    });
    expect(requestsTo('/2/users')[0]!.query.get('ids')).toBe(cy.id);

    const theirs = fake.dm(cy, 'thanks!');
    const next = await adapter.poll('dms', `since=${ours.id}`);
    expect(next.items).toEqual([expect.objectContaining({ externalId: theirs.id, direction: 'in', threadExternalId: fake.conversationId(cy) })]);
  });

  it('files the brand’s message in a group conversation under the customer who wrote last', async () => {
    const bo = fake.addUser('bo');
    const cy = fake.addUser('cy');
    const group = '1582838499983564806';
    fake.groupDm(group, bo, 'hello from bo');
    fake.groupDm(group, cy, 'and cy');
    const ours = fake.groupDm(group, null, 'Hi both!');
    const { items } = await drain(setup().adapter, 'dms', null);
    expect(items.map((i) => [i.direction, i.customer.handle, i.threadExternalId])).toEqual([
      ['in', '@bo', group],
      ['in', '@cy', group],
      ['out', '@cy', group],
    ]);
    expect(items[2]!.externalId).toBe(ours.id);
  });

  it('rejects a broken event with its raw body and keeps the rest', async () => {
    const bo = fake.addUser('bo');
    const good = fake.dm(bo, 'where is my order');
    fake.queueFault('dmEvents', { inject: 'broken' });
    const r = await setup().adapter.poll('dms', null);
    expect(ids(r.items)).toEqual([good.id]);
    expect(r.rejected.map((x) => x.raw)).toEqual([expect.objectContaining({ text: 42 })]);
  });
});

describe('sending', () => {
  it('posts a reply to the customer’s post, once, with the documented body', async () => {
    const ana = fake.addUser('ana');
    const root = fake.mention(ana, '@harborcoffee help');
    const m = fake.mention(ana, '@harborcoffee order 4411', { replyTo: root });
    const { adapter } = setup();
    const receipt = await adapter.send(reply({ threadExternalId: m.conversation_id, inReplyToExternalId: m.id, customerExternalId: ana.id, text: 'On it, Ana!' }));
    expect(fake.replies).toHaveLength(1);
    expect(fake.replies[0]).toMatchObject({ route: 'createTweet', path: '/2/tweets', body: { text: 'On it, Ana!', reply: { in_reply_to_tweet_id: m.id } } });
    expect(receipt.externalId).toBe(fake.replies[0]!.createdId);
  });

  it('answers the conversation’s root when the thread has no customer post to answer', async () => {
    const ana = fake.addUser('ana');
    const root = fake.mention(ana, '@harborcoffee help');
    const { adapter } = setup();
    await adapter.send(reply({ threadExternalId: `${root.conversation_id}:${ana.id}`, inReplyToExternalId: null, customerExternalId: ana.id, text: 'Hi Ana!' }));
    expect(fake.replies[0]).toMatchObject({ body: { reply: { in_reply_to_tweet_id: root.id } } });
  });

  it('sends a DM into the conversation', async () => {
    const bo = fake.addUser('bo');
    fake.dm(bo, 'refund?');
    const conv = fake.conversationId(bo);
    const receipt = await setup().adapter.send(reply({ kind: 'dm', threadExternalId: conv, customerExternalId: bo.id, text: 'Refund sent today.' }));
    expect(fake.replies).toEqual([{ route: 'createDm', path: `/2/dm_conversations/${conv}/messages`, body: { text: 'Refund sent today.' }, createdId: receipt.externalId }]);
  });

  it.each([
    ['mention', 'a'.repeat(280), true],
    ['mention', 'a'.repeat(281), false],
    ['mention', '漢'.repeat(140), true], // CJK weighs two
    ['mention', '漢'.repeat(141), false],
    ['mention', `${'a'.repeat(256)} https://example.com/${'x'.repeat(60)}`, true], // a link counts 23
    ['dm', 'b'.repeat(10_000), true],
    ['dm', 'b'.repeat(10_001), false],
  ] as const)('length rule: %s of %#', async (kind, text, ok) => {
    const ana = fake.addUser('ana');
    const m = fake.mention(ana, '@harborcoffee hi');
    fake.dm(ana, 'hi');
    const { adapter } = setup();
    expect(adapter.limits.lengthRule(kind)).toEqual(kind === 'dm' ? NETWORK_RULES.x.dm : NETWORK_RULES.x.public);
    const r = reply({ kind, text, inReplyToExternalId: m.id, threadExternalId: kind === 'dm' ? fake.conversationId(ana) : m.id, customerExternalId: ana.id });
    if (ok) {
      await adapter.send(r);
      expect(fake.replies).toHaveLength(1);
    } else {
      const err = await failure(adapter.send(r));
      expect(err.kind).toBe('refused');
      expect(err.message).toMatch(/at most (280|10000)/);
      expect(fake.replies).toHaveLength(0);
    }
  });

  it('turns X’s refusal into a message a person understands', async () => {
    const dee = fake.addUser('dee', { acceptsDms: false });
    const err = await failure(setup().adapter.send(reply({ kind: 'dm', threadExternalId: fake.conversationId(dee), customerExternalId: dee.id })));
    expect(err.kind).toBe('refused');
    expect(err.message).toContain('You cannot send messages to this user.');
  });
});

describe('failures', () => {
  it('maps a 429 to rate_limited until x-rate-limit-reset, and keeps the budget in state', async () => {
    const reset = Math.floor(fake.clock / 1000) + 600;
    fake.setBudget('mentions', { limit: 180, remaining: 0, reset });
    const { adapter, state } = setup();
    const err = await failure(adapter.poll('mentions', null));
    expect(err.kind).toBe('rate_limited');
    expect(err.retryAt).toBe(reset * 1000);
    expect(JSON.parse(state.get('rateLimit')!)).toMatchObject({ limit: 180, remaining: 0, resetAt: reset * 1000 });
  });

  it('exposes the last seen budget after an ordinary poll', async () => {
    const { adapter, state } = setup();
    await adapter.poll('dms', null);
    expect(JSON.parse(state.get('rateLimit')!)).toMatchObject({ endpoint: 'direct messages', limit: 180, remaining: 179 });
  });

  it('waits for the 24-hour posting cap when that is what ran out', async () => {
    const ana = fake.addUser('ana');
    const m = fake.mention(ana, '@harborcoffee hi');
    const dayReset = Math.floor(fake.clock / 1000) + 20 * 3600;
    fake.setDailyPostLimit({ limit: 17, remaining: 0, reset: dayReset });
    const err = await failure(setup().adapter.send(reply({ threadExternalId: m.id, inReplyToExternalId: m.id })));
    expect(err.kind).toBe('rate_limited');
    expect(err.retryAt).toBe(dayReset * 1000);
    expect(fake.replies).toHaveLength(0);
  });

  it('renews an expired access token once, stores the new tokens, and carries on', async () => {
    const ana = fake.addUser('ana');
    fake.mention(ana, '@harborcoffee hi');
    fake.dm(ana, 'hi');
    const { adapter, secrets } = setup();
    fake.expireAccessToken();
    const [m, d] = await Promise.all([adapter.poll('mentions', null), adapter.poll('dms', null)]);
    expect(m.items).toHaveLength(1);
    expect(d.items).toHaveLength(1);
    expect(fake.refreshes).toBe(1);
    expect(secrets.get('accessToken')).toBe(fake.tokens.accessToken);
    expect(secrets.get('refreshToken')).toBe(fake.tokens.refreshToken);
    const form = new URLSearchParams(requestsTo('/2/oauth2/token')[0]!.body);
    expect(Object.fromEntries(form)).toMatchObject({ grant_type: 'refresh_token', client_id: fake.clientId });
  });

  it('does not renew again when a request that left with the old token comes back 401 after a renewal', async () => {
    let release!: () => void;
    const gate = new Promise<void>((ok) => (release = ok));
    const ctxFetch: typeof fetch = async (input, init) => {
      // Hold the DM request (already carrying the old token) until the mentions poll has renewed.
      if (String(input).includes('/2/dm_events')) await gate;
      return globalThis.fetch(input, init);
    };
    const held = setup({ fetch: ctxFetch });
    fake.expireAccessToken();
    const dms = held.adapter.poll('dms', null);
    await held.adapter.poll('mentions', null);
    expect(fake.refreshes).toBe(1);
    release();
    await dms;
    expect(fake.refreshes).toBe(1);
  });

  it('is auth_failed when the app was revoked (refresh refused), without a secret in the message or state', async () => {
    const { adapter, secrets, state } = setup();
    const old = { ...fake.tokens };
    fake.revoke();
    const err = await failure(adapter.poll('mentions', null));
    expect(err.kind).toBe('auth_failed');
    expect(err.message).toMatch(/Reconnect the X account/);
    const said = [err.message, ...state.values()].join(' ');
    for (const s of [old.accessToken, old.refreshToken, ...secrets.values()]) expect(said).not.toContain(s);
  });

  it('is auth_failed on a 401 when no refresh token is stored, without trying to refresh', async () => {
    const { adapter } = setup({ secrets: { accessToken: fake.tokens.accessToken } });
    fake.expireAccessToken();
    expect((await failure(adapter.poll('dms', null))).kind).toBe('auth_failed');
    expect(requestsTo('/2/oauth2/token')).toHaveLength(0);
  });

  it('maps 5xx and a response slower than the timeout to transient', async () => {
    fake.queueFault('mentions', { status: 503, body: { title: 'Service Unavailable', detail: 'Service Unavailable', type: 'about:blank', status: 503 } });
    fake.queueFault('dmEvents', { slowMs: 1_500 });
    const { adapter } = setup({ config: { timeoutMs: 250 } });
    const e5 = await failure(adapter.poll('mentions', null));
    expect(e5.kind).toBe('transient');
    expect(e5.message).toContain('503');
    const slow = await failure(adapter.poll('dms', null));
    expect(slow.kind).toBe('transient');
    expect(slow.message).toMatch(/timed out/);
    expect(slow.mayHaveLeft).toBe(false);
  });

  it('says a dropped send may have left, and findSent then finds the post that landed', async () => {
    const ana = fake.addUser('ana');
    const m = fake.mention(ana, '@harborcoffee where is my order');
    const { adapter } = setup();
    const r = reply({ threadExternalId: m.conversation_id, inReplyToExternalId: m.id, customerExternalId: ana.id, text: 'It ships today & you get a code: https://harbor.example/c/123' });
    fake.queueFault('createTweet', { drop: 'after' });
    const err = await failure(adapter.send(r));
    expect(err.kind).toBe('transient');
    expect(err.mayHaveLeft).toBe(true);
    expect(fake.replies).toHaveLength(1);
    const found = await adapter.findSent!(r);
    expect(found?.externalId).toBe(fake.replies[0]!.createdId);
    expect(requestsTo(`/2/users/${fake.brand.id}/tweets`)[0]!.query.get('start_time')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('findSent looks from the first attempt, so a later retry does not hide a post that landed', async () => {
    const ana = fake.addUser('ana');
    const m = fake.mention(ana, '@harborcoffee hi');
    const { adapter } = setup();
    const r = reply({ threadExternalId: m.id, inReplyToExternalId: m.id, text: 'First try landed' });
    fake.queueFault('createTweet', { drop: 'after' });
    expect((await failure(adapter.send(r))).mayHaveLeft).toBe(true);
    fake.setClock(fake.clock + 30 * 60_000);
    // The retry meets X's duplicate-content refusal; the post from the first attempt is the one.
    expect((await failure(adapter.send(r))).message).toMatch(/duplicate content/);
    expect((await adapter.findSent!(r))?.externalId).toBe(fake.replies[0]!.createdId);
  });

  it('findSent says null when the dropped request never landed, for posts and DMs', async () => {
    const ana = fake.addUser('ana');
    const m = fake.mention(ana, '@harborcoffee hi');
    fake.dm(ana, 'hi');
    const { adapter } = setup();
    fake.brandPost('Same words, other thread', {});
    const post = reply({ threadExternalId: m.id, inReplyToExternalId: m.id, text: 'Same words, other thread' });
    const dm = reply({ kind: 'dm', threadExternalId: fake.conversationId(ana), customerExternalId: ana.id, text: 'Checking now' });
    fake.queueFault('createTweet', { drop: 'before' });
    fake.queueFault('createDm', { drop: 'before' });
    expect((await failure(adapter.send(post))).mayHaveLeft).toBe(true);
    expect((await failure(adapter.send(dm))).mayHaveLeft).toBe(true);
    expect(fake.replies).toHaveLength(0);
    expect(await adapter.findSent!(post)).toBeNull();
    expect(await adapter.findSent!(dm)).toBeNull();
  });

  it('findSent finds a DM that landed before the connection dropped', async () => {
    const bo = fake.addUser('bo');
    fake.dm(bo, 'any news?');
    const { adapter } = setup();
    const r = reply({ kind: 'dm', threadExternalId: fake.conversationId(bo), customerExternalId: bo.id, text: 'Yes: it left the roastery.' });
    fake.queueFault('createDm', { drop: 'after' });
    expect((await failure(adapter.send(r))).mayHaveLeft).toBe(true);
    expect((await adapter.findSent!(r))?.externalId).toBe(fake.replies[0]!.createdId);
  });

  it('refuses a stream it does not have', async () => {
    expect((await failure(setup().adapter.poll('comments', null))).kind).toBe('refused');
  });
});

describe('connecting', () => {
  it('verify asks X who the token belongs to', async () => {
    const who = await verifyX({ config: { baseUrl: fake.baseUrl, clientId: fake.clientId }, secrets: { ...fake.tokens }, fetch: globalThis.fetch });
    expect(who).toEqual({ name: 'Harbor Coffee', handle: '@harborcoffee', externalId: fake.brand.id, config: { userId: fake.brand.id } });
    expect(requestsTo('/2/users/me')[0]!.authorization).toBe(`Bearer ${fake.tokens.accessToken}`);
  });

  it('verify refuses a bad token and a refresh token without its client id', async () => {
    const bad = await failure(verifyX({ config: { baseUrl: fake.baseUrl }, secrets: { accessToken: 'nope' }, fetch: globalThis.fetch }));
    expect(bad.kind).toBe('auth_failed');
    expect(bad.message).not.toContain('nope');
    const noClient = await failure(verifyX({ config: { baseUrl: fake.baseUrl }, secrets: { ...fake.tokens }, fetch: globalThis.fetch }));
    expect(noClient.kind).toBe('refused');
  });

  it('the form asks for the tokens as secrets and the client id in the open', () => {
    expect(X_SETUP.channel).toBe('x');
    expect(Object.fromEntries(X_SETUP.fields.map((f) => [f.key, f.secret]))).toEqual({ accessToken: true, refreshToken: true, clientId: false });
    expect(X_SETUP.help).toMatch(/offline\.access/);
  });
});
