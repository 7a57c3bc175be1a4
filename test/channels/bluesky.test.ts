import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BLUESKY_SETUP, createBlueskyAdapter, verifyBluesky } from '../../main/channels/bluesky/index';
import type { AdapterContext, ChannelAdapter, NormalisedMessage, OutgoingReply, PollResult } from '../../main/channels/types';
import { countLength } from '../../preload/shared/length';
import { startBlueskyFake, type BlueskyFake, type FakeOptions } from '../fakes/bluesky';
import { failure } from '../support/channel';

const TID = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;
const CHAT_PROXY = 'did:web:api.bsky.chat#bsky_chat';

let fake: BlueskyFake;
let state: Map<string, string>;
let secrets: Map<string, string>;

async function boot(opts: FakeOptions = {}): Promise<void> {
  fake = await startBlueskyFake(opts);
  state = new Map();
  secrets = new Map([['appPassword', fake.appPassword]]);
}

function adapter(config: Record<string, unknown> = {}): ChannelAdapter {
  const ctx: AdapterContext = {
    account: {
      id: 1,
      channel: 'bluesky',
      network: 'bluesky',
      name: 'Harbor Coffee',
      handle: '@harbor.bsky.social',
      config: { baseUrl: fake.baseUrl, identifier: fake.brand.handle, timeoutMs: 3_000, ...config },
    },
    state: { get: (k) => state.get(k) ?? null, set: (k, v) => void state.set(k, v) },
    secrets: { get: async (k) => secrets.get(k) ?? null, set: async (k, v) => void secrets.set(k, v) },
    now: () => fake.now(),
    fetch: (input, init) => fetch(input, init),
  };
  return createBlueskyAdapter(ctx);
}


/** Polls a stream until the platform has no more right away, as the poller does. */
async function drain(a: ChannelAdapter, stream: string, cursor: string | null): Promise<{ items: NormalisedMessage[]; cursor: string | null; pages: PollResult[] }> {
  const pages: PollResult[] = [];
  let c = cursor;
  for (let i = 0; i < 20; i++) {
    const page = await a.poll(stream, c);
    pages.push(page);
    c = page.nextCursor ?? c;
    if (!page.more) break;
  }
  return { items: pages.flatMap((p) => p.items), cursor: c, pages };
}

function reply(over: Partial<OutgoingReply>): OutgoingReply {
  return {
    idempotencyKey: 'key-1',
    threadExternalId: '',
    kind: 'mention',
    inReplyToExternalId: null,
    customerExternalId: '',
    customerLastMessageAt: null,
    text: 'Sorry about that, we are on it.',
    ...over,
  };
}

beforeEach(async () => boot());
afterEach(async () => fake.close());

describe('bluesky notifications', () => {
  it('hands over mentions and replies, normalised, with follower counts and threads as an agent reads them', async () => {
    const ana = fake.user('ana.bsky.social', { displayName: 'Ana Ruiz', followers: 25_000 });
    const ben = fake.user('ben.bsky.social', { displayName: 'Ben', followers: 12 });
    const anaRoot = fake.post(ana, '@harbor.bsky.social my beans never arrived');
    const anaMore = fake.post(ana, 'still nothing @harbor.bsky.social', { replyTo: anaRoot });
    const announcement = fake.post(fake.brand, 'New single origin is out!');
    const benReply = fake.post(ben, 'Is it available in decaf?', { replyTo: announcement });
    fake.like(ben, announcement);

    const page = await adapter().poll('notifications', null);

    expect(page.rejected).toEqual([]);
    expect(page.items.map((i) => i.externalId)).toEqual([benReply.uri, anaMore.uri, anaRoot.uri]);
    const byId = new Map(page.items.map((i) => [i.externalId, i]));
    expect(byId.get(anaRoot.uri)).toMatchObject({
      threadExternalId: anaRoot.uri,
      kind: 'mention',
      direction: 'in',
      text: '@harbor.bsky.social my beans never arrived',
      customer: { externalId: ana.did, handle: '@ana.bsky.social', displayName: 'Ana Ruiz', followerCount: 25_000 },
    });
    // A follow-up in the customer's own thread joins it; a reply under the brand's post gets its own.
    expect(byId.get(anaMore.uri)?.threadExternalId).toBe(anaRoot.uri);
    expect(byId.get(benReply.uri)).toMatchObject({ threadExternalId: `${announcement.uri}|${ben.did}`, customer: { followerCount: 12 } });
    expect(byId.get(benReply.uri)?.raw).toMatchObject({ uri: benReply.uri, reason: 'reply', record: { text: 'Is it available in decaf?' } });
    expect(byId.get(anaRoot.uri)?.createdAt).toBeGreaterThan(0);

    const call = fake.calls('app.bsky.notification.listNotifications')[0];
    expect(call?.params.getAll('reasons')).toEqual(['mention', 'reply']);
    expect(call?.params.get('limit')).toBe('50');
    expect(call?.proxy).toBeNull();
  });

  it('pages back until it meets the last poll; the same cursor gives the same items; a new one arrives once', async () => {
    const ana = fake.user('ana.bsky.social');
    const first = fake.post(ana, '@harbor.bsky.social hello');
    const a = adapter({ pageSize: 2 });
    const start = await a.poll('notifications', null);
    expect(start.items.map((i) => i.externalId)).toEqual([first.uri]);
    expect(start.more).toBe(false);

    const fresh = [1, 2, 3, 4, 5].map((n) => fake.post(ana, `@harbor.bsky.social message ${n}`).uri);
    const sweep = await drain(a, 'notifications', start.nextCursor);
    expect(sweep.pages.map((p) => p.more)).toEqual([true, true, false]);
    expect(sweep.items.map((i) => i.externalId).sort()).toEqual([...fresh].sort());
    expect(fake.calls('app.bsky.notification.listNotifications').map((c) => c.params.get('limit'))).toEqual(['2', '2', '2', '2']);

    const again = await a.poll('notifications', start.nextCursor);
    expect(again.items.map((i) => i.externalId)).toEqual(sweep.pages[0]?.items.map((i) => i.externalId));

    expect((await drain(a, 'notifications', sweep.cursor)).items).toEqual([]);
    const later = fake.post(ana, '@harbor.bsky.social one more');
    const next = await drain(a, 'notifications', sweep.cursor);
    expect(next.items.map((i) => i.externalId)).toEqual([later.uri]);
    expect((await drain(a, 'notifications', next.cursor)).items).toEqual([]);
  });

  it('neither loses nor repeats an item indexed in the same millisecond as the cursor', async () => {
    const ana = fake.user('ana.bsky.social');
    const at = fake.now() + 5_000;
    const one = fake.post(ana, '@harbor.bsky.social one', { at });
    const a = adapter();
    const p1 = await a.poll('notifications', null);
    expect(p1.items.map((i) => i.externalId)).toEqual([one.uri]);
    const two = fake.post(ana, '@harbor.bsky.social two', { at });
    const p2 = await a.poll('notifications', p1.nextCursor);
    expect(p2.items.map((i) => i.externalId)).toEqual([two.uri]);
    expect((await a.poll('notifications', p2.nextCursor)).items).toEqual([]);
  });

  it('rejects a broken notification with its raw body and keeps the rest of the page', async () => {
    const ana = fake.user('ana.bsky.social');
    const good = fake.post(ana, '@harbor.bsky.social good one');
    const broken = { uri: 'at://did:plc:zzz/app.bsky.feed.post/3kbroken', cid: 'bafyreibroken', reason: 'mention', author: { did: 'did:plc:zzz', handle: 'zzz.bsky.social' }, record: { text: 42 } };
    fake.rawNotification(broken);
    const unplaceable = { uri: 'at://did:plc:yyy/app.bsky.feed.post/3kwhen', reason: 'mention', indexedAt: 'yesterday-ish' };
    fake.rawNotification(unplaceable);

    const page = await adapter().poll('notifications', null);

    expect(page.items.map((i) => i.externalId)).toEqual([good.uri]);
    expect(page.rejected).toHaveLength(2);
    expect(page.rejected.find((r) => (r.raw as { uri: string }).uri === broken.uri)).toMatchObject({ reason: expect.stringContaining('record.text'), raw: broken });
    expect(page.rejected.find((r) => (r.raw as { uri: string }).uri === unplaceable.uri)?.reason).toContain('indexedAt');
  });

  it('asks getProfiles for at most 25 actors at a time', async () => {
    const people = Array.from({ length: 30 }, (_, i) => fake.user(`fan${i}.bsky.social`, { followers: 100 + i }));
    for (const p of people) fake.post(p, '@harbor.bsky.social love it');
    const page = await adapter().poll('notifications', null);
    expect(page.items).toHaveLength(30);
    expect(page.items.every((i) => i.customer.followerCount !== null && i.customer.followerCount >= 100)).toBe(true);
    const batches = fake.calls('app.bsky.actor.getProfiles').map((c) => c.params.getAll('actors').length);
    expect(batches).toEqual([25, 5]);
  });
});

describe('bluesky own posts', () => {
  it("brings the brand's replies made elsewhere as 'out' on the customer's thread, and skips reposts and top-level posts", async () => {
    const ana = fake.user('ana.bsky.social', { displayName: 'Ana' });
    const ben = fake.user('ben.bsky.social');
    const complaint = fake.post(ana, '@harbor.bsky.social cold coffee again');
    const answer = fake.post(fake.brand, 'So sorry Ana, DMing you now', { replyTo: complaint });
    const announcement = fake.post(fake.brand, 'We are hiring baristas');
    const question = fake.post(ben, 'Part time too?', { replyTo: announcement });
    const answer2 = fake.post(fake.brand, 'Yes, part time too!', { replyTo: question });
    fake.repost(complaint);

    const a = adapter();
    const mentions = await a.poll('notifications', null);
    const own = await a.poll('own-posts', null);

    expect(own.rejected).toEqual([]);
    expect(own.items.map((i) => i.externalId).sort()).toEqual([answer.uri, answer2.uri].sort());
    const threadOf = (uri: string) => mentions.items.find((i) => i.externalId === uri)?.threadExternalId;
    expect(own.items.find((i) => i.externalId === answer.uri)).toMatchObject({
      direction: 'out',
      kind: 'mention',
      threadExternalId: threadOf(complaint.uri),
      customer: { externalId: ana.did, handle: '@ana.bsky.social' },
      text: 'So sorry Ana, DMing you now',
    });
    expect(own.items.find((i) => i.externalId === answer2.uri)?.threadExternalId).toBe(threadOf(question.uri));
    expect(fake.calls('app.bsky.feed.getAuthorFeed')[0]?.params.get('filter')).toBe('posts_with_replies');
    expect((await a.poll('own-posts', own.nextCursor)).items).toEqual([]);
  });
});

describe('bluesky chat', () => {
  it('starts from the newest conversations, then reads the log once per message, through the chat proxy', async () => {
    const ana = fake.user('ana.bsky.social', { followers: 3_000 });
    const ben = fake.user('ben.bsky.social');
    const a1 = fake.dm(ana, 'Where is my order #1234?');
    fake.dm(ben, 'Do you ship to Canada?');
    const a = adapter();

    const first = await a.poll('chat', null);
    expect(first.items.map((i) => i.text).sort()).toEqual(['Do you ship to Canada?', 'Where is my order #1234?']);
    expect(first.items.find((i) => i.externalId === a1.id)).toMatchObject({
      threadExternalId: a1.convoId,
      kind: 'dm',
      direction: 'in',
      customer: { externalId: ana.did, handle: '@ana.bsky.social', followerCount: 3_000 },
    });
    expect(first.nextCursor).toMatch(/^rev:/);

    const a2 = fake.dm(ana, 'Hello??');
    const b1 = fake.brandDm(a1.convoId, 'Checking now, Ana!');
    const second = await drain(a, 'chat', first.nextCursor);
    expect(second.items.map((i) => [i.externalId, i.direction])).toEqual([
      [a2.id, 'in'],
      [b1.id, 'out'],
    ]);
    expect(second.items[1]?.customer.externalId).toBe(ana.did);
    const again = await a.poll('chat', first.nextCursor);
    expect(again.items.map((i) => i.externalId)).toEqual([a2.id, b1.id]);
    const quiet = await a.poll('chat', second.cursor);
    expect(quiet).toMatchObject({ items: [], nextCursor: null, more: false });

    const chatCalls = fake.requests.filter((r) => r.nsid.startsWith('chat.'));
    expect(chatCalls.length).toBeGreaterThan(0);
    expect(chatCalls.every((r) => r.proxy === CHAT_PROXY)).toBe(true);
  });

  it('finds the customer of a message only the brand wrote with getConvo, once per conversation', async () => {
    const ana = fake.user('ana.bsky.social', { displayName: 'Ana' });
    const { convoId } = fake.dm(ana, 'hi');
    const a = adapter();
    const start = await a.poll('chat', null);
    state.delete(`convo:${convoId}`);
    fake.brandDm(convoId, 'Hi Ana, how can we help?');
    const p1 = await a.poll('chat', start.nextCursor);
    expect(p1.items).toMatchObject([{ direction: 'out', threadExternalId: convoId, customer: { externalId: ana.did, displayName: 'Ana' } }]);
    fake.brandDm(convoId, 'Still there?');
    const p2 = await a.poll('chat', p1.nextCursor);
    expect(p2.items).toMatchObject([{ direction: 'out', customer: { externalId: ana.did } }]);
    expect(fake.calls('chat.bsky.convo.getConvo')).toHaveLength(1);
  });

  it('passes over events that change no thread and rejects a broken message with its raw body', async () => {
    const ana = fake.user('ana.bsky.social');
    const { convoId } = fake.dm(ana, 'first');
    const a = adapter();
    const start = await a.poll('chat', null);
    fake.rawLog({ $type: 'chat.bsky.convo.defs#logReadMessage', convoId, message: {} });
    fake.rawLog({ $type: 'chat.bsky.convo.defs#logCreateMessage', convoId, message: { $type: 'chat.bsky.convo.defs#deletedMessageView', id: 'gone', rev: 'x', sender: { did: ana.did }, sentAt: new Date().toISOString() } });
    const broken = {
      $type: 'chat.bsky.convo.defs#logCreateMessage',
      convoId,
      message: { $type: 'chat.bsky.convo.defs#messageView', id: 'm-bad', rev: 'x', text: 5, sender: { did: ana.did }, sentAt: new Date().toISOString() },
    };
    fake.rawLog(broken);
    const good = fake.dm(ana, 'second');

    const page = await a.poll('chat', start.nextCursor);

    expect(page.items.map((i) => i.externalId)).toEqual([good.id]);
    expect(page.rejected).toHaveLength(1);
    expect(page.rejected[0]?.raw).toMatchObject(broken);
    expect(page.rejected[0]?.reason).toContain('text');
  });

  it('follows the log page by page while it has more', async () => {
    await fake.close();
    await boot({ logPageSize: 2 });
    const ana = fake.user('ana.bsky.social');
    fake.dm(ana, 'zero');
    const a = adapter();
    const start = await a.poll('chat', null);
    const ids = ['one', 'two', 'three'].map((t) => fake.dm(ana, t).id);
    const all = await drain(a, 'chat', start.nextCursor);
    expect(all.items.map((i) => i.externalId)).toEqual(ids);
    expect(all.pages.map((p) => p.more)).toEqual([true, true, false]);
  });
});

describe('bluesky sending', () => {
  it('posts a reply once, with strong refs to the root and the parent, a TID record key and link facets', async () => {
    const ana = fake.user('ana.bsky.social');
    const root = fake.post(ana, 'My espresso machine broke');
    const parent = fake.post(ana, '@harbor.bsky.social can you help?', { replyTo: root });
    const text = '☕ Sorry! See https://harbor.example/help';

    const receipt = await adapter().send(reply({ threadExternalId: root.uri, inReplyToExternalId: parent.uri, text }));

    expect(fake.createdPosts).toHaveLength(1);
    const created = fake.createdPosts[0];
    expect(created?.rkey).toMatch(TID);
    expect(receipt.externalId).toBe(`at://${fake.brand.did}/app.bsky.feed.post/${created?.rkey}`);
    const call = fake.calls('com.atproto.repo.createRecord')[0];
    expect(call?.body).toMatchObject({
      repo: fake.brand.did,
      collection: 'app.bsky.feed.post',
      rkey: created?.rkey,
      record: { $type: 'app.bsky.feed.post', text, reply: { root, parent } },
    });
    const record = created?.record as { createdAt: string; facets: Array<{ index: { byteStart: number; byteEnd: number }; features: unknown[] }> };
    expect(Date.parse(record.createdAt)).not.toBeNaN();
    const bytes = Buffer.from(text);
    const facet = record.facets[0];
    expect(bytes.subarray(facet?.index.byteStart, facet?.index.byteEnd).toString()).toBe('https://harbor.example/help');
    expect(facet?.features).toEqual([{ $type: 'app.bsky.richtext.facet#link', uri: 'https://harbor.example/help' }]);
  });

  it("answers the thread's root when no message is named, and roots a reply to a top-level post at that post", async () => {
    const ben = fake.user('ben.bsky.social');
    const announcement = fake.post(fake.brand, 'Open on Sunday');
    const question = fake.post(ben, 'Till when?', { replyTo: announcement });
    const a = adapter();
    await a.send(reply({ idempotencyKey: 'k-a', threadExternalId: `${announcement.uri}|${ben.did}`, inReplyToExternalId: question.uri }));
    const lone = fake.post(ben, '@harbor.bsky.social hi');
    await a.send(reply({ idempotencyKey: 'k-b', threadExternalId: lone.uri, inReplyToExternalId: null }));
    expect(fake.createdPosts.map((p) => (p.record as { reply: unknown }).reply)).toEqual([
      { root: announcement, parent: question },
      { root: lone, parent: lone },
    ]);
  });

  it('after an answer lost on the way back, the resend finds the post instead of posting twice', async () => {
    const ana = fake.user('ana.bsky.social');
    const post = fake.post(ana, '@harbor.bsky.social help');
    const r = reply({ threadExternalId: post.uri, inReplyToExternalId: post.uri });
    const a = adapter();
    fake.fail('com.atproto.repo.createRecord', { kind: 'drop', apply: true });
    const first = await a.send(r);
    const second = await a.send(r); // the same key again: the PDS refuses the create (500), the lookup answers
    expect(fake.createdPosts).toHaveLength(1);
    expect(first.externalId).toBe(fake.createdPosts[0]?.uri);
    expect(second.externalId).toBe(first.externalId);
    expect(fake.calls('com.atproto.repo.createRecord')).toHaveLength(2);
  });

  it('a post that did not land: transient with mayHaveLeft, findSent says not sent, the resend lands once with the same key', async () => {
    const ana = fake.user('ana.bsky.social');
    const post = fake.post(ana, '@harbor.bsky.social help');
    const r = reply({ threadExternalId: post.uri, inReplyToExternalId: post.uri });
    const a = adapter();
    fake.fail('com.atproto.repo.createRecord', { kind: 'drop', apply: false });
    const err = await failure(a.send(r));
    expect(err).toMatchObject({ kind: 'transient', mayHaveLeft: true });
    expect(await a.findSent?.(r)).toBeNull();
    const receipt = await a.send(r);
    expect(fake.createdPosts).toHaveLength(1);
    const keys = fake.calls('com.atproto.repo.createRecord').map((c) => (c.body as { rkey: string }).rkey);
    expect(new Set(keys).size).toBe(1);
    expect(await a.findSent?.(r)).toMatchObject({ externalId: receipt.externalId });
  });

  it('findSent is null for a reply never attempted', async () => {
    expect(await adapter().findSent?.(reply({ idempotencyKey: 'never' }))).toBeNull();
    expect(fake.requests).toHaveLength(0);
  });

  it('sends a DM through the chat proxy with the documented body', async () => {
    const ana = fake.user('ana.bsky.social');
    const { convoId } = fake.dm(ana, 'Where is my order?');
    const receipt = await adapter().send(reply({ kind: 'dm', threadExternalId: convoId, customerExternalId: ana.did, text: 'It ships today!' }));
    expect(fake.sentMessages).toEqual([{ convoId, message: { text: 'It ships today!' }, id: receipt.externalId }]);
    const call = fake.calls('chat.bsky.convo.sendMessage')[0];
    expect(call?.proxy).toBe(CHAT_PROXY);
    expect(call?.body).toEqual({ convoId, message: { text: 'It ships today!' } });
    expect(receipt.externalId).toMatch(TID);
  });

  it('a DM dropped after it landed: transient with mayHaveLeft, and findSent finds it by its text', async () => {
    const ana = fake.user('ana.bsky.social');
    const { convoId } = fake.dm(ana, 'Where is my order?');
    const r = reply({ kind: 'dm', threadExternalId: convoId, text: 'It ships today!' });
    const a = adapter();
    fake.fail('chat.bsky.convo.sendMessage', { kind: 'drop', apply: true });
    const err = await failure(a.send(r));
    expect(err).toMatchObject({ kind: 'transient', mayHaveLeft: true });
    expect(fake.sentMessages).toHaveLength(1);
    const found = await a.findSent?.(r);
    expect(found?.externalId).toBe(fake.sentMessages[0]?.id);
    expect(fake.calls('chat.bsky.convo.getMessages')[0]?.proxy).toBe(CHAT_PROXY);
  });

  it('findSent for a DM ignores the same text sent before the first attempt', async () => {
    const ana = fake.user('ana.bsky.social');
    const { convoId } = fake.dm(ana, 'Where is my order?');
    fake.brandDm(convoId, 'Thanks!', fake.now() - 3600_000);
    const r = reply({ kind: 'dm', threadExternalId: convoId, text: 'Thanks!' });
    const a = adapter();
    fake.fail('chat.bsky.convo.sendMessage', { kind: 'drop', apply: false });
    await failure(a.send(r));
    expect(await a.findSent?.(r)).toBeNull();
  });

  describe('refuses before anything leaves', () => {
    const cases: Array<{ name: string; build: () => OutgoingReply; message: RegExp; config?: Record<string, unknown> }> = [
      {
        name: 'a post over 300 graphemes',
        build: () => reply({ threadExternalId: fake.post(fake.user('a.bsky.social'), '@harbor.bsky.social x').uri, text: 'é'.repeat(301) }),
        message: /301 characters.*allows 300/,
      },
      { name: 'a DM over 1,000 graphemes', build: () => reply({ kind: 'dm', threadExternalId: fake.dm(fake.user('b.bsky.social'), 'hi').convoId, text: '👍'.repeat(1001) }), message: /1001 characters.*allows 1000/ },
      {
        name: 'a thread whose author shut replies',
        build: () => {
          const p = fake.post(fake.user('c.bsky.social'), '@harbor.bsky.social hm');
          fake.gate(p);
          return reply({ threadExternalId: p.uri, inReplyToExternalId: p.uri });
        },
        message: /limited who can reply/,
      },
      {
        name: 'a deleted post',
        build: () => {
          const p = fake.post(fake.user('d.bsky.social'), '@harbor.bsky.social oops');
          fake.deletePost(p);
          return reply({ threadExternalId: p.uri, inReplyToExternalId: p.uri });
        },
        message: /deleted or is no longer visible/,
      },
      { name: 'a DM on an account without DM access', build: () => reply({ kind: 'dm', threadExternalId: 'convo-x' }), message: /Allow access to your direct messages/, config: { dms: false } },
      { name: 'an empty reply', build: () => reply({ text: '   ' }), message: /empty/ },
    ];
    for (const c of cases) {
      it(c.name, async () => {
        const r = c.build();
        const err = await failure(adapter(c.config).send(r));
        expect(err.kind).toBe('refused');
        expect(err.message).toMatch(c.message);
        expect(fake.createdPosts).toHaveLength(0);
        expect(fake.sentMessages).toHaveLength(0);
      });
    }
  });
});

describe('bluesky errors and sessions', () => {
  it('429 → rate_limited until RateLimit-Reset, and the budget is kept in state', async () => {
    const a = adapter();
    await a.poll('notifications', null);
    const ok = JSON.parse(state.get('rateLimit') ?? '{}') as { limit: number; remaining: number; resetAt: number; policy: string };
    expect(ok).toMatchObject({ limit: 3000, resetAt: fake.rate.reset * 1000, policy: '3000;w=300' });
    expect(ok.remaining).toBeLessThan(3000);

    const reset = Math.floor(fake.now() / 1000) + 900;
    fake.rateLimit('app.bsky.notification.listNotifications', reset);
    const err = await failure(a.poll('notifications', null));
    expect(err).toMatchObject({ kind: 'rate_limited', retryAt: reset * 1000 });
    expect(JSON.parse(state.get('rateLimit') ?? '{}')).toMatchObject({ remaining: 0, resetAt: reset * 1000 });
  });

  it('an expired access token is refreshed once and the call goes through', async () => {
    const a = adapter();
    await a.poll('notifications', null);
    const before = JSON.parse(secrets.get('session') ?? '{}') as { accessJwt: string };
    fake.expireAccessTokens();
    const ana = fake.user('ana.bsky.social');
    fake.post(ana, '@harbor.bsky.social hello');
    const page = await a.poll('notifications', null);
    expect(page.items).toHaveLength(1);
    expect(fake.counts).toEqual({ createSession: 1, refreshSession: 1 });
    expect((JSON.parse(secrets.get('session') ?? '{}') as { accessJwt: string }).accessJwt).not.toBe(before.accessJwt);
  });

  it('shares one session between adapter instances: signed in once, refreshed once', async () => {
    const a = adapter();
    const b = adapter();
    await a.poll('notifications', null);
    await b.poll('notifications', null);
    fake.expireAccessTokens();
    await a.poll('notifications', null);
    await b.poll('notifications', null); // its copy is stale; the keychain already holds the renewed one
    expect(fake.counts).toEqual({ createSession: 1, refreshSession: 1 });
  });

  it('a revoked app password → auth_failed once refresh and a fresh sign-in both fail, with no secret in the message', async () => {
    const a = adapter();
    await a.poll('notifications', null);
    const session = secrets.get('session') ?? '';
    fake.revoke();
    const err = await failure(a.poll('notifications', null));
    expect(err.kind).toBe('auth_failed');
    expect(fake.counts).toEqual({ createSession: 2, refreshSession: 1 });
    const { accessJwt, refreshJwt } = JSON.parse(session) as { accessJwt: string; refreshJwt: string };
    for (const secret of [fake.appPassword, accessJwt, refreshJwt]) expect(err.message).not.toContain(secret);
  });

  it('a refresh that fails on an outage does not spend a sign-in', async () => {
    const a = adapter();
    await a.poll('notifications', null);
    fake.expireAccessTokens();
    fake.fail('com.atproto.server.refreshSession', { kind: 'status', status: 503, body: { error: 'InternalServerError', message: 'Service Unavailable' } });
    const err = await failure(a.poll('notifications', null));
    expect(err.kind).toBe('transient');
    expect(fake.counts.createSession).toBe(1);
  });

  const faults = [
    { name: '5xx → transient', fault: { kind: 'status', status: 502, body: { error: 'UpstreamFailure', message: 'Upstream Failure' } }, kind: 'transient' },
    { name: 'slow → transient', fault: { kind: 'slow', ms: 1_200 }, kind: 'transient' },
    { name: 'dropped connection → transient', fault: { kind: 'drop' }, kind: 'transient' },
    { name: 'malformed body → bad_payload', fault: { kind: 'malformed' }, kind: 'bad_payload' },
    { name: 'a page without notifications → bad_payload', fault: { kind: 'status', status: 200, body: { cursor: 'x' } }, kind: 'bad_payload' },
  ] as const;
  for (const f of faults) {
    it(`polling: ${f.name}`, async () => {
      await adapter().poll('notifications', null); // signs in; the session stays in the keychain
      fake.fail('app.bsky.notification.listNotifications', f.fault);
      const err = await failure(adapter({ timeoutMs: 400 }).poll('notifications', null));
      expect(err.kind).toBe(f.kind);
      expect(err.mayHaveLeft).toBe(false); // a read never leaves anything behind
    });
  }

  it('a 502 to a DM may have left, a 503 did not', async () => {
    const ana = fake.user('ana.bsky.social');
    const { convoId } = fake.dm(ana, 'hi');
    const a = adapter();
    fake.fail('chat.bsky.convo.sendMessage', { kind: 'status', status: 502, body: { error: 'UpstreamFailure', message: 'Upstream Failure' } });
    expect(await failure(a.send(reply({ kind: 'dm', threadExternalId: convoId })))).toMatchObject({ kind: 'transient', mayHaveLeft: true });
    fake.fail('chat.bsky.convo.sendMessage', { kind: 'status', status: 503, body: { error: 'NotEnoughResources', message: 'Try later' } });
    expect(await failure(a.send(reply({ idempotencyKey: 'k2', kind: 'dm', threadExternalId: convoId })))).toMatchObject({ kind: 'transient', mayHaveLeft: false });
  });

  it('an app password without DM access: chat is refused in words, not taken for an expired session', async () => {
    await fake.close();
    await boot({ password: 'app' });
    const err = await failure(adapter().poll('chat', null));
    expect(err.kind).toBe('refused');
    expect(err.message).toMatch(/Allow access to your direct messages/);
    expect(fake.counts.refreshSession).toBe(0);
  });

  it('signs in at the entryway and then talks only to the PDS its DID document names', async () => {
    await fake.close();
    await boot({ separateEntryway: true });
    fake.post(fake.user('ana.bsky.social'), '@harbor.bsky.social hi');
    const a = adapter();
    await a.poll('notifications', null);
    await a.poll('chat', null);
    expect(fake.requests.filter((r) => r.server === 'entryway').map((r) => r.nsid)).toEqual(['com.atproto.server.createSession']);
    expect(fake.requests.filter((r) => r.server === 'pds').length).toBeGreaterThan(2);
    expect(JSON.parse(secrets.get('session') ?? '{}')).toMatchObject({ pds: fake.pdsUrl });
  });

  it('keeps tokens in the keychain only: adapter state holds cursors, budgets and record keys, never a secret', async () => {
    const ana = fake.user('ana.bsky.social');
    const post = fake.post(ana, '@harbor.bsky.social hi');
    const { convoId } = fake.dm(ana, 'hi');
    const a = adapter();
    await a.poll('notifications', null);
    await a.poll('chat', null);
    await a.send(reply({ threadExternalId: post.uri, inReplyToExternalId: post.uri }));
    await a.send(reply({ idempotencyKey: 'dm-1', kind: 'dm', threadExternalId: convoId }));
    const { accessJwt, refreshJwt } = JSON.parse(secrets.get('session') ?? '{}') as { accessJwt: string; refreshJwt: string };
    const everything = JSON.stringify([...state.entries()]);
    for (const secret of [fake.appPassword, accessJwt, refreshJwt]) expect(everything).not.toContain(secret);
    expect(fake.requests.every((r) => !`${r.nsid}?${r.params.toString()}`.includes(fake.appPassword))).toBe(true);
  });
});

describe('bluesky connect', () => {
  const input = () => ({ config: { identifier: '@harbor.bsky.social', baseUrl: fake.baseUrl }, secrets: { appPassword: fake.appPassword }, fetch });

  it('verifies the app password and names the account, with DM access noted', async () => {
    const who = await verifyBluesky(input());
    expect(who).toEqual({
      name: 'Harbor Coffee',
      handle: '@harbor.bsky.social',
      externalId: fake.brand.did,
      config: { identifier: 'harbor.bsky.social', baseUrl: fake.baseUrl, did: fake.brand.did, dms: true },
    });
    expect(fake.calls('app.bsky.actor.getProfile')[0]?.params.get('actor')).toBe(fake.brand.did);
  });

  it('connects an app password without DM access for posts only', async () => {
    await fake.close();
    await boot({ password: 'app' });
    expect((await verifyBluesky(input())).config).toMatchObject({ dms: false });
  });

  it("refuses the account's main password and a wrong one", async () => {
    await fake.close();
    await boot({ password: 'main' });
    expect(await failure(verifyBluesky(input()))).toMatchObject({ kind: 'refused', message: expect.stringMatching(/main password/) });
    const wrong = await failure(verifyBluesky({ ...input(), secrets: { appPassword: 'wxyz-wxyz-wxyz-wxyz' } }));
    expect(wrong.kind).toBe('auth_failed');
    expect(wrong.message).not.toContain('wxyz-wxyz-wxyz-wxyz');
  });

  it('describes the connect form', () => {
    expect(BLUESKY_SETUP.fields.map((f) => [f.key, f.secret])).toEqual([
      ['identifier', false],
      ['appPassword', true],
      ['baseUrl', false],
    ]);
    expect(BLUESKY_SETUP.help).toMatch(/App passwords/);
    expect(BLUESKY_SETUP.help).toMatch(/direct messages/);
  });
});

describe('bluesky limits', () => {
  const rules = [
    { kind: 'mention', text: '👨‍👩‍👧'.repeat(300), ok: true },
    { kind: 'mention', text: 'a'.repeat(301), ok: false },
    { kind: 'comment', text: 'é'.repeat(300), ok: true },
    { kind: 'dm', text: '🇫🇷'.repeat(1000), ok: true },
    { kind: 'dm', text: 'x'.repeat(1001), ok: false },
  ] as const;
  for (const r of rules) {
    it(`${r.kind}: ${r.ok ? 'fits' : 'too long'} (${[...r.text].length} code points)`, () => {
      const rule = adapter().limits.lengthRule(r.kind);
      expect(rule.count).toBe('graphemes');
      expect(countLength(r.text, rule) <= rule.max).toBe(r.ok);
    });
  }

  it('has no reply window, and polls chat only with DM access', () => {
    expect(adapter().limits.replyWindow).toBeUndefined();
    expect(adapter().streams).toEqual(['notifications', 'own-posts', 'chat']);
    expect(adapter({ dms: false }).streams).toEqual(['notifications', 'own-posts']);
  });
});
