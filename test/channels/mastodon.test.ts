import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baseUrlOf } from '../../main/channels/mastodon/client';
import { createMastodonAdapter, MASTODON_SETUP, verifyMastodon } from '../../main/channels/mastodon/index';
import { comparableText, htmlToText, mentions, replyVisibility, withMentions } from '../../main/channels/mastodon/mapping';
import { ChannelError, type AdapterContext, type ChannelAdapter, type NormalisedMessage, type OutgoingReply, type PollResult } from '../../main/channels/types';
import type { ThreadKind } from '../../preload/contract';
import { mastodonLength, startMastodonFake, type FakeAccount, type MastodonFake } from '../fakes/mastodon';
import { failure } from '../support/channel';

// Not on a 5-minute boundary, so Mastodon's window reset differs from any "now + 5 min" fallback.
const T0 = Date.UTC(2026, 10, 22, 9, 1, 30);
const TIMEOUT_MS = 300;

let fake: MastodonFake;
let clock: { now: number };
let state: Map<string, string>;
let secrets: Map<string, string>;
let alice: FakeAccount;
let bob: FakeAccount;

function context(config: Record<string, unknown> = {}): AdapterContext {
  return {
    account: {
      id: 1,
      channel: 'mastodon',
      network: 'mastodon',
      name: 'Harbor Coffee · Mastodon',
      handle: '@harbor@127.0.0.1',
      config: { baseUrl: fake.baseUrl, externalId: '1', timeoutMs: TIMEOUT_MS, ...config },
    },
    state: { get: (k) => state.get(k) ?? null, set: (k, v) => void state.set(k, v) },
    secrets: { get: async (k) => secrets.get(k) ?? null, set: async (k, v) => void secrets.set(k, v) },
    now: () => clock.now,
    fetch: globalThis.fetch,
  };
}

function adapter(config: Record<string, unknown> = {}): ChannelAdapter {
  return createMastodonAdapter(context(config));
}


function reply(over: Partial<OutgoingReply> & { inReplyToExternalId: string }): OutgoingReply {
  return {
    idempotencyKey: `key-${Math.random().toString(36).slice(2)}`,
    threadExternalId: `status:${over.inReplyToExternalId}`,
    kind: 'mention',
    customerExternalId: alice.id,
    customerLastMessageAt: null,
    text: 'Thanks, we are on it!',
    ...over,
  };
}

const ids = (r: PollResult) => r.items.map((m) => m.externalId);
const byId = (r: PollResult, id: string): NormalisedMessage => {
  const m = r.items.find((x) => x.externalId === id);
  if (!m) throw new Error(`no item ${id}`);
  return m;
};

beforeEach(async () => {
  clock = { now: T0 };
  fake = await startMastodonFake({ now: () => clock.now });
  state = new Map();
  secrets = new Map([['accessToken', fake.token]]);
  alice = fake.addAccount({ username: 'alice', domain: 'remote.example', displayName: 'Alice Martin', followers: 48_200 });
  bob = fake.addAccount({ username: 'bob', displayName: 'Bob', followers: 12 });
});

afterEach(async () => {
  await fake.close();
});

describe('mastodon mentions stream', () => {
  it('normalises mentions: kind, direction, customer with followers, plain text, raw kept; skips other types and DMs', async () => {
    const s1 = fake.mention(alice, 'my order #123 never arrived &amp; <nobody> answers');
    fake.notify('favourite', bob, s1.id);
    fake.directMessage(bob, 'a private question');
    const s2 = fake.mention(bob, 'love the new blend\n\nsee https://example.com/a/b');
    const r = await adapter().poll('mentions', null);
    expect(ids(r).sort()).toEqual([s1.id, s2.id].sort());
    expect(r.rejected).toEqual([]);
    const m1 = byId(r, s1.id);
    expect(m1).toMatchObject({
      kind: 'mention',
      direction: 'in',
      threadExternalId: `status:${s1.id}`,
      customer: { externalId: alice.id, handle: '@alice@remote.example', displayName: 'Alice Martin', followerCount: 48_200 },
      text: '@harbor my order #123 never arrived &amp; <nobody> answers',
      createdAt: T0,
    });
    expect((m1.raw as { id: string; content: string }).id).toBe(s1.id);
    expect((m1.raw as { content: string }).content).toContain('&amp;amp;');
    const m2 = byId(r, s2.id);
    expect(m2.customer.handle).toBe(`@bob@${new URL(fake.baseUrl).host}`);
    expect(m2.customer.followerCount).toBe(12);
    expect(m2.text).toBe('@harbor love the new blend\n\nsee https://example.com/a/b');
    const req = fake.requests.find((x) => x.path === '/api/v1/notifications')!;
    expect(req.query.getAll('types[]')).toEqual(['mention']);
    expect(req.headers.authorization).toBe(`Bearer ${fake.token}`);
  });

  it('walks forward with min_id: pages, more, the same cursor gives the same items, a new mention arrives once', async () => {
    const a = adapter();
    for (let i = 0; i < 3; i++) fake.mention(alice, `early ${i}`);
    const first = await a.poll('mentions', null);
    expect(first.items).toHaveLength(3);
    expect(first.more).toBe(false);
    const c1 = first.nextCursor!;
    expect(c1).toBe(fake.notifications[2]!.id);

    const later = Array.from({ length: 45 }, (_, i) => fake.mention(bob, `later ${i}`));
    const p1 = await a.poll('mentions', c1);
    expect(p1.items).toHaveLength(40);
    expect(p1.more).toBe(true);
    expect(ids(p1).sort()).toEqual(later.slice(0, 40).map((s) => s.id).sort());
    expect(fake.requests.at(-1)!.query.get('min_id')).toBe(c1);
    const p2 = await a.poll('mentions', p1.nextCursor);
    expect(ids(p2).sort()).toEqual(later.slice(40).map((s) => s.id).sort());
    expect(p2.more).toBe(false);

    const again = await a.poll('mentions', c1);
    expect(ids(again)).toEqual(ids(p1));
    expect(again.nextCursor).toBe(p1.nextCursor);

    const idle = await a.poll('mentions', p2.nextCursor);
    expect(idle).toEqual({ items: [], rejected: [], nextCursor: null, more: false });

    const fresh = fake.mention(alice, 'one more thing');
    const once = await a.poll('mentions', p2.nextCursor);
    expect(ids(once)).toEqual([fresh.id]);
    const after = await a.poll('mentions', once.nextCursor);
    expect(after.items).toEqual([]);
  });

  it('groups a conversation: replies to our replies join the thread; a reply to a brand broadcast starts its own', async () => {
    const a = adapter();
    const q = fake.mention(alice, 'where is my order?');
    await a.poll('mentions', null);
    const sent = await a.send(reply({ inReplyToExternalId: q.id, threadExternalId: `status:${q.id}` }));
    const follow = fake.mention(alice, 'still nothing', { inReplyTo: sent.externalId });
    const selfThread = fake.mention(alice, 'and another thing', { inReplyTo: follow.id });
    const broadcast = fake.brandPost('New winter blend is out!');
    const other = fake.mention(bob, 'is it decaf?', { inReplyTo: broadcast.id });
    const r = await a.poll('mentions', fake.notifications[0]!.id);
    expect(byId(r, follow.id).threadExternalId).toBe(`status:${q.id}`);
    expect(byId(r, selfThread.id).threadExternalId).toBe(`status:${q.id}`);
    expect(byId(r, other.id).threadExternalId).toBe(`status:${other.id}`);
  });

  it('rejects a broken item with its raw body, returns the rest and moves the cursor past it', async () => {
    const a = adapter();
    const good = fake.mention(alice, 'fine one');
    const bad = fake.mention(bob, 'this one breaks');
    fake.fault('GET /api/v1/notifications', { kind: 'broken-item', index: 0 });
    const r = await a.poll('mentions', null);
    expect(ids(r)).toEqual([good.id]);
    expect(r.rejected).toHaveLength(1);
    expect(r.rejected[0]!.reason).toMatch(/created_at/);
    expect((r.rejected[0]!.raw as { status: { id: string }; created_at: string }).status.id).toBe(bad.id);
    expect((r.rejected[0]!.raw as { created_at: string }).created_at).toBe('not a date');
    expect(r.nextCursor).toBe(fake.notifications[1]!.id);
  });
});

describe('mastodon conversations stream', () => {
  it('files a direct conversation under its id, with earlier messages from the context and the brand as out', async () => {
    const a = adapter();
    const d1 = fake.directMessage(alice, 'can I change my delivery address?');
    const b1 = fake.brandPost('@alice@remote.example yes, send it to us here', { visibility: 'direct', inReplyTo: d1.id });
    const r = await a.poll('conversations', null);
    const conv = fake.conversationOf(d1.id)!;
    expect(ids(r)).toEqual([d1.id, b1.id]);
    expect(byId(r, d1.id)).toMatchObject({
      kind: 'dm',
      direction: 'in',
      threadExternalId: `conversation:${conv}`,
      customer: { externalId: alice.id, followerCount: 48_200 },
    });
    expect(byId(r, b1.id)).toMatchObject({
      kind: 'dm',
      direction: 'out',
      threadExternalId: `conversation:${conv}`,
      authorName: 'Harbor Coffee',
      customer: { externalId: alice.id, handle: '@alice@remote.example' },
    });
    expect(r.nextCursor).toBe(b1.id);

    const d2 = fake.directMessage(alice, '12 Quay Street', { inReplyTo: b1.id });
    const next = await a.poll('conversations', r.nextCursor);
    expect(ids(next)).toContain(d2.id);
    expect(byId(next, d2.id).threadExternalId).toBe(`conversation:${conv}`);
    expect(next.nextCursor).toBe(d2.id);
    expect((await a.poll('conversations', next.nextCursor)).items).toEqual([]);
  });

  it('pages conversations by their last status and rejects a broken one with its raw body', async () => {
    const a = adapter();
    const people = Array.from({ length: 23 }, (_, i) => fake.addAccount({ username: `p${i}`, followers: i }));
    const dms = people.map((p) => fake.directMessage(p, `hello from ${p.username}`));
    const first = await a.poll('conversations', null);
    expect(first.items).toHaveLength(20);
    // First poll: the newest page only.
    expect(first.more).toBe(false);
    const p1 = await a.poll('conversations', dms[1]!.id);
    expect(ids(p1).sort()).toEqual(dms.slice(2, 22).map((s) => s.id).sort());
    expect(p1.more).toBe(true);
    fake.fault('GET /api/v1/conversations', { kind: 'broken-item', index: 0 });
    const p2 = await a.poll('conversations', p1.nextCursor);
    expect(p2.items).toEqual([]);
    expect(p2.rejected).toHaveLength(1);
    expect((p2.rejected[0]!.raw as { last_status: { id: string } }).last_status.id).toBe(dms[22]!.id);
    expect(p2.nextCursor).toBe(dms[22]!.id);
  });
});

describe('mastodon send', () => {
  it('posts the reply with the documented parameters and the Idempotency-Key, mentioning the customer', async () => {
    const q = fake.mention(alice, 'where is my order?');
    const r = reply({ inReplyToExternalId: q.id });
    const receipt = await adapter().send(r);
    expect(fake.replies).toEqual([
      {
        id: receipt.externalId,
        status: '@alice@remote.example Thanks, we are on it!',
        inReplyToId: q.id,
        visibility: 'public',
        idempotencyKey: r.idempotencyKey,
        contentType: 'application/x-www-form-urlencoded',
      },
    ]);
    expect(receipt.sentAt).toBe(T0);
  });

  it.each([
    ['public', 'mention', 'public'],
    ['unlisted', 'mention', 'unlisted'],
    ['private', 'mention', 'private'],
    ['direct', 'dm', 'direct'],
  ] as const)('a reply to a %s post (%s) stays %s and reaches the customer', async (original, kind, expected) => {
    const q = original === 'direct' ? fake.directMessage(alice, 'psst') : fake.mention(alice, 'hello', { visibility: original });
    await adapter().send(reply({ inReplyToExternalId: q.id, kind: kind as ThreadKind }));
    expect(fake.replies).toHaveLength(1);
    expect(fake.replies[0]!.visibility).toBe(expected);
    expect(fake.replies[0]!.status.startsWith('@alice@remote.example ')).toBe(true);
    expect(fake.statuses.get(fake.replies[0]!.id)!.mentionIds).toContain(alice.id);
  });

  it('does not mention the customer twice', async () => {
    const q = fake.mention(bob, 'hello');
    await adapter().send(reply({ inReplyToExternalId: q.id, customerExternalId: bob.id, text: 'Hi @Bob, fixed!' }));
    expect(fake.replies[0]!.status).toBe('Hi @Bob, fixed!');
  });

  it('refuses a reply to a deleted post, in words', async () => {
    const q = fake.mention(alice, 'nevermind');
    fake.deleteStatus(q.id);
    const err = await failure(adapter().send(reply({ inReplyToExternalId: q.id })));
    expect(err.kind).toBe('refused');
    expect(err.message).toBe('The post you are replying to was deleted.');
    expect(fake.replies).toEqual([]);
  });

  it('refuses with Mastodon\'s message when the post is too long (422)', async () => {
    fake.setMaxCharacters(30);
    const q = fake.mention(alice, 'hi');
    const err = await failure(adapter().send(reply({ inReplyToExternalId: q.id, text: 'x'.repeat(40) })));
    expect(err.kind).toBe('refused');
    expect(err.message).toContain('Validation failed: Text character limit of 30 exceeded');
  });

  it('refuses when the token lacks write:statuses (403)', async () => {
    fake.setScopes(['read:notifications', 'read:statuses', 'read:accounts']);
    const q = fake.mention(alice, 'hi');
    const err = await failure(adapter().send(reply({ inReplyToExternalId: q.id })));
    expect(err.kind).toBe('refused');
    expect(err.message).toMatch(/write:statuses/);
  });
});

describe('mastodon failures', () => {
  it('429 → rate_limited until X-RateLimit-Reset, and the budget is kept in state', async () => {
    const a = adapter();
    await a.poll('mentions', null);
    const budget = JSON.parse(state.get('rateLimit')!) as { limit: number; remaining: number; resetAt: number };
    expect(budget.limit).toBe(300);
    expect(budget.remaining).toBeLessThan(300);
    expect(budget.resetAt).toBe(fake.rateResetAt());

    fake.setRemaining(0);
    const err = await failure(a.poll('mentions', null));
    expect(err.kind).toBe('rate_limited');
    expect(err.retryAt).toBe(fake.rateResetAt());
    expect(err.retryAt).toBe(Date.UTC(2026, 10, 22, 9, 5, 0));
    expect(JSON.parse(state.get('rateLimit')!)).toMatchObject({ remaining: 0 });
  });

  it('429 with an explicit ISO reset date → retryAt is that date', async () => {
    const reset = '2026-11-22T09:03:17.250000Z';
    fake.fault('GET /api/v1/notifications', {
      status: 429,
      body: { error: 'Too many requests' },
      headers: { 'X-RateLimit-Limit': '300', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': reset },
    });
    const err = await failure(adapter().poll('mentions', null));
    expect(err.kind).toBe('rate_limited');
    expect(err.retryAt).toBe(Date.parse('2026-11-22T09:03:17.250Z'));
  });

  it('a revoked token → auth_failed, and the token is in no message or state', async () => {
    const a = adapter();
    await a.poll('mentions', null);
    fake.revokeToken();
    const err = await failure(a.poll('mentions', null));
    expect(err.kind).toBe('auth_failed');
    expect(err.message).toContain('The access token was revoked');
    const q = fake.mention(alice, 'hi');
    const sendErr = await failure(a.send(reply({ inReplyToExternalId: q.id })));
    expect(sendErr.kind).toBe('auth_failed');
    for (const text of [err.message, sendErr.message, ...state.values()]) expect(text).not.toContain(fake.token);
  });

  it('no stored token → auth_failed without a request', async () => {
    secrets.clear();
    const err = await failure(adapter().poll('conversations', null));
    expect(err.kind).toBe('auth_failed');
    expect(fake.hits('GET /api/v1/conversations')).toBe(0);
  });

  it('5xx → transient', async () => {
    fake.fault('GET /api/v1/conversations', { status: 503, body: { error: 'Service Unavailable' } });
    const err = await failure(adapter().poll('conversations', null));
    expect(err.kind).toBe('transient');
    expect(err.mayHaveLeft).toBe(false);
  });

  it('a slow answer → transient (timeout)', async () => {
    fake.fault('GET /api/v1/notifications', { kind: 'slow', ms: TIMEOUT_MS * 4 });
    const err = await failure(adapter().poll('mentions', null));
    expect(err.kind).toBe('transient');
    expect(err.message).toMatch(/timed out/);
  });

  it('malformed JSON → bad_payload', async () => {
    fake.fault('GET /api/v1/notifications', { kind: 'malformed' });
    expect((await failure(adapter().poll('mentions', null))).kind).toBe('bad_payload');
  });

  it('a page that is not a list → bad_payload', async () => {
    fake.fault('GET /api/v1/conversations', { status: 200, body: { error: 'nope' } });
    expect((await failure(adapter().poll('conversations', null))).kind).toBe('bad_payload');
  });

  it('a send timed out after it arrived → transient with mayHaveLeft; it landed once', async () => {
    const q = fake.mention(alice, 'hi');
    fake.fault('POST /api/v1/statuses', { kind: 'slow', ms: TIMEOUT_MS * 4 });
    const err = await failure(adapter().send(reply({ inReplyToExternalId: q.id })));
    expect(err.kind).toBe('transient');
    expect(err.mayHaveLeft).toBe(true);
    expect(fake.replies).toHaveLength(1);
  });
});

describe('mastodon findSent', () => {
  it('connection dropped after the reply landed: mayHaveLeft, and findSent returns that status without posting again', async () => {
    const a = adapter();
    const q = fake.mention(alice, 'hi');
    const r = reply({ inReplyToExternalId: q.id });
    fake.fault('POST /api/v1/statuses', { kind: 'drop', processed: true });
    const err = await failure(a.send(r));
    expect(err).toMatchObject({ kind: 'transient', mayHaveLeft: true });
    expect(fake.replies).toHaveLength(1);
    clock.now += 10 * 60_000;
    const found = await a.findSent!(r);
    expect(found?.externalId).toBe(fake.replies[0]!.id);
    expect(fake.replies).toHaveLength(1);
    const posts = fake.requests.filter((x) => x.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(posts.map((p) => p.headers['idempotency-key'])).toEqual([r.idempotencyKey, r.idempotencyKey]);
  });

  it('connection dropped before the reply landed: findSent within the hour posts it, once', async () => {
    const a = adapter();
    const q = fake.mention(alice, 'hi');
    const r = reply({ inReplyToExternalId: q.id });
    fake.fault('POST /api/v1/statuses', { kind: 'drop' });
    expect((await failure(a.send(r))).mayHaveLeft).toBe(true);
    expect(fake.replies).toHaveLength(0);
    const found = await a.findSent!(r);
    expect(fake.replies).toHaveLength(1);
    expect(found?.externalId).toBe(fake.replies[0]!.id);
    expect(await a.findSent!(r)).toEqual(found);
    expect(fake.replies).toHaveLength(1);
  });

  it('past the hour: finds the reply among the account\'s own statuses, without posting', async () => {
    const a = adapter();
    const q = fake.mention(alice, 'hi');
    const r = reply({ inReplyToExternalId: q.id, text: 'See https://harbor.example/faq & thanks' });
    fake.fault('POST /api/v1/statuses', { kind: 'drop', processed: true });
    await failure(a.send(r));
    // A colleague answered the same post from their phone, in other words: not our reply.
    fake.brandPost('@alice@remote.example a colleague writing', { inReplyTo: q.id });
    clock.now += 2 * 3_600_000;
    const found = await a.findSent!(r);
    expect(found?.externalId).toBe(fake.replies[0]!.id);
    expect(fake.requests.filter((x) => x.method === 'POST')).toHaveLength(1);
    expect(fake.hits('GET /api/v1/accounts/:id/statuses')).toBe(1);
  });

  it('past the hour and not there: null (known not sent); when the page does not reach back: cannot tell', async () => {
    const a = adapter();
    const q = fake.mention(alice, 'hi');
    const r = reply({ inReplyToExternalId: q.id });
    fake.fault('POST /api/v1/statuses', { kind: 'drop' });
    await failure(a.send(r));
    fake.brandPost('@alice@remote.example something else entirely', { inReplyTo: q.id });
    clock.now += 2 * 3_600_000;
    expect(await a.findSent!(r)).toBeNull();
    for (let i = 0; i < 45; i++) fake.brandPost(`announcement ${i}`);
    const err = await failure(a.findSent!(r));
    expect(err.kind).toBe('refused');
    expect(err.message).toMatch(/Cannot tell/);
    expect(fake.replies).toHaveLength(0);
  });
});

describe('mastodon verify, setup and limits', () => {
  it('verify returns who the token belongs to and the server\'s limit', async () => {
    fake.setMaxCharacters(5000);
    const who = await verifyMastodon({ config: { baseUrl: `${fake.baseUrl}/` }, secrets: { accessToken: fake.token }, fetch: globalThis.fetch });
    expect(who).toEqual({
      name: 'Harbor Coffee',
      handle: `@harbor@${new URL(fake.baseUrl).host}`,
      externalId: '1',
      config: { baseUrl: fake.baseUrl, maxCharacters: 5000 },
    });
    expect(fake.requests.some((x) => x.path === '/api/v1/accounts/verify_credentials')).toBe(true);
  });

  it('verify falls back to /api/v1/instance, then to 500', async () => {
    fake.setInstanceV2(false);
    fake.setMaxCharacters(1000);
    const input = { config: { baseUrl: fake.baseUrl }, secrets: { accessToken: fake.token }, fetch: globalThis.fetch };
    expect((await verifyMastodon(input)).config).toEqual({ baseUrl: fake.baseUrl, maxCharacters: 1000 });
    fake.fault('GET /api/v1/instance', { status: 500, body: { error: 'boom' } });
    expect((await verifyMastodon(input)).config).toEqual({ baseUrl: fake.baseUrl, maxCharacters: 500 });
  });

  it('verify refuses a wrong token as auth_failed', async () => {
    const err = await failure(verifyMastodon({ config: { baseUrl: fake.baseUrl }, secrets: { accessToken: 'wrong' }, fetch: globalThis.fetch }));
    expect(err.kind).toBe('auth_failed');
    expect(err.message).not.toContain('wrong');
  });

  it.each([
    ['mastodon.social', 'https://mastodon.social'],
    [' https://Mastodon.Social/ ', 'https://mastodon.social'],
    ['https://example.org/masto/', 'https://example.org/masto'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
  ])('the server address %j is used as %s', (typed, expected) => {
    expect(baseUrlOf({ baseUrl: typed })).toBe(expected);
  });

  it.each(['http://mastodon.social', 'ftp://mastodon.social', 'https://exa mple.org'])('the server address %j is refused', (typed) => {
    const err = (() => {
      try {
        baseUrlOf({ baseUrl: typed });
        return null;
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ChannelError);
    expect((err as ChannelError).kind).toBe('refused');
  });

  it('the setup form asks for the server and a secret token, and names the scopes', () => {
    expect(MASTODON_SETUP.fields).toEqual([
      expect.objectContaining({ key: 'baseUrl', secret: false }),
      expect.objectContaining({ key: 'accessToken', secret: true }),
    ]);
    for (const scope of ['read:notifications', 'read:statuses', 'read:accounts', 'write:statuses']) expect(MASTODON_SETUP.help).toContain(scope);
    expect(MASTODON_SETUP.help).toContain('Preferences → Development');
  });

  it.each([
    [{}, 'mention', 500],
    [{}, 'dm', 500],
    [{ maxCharacters: 5000 }, 'mention', 5000],
    [{ maxCharacters: 5000 }, 'dm', 5000],
  ] as const)('lengthRule with config %j for %s: codepoints, max %i', (config, kind, max) => {
    expect(adapter(config).limits.lengthRule(kind)).toEqual({ count: 'codepoints', max });
    expect(adapter(config).limits.replyWindow).toBeUndefined();
  });

  it('the first poll of a session refreshes the limit from the server', async () => {
    const a = adapter({ maxCharacters: 500 });
    fake.setMaxCharacters(1500);
    await a.poll('mentions', null);
    expect(a.limits.lengthRule('mention')).toEqual({ count: 'codepoints', max: 1500 });
    fake.setMaxCharacters(700);
    await a.poll('mentions', null);
    expect(a.limits.lengthRule('mention').max).toBe(1500);
    expect(fake.hits('GET /api/v2/instance')).toBe(1);
  });
});

describe('mastodon mapping rules', () => {
  it.each([
    ['public', 'mention', 'public'],
    ['unlisted', 'mention', 'unlisted'],
    ['private', 'mention', 'private'],
    ['direct', 'mention', 'direct'],
    ['direct', 'dm', 'direct'],
    ['public', 'dm', 'direct'],
    ['limited', 'mention', 'direct'],
  ] as const)('a reply to %s in a %s thread is %s', (original, kind, expected) => {
    expect(replyVisibility(original, kind)).toBe(expected);
  });

  it.each([
    ['@alice@remote.example hi', 'alice@remote.example', true],
    ['hi @ALICE@Remote.Example.', 'alice@remote.example', true],
    ['hi @alice', 'alice@remote.example', false],
    ['hi @bob', 'bob', true],
    ['hi @bob@harbor.test', 'bob', true],
    ['hi @bobby', 'bob', false],
    ['mail bob@x.org', 'bob', false],
  ] as const)('mentions(%j, %s) is %s', (text, acct, expected) => {
    expect(mentions(text, acct, 'harbor.test')).toBe(expected);
  });

  it('prefixes every missing mention once', () => {
    expect(withMentions('thanks', ['a@x.org', 'b', 'a@x.org'], 'h.test')).toBe('@a@x.org @b thanks');
    expect(withMentions('@b thanks', ['b'], 'h.test')).toBe('@b thanks');
  });

  it('turns Mastodon HTML into text', () => {
    const html =
      '<p><span class="h-card"><a href="https://h/@harbor" class="u-url mention">@<span>harbor</span></a></span> hi &amp; &lt;b&gt; &#39;x&#39; &#x1F600;<br />line</p><p><a href="https://ex.com/a"><span class="invisible">https://</span><span class="ellipsis">ex.com/a</span><span class="invisible"></span></a></p>';
    expect(htmlToText(html)).toBe("@harbor hi & <b> 'x' 😀\nline\n\nhttps://ex.com/a");
    expect(comparableText('@alice@x.org  Hello\nthere')).toBe('hello there');
  });

  it('the fake counts like Mastodon (URLs 23, remote mentions by local part, graphemes)', () => {
    expect(mastodonLength(`https://example.com/${'a'.repeat(100)}`)).toBe(23);
    expect(mastodonLength('@alice@remote.example 👍🏽')).toBe('@alice '.length + 1);
  });
});
