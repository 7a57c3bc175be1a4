/**
 * The Facebook Page adapter against the fake Graph API: Messenger and comment polling with
 * paging and cursors, normalisation, sending inside Meta's windows, error mapping, findSent,
 * verification and the connect form.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFacebookAdapter, FACEBOOK_SETUP, verifyFacebook } from '../../main/channels/facebook/index';
import type { ChannelAdapter, OutgoingReply } from '../../main/channels/types';
import { FAKE_PAGE, FAKE_TOKEN, graphError, metaContext, startMetaFake, verifyInput, type MetaFake } from '../fakes/meta';
import { failure, idsOf, itemsOf, pollRound } from '../support/channel';

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);
const ANA = { id: '6283731915062801', name: 'Ana Ruiz' };
const BEN = { id: '7120993460311734', name: 'Ben Okafor' };
const CHLOE = { id: '5531880217645129', name: 'Chloé Martin' };

let now = T0;
let fake: MetaFake;
let adapter: ChannelAdapter;
let state: Map<string, string>;

function makeAdapter(config: Record<string, unknown> = {}, token?: string | null) {
  const m = metaContext({ channel: 'facebook', baseUrl: fake.baseUrl, now: () => now, config: { pageSize: 2, postWindow: 4, commentsPerPost: 3, ...config }, token });
  state = m.state;
  return createFacebookAdapter(m.ctx);
}

beforeEach(async () => {
  now = T0;
  fake = await startMetaFake({ now: () => now });
  adapter = makeAdapter();
});
afterEach(async () => {
  await fake.close();
});

/** Polls until the round ends; returns every page's result and the last cursor. */
const round = (stream: string, cursor: string | null = null) => pollRound(adapter, stream, cursor);


function dmReply(customerId: string, over: Partial<OutgoingReply> = {}): OutgoingReply {
  return {
    idempotencyKey: `k-${Math.random()}`,
    threadExternalId: fake.conversationOf(customerId) ?? 'missing',
    kind: 'dm',
    inReplyToExternalId: null,
    customerExternalId: customerId,
    customerLastMessageAt: now - HOUR,
    text: 'Thanks for waiting — your order left today.',
    ...over,
  };
}

describe('Messenger stream', () => {
  it('pages through conversations newest first, groups by conversation, marks the Page out and keeps the raw object', async () => {
    const a1 = fake.seedDm({ platform: 'messenger', customer: ANA, text: 'Where is my order #4411?', at: T0 - 3 * HOUR });
    const a2 = fake.seedDm({ platform: 'messenger', customer: ANA, text: 'Checking now, Ana.', at: T0 - 2 * HOUR, fromBrand: true });
    const a3 = fake.seedDm({ platform: 'messenger', customer: ANA, text: 'Any news?', at: T0 - HOUR });
    const b1 = fake.seedDm({ platform: 'messenger', customer: BEN, text: 'Do you ship to Lagos?', at: T0 - 30 * 60_000 });
    const c1 = fake.seedDm({ platform: 'messenger', customer: CHLOE, text: 'Bonjour !', at: T0 - 10 * HOUR });
    fake.seedDm({ platform: 'messenger', customer: { id: '900', name: 'Old Timer' }, text: 'last year', at: T0 - 10 * DAY });

    const { pages } = await round('messenger');
    expect(pages.map((p) => p.more)).toEqual([true, false]);
    expect(idsOf(pages).sort()).toEqual([a1, a2, a3, b1, c1].sort());
    const items = itemsOf(pages);
    const ana = items.filter((i) => i.customer.externalId === ANA.id);
    expect(new Set(ana.map((i) => i.threadExternalId))).toEqual(new Set([fake.conversationOf(ANA.id)]));
    expect(items.every((i) => i.kind === 'dm' && i.customer.followerCount === null)).toBe(true);
    const out = items.find((i) => i.externalId === a2)!;
    expect(out).toMatchObject({ direction: 'out', authorName: FAKE_PAGE.name, customer: { externalId: ANA.id, displayName: ANA.name } });
    expect(items.find((i) => i.externalId === a3)).toMatchObject({ direction: 'in', text: 'Any news?', createdAt: T0 - HOUR });
    expect(items.find((i) => i.externalId === b1)!.raw).toMatchObject({ id: b1, from: { id: BEN.id, name: BEN.name }, message: 'Do you ship to Lagos?' });
  });

  it('gives the same ids for the same cursor, and a new message after the cursor exactly once', async () => {
    fake.seedDm({ platform: 'messenger', customer: ANA, text: 'Hi', at: T0 - 2 * HOUR });
    fake.seedDm({ platform: 'messenger', customer: BEN, text: 'Hello', at: T0 - HOUR });
    fake.seedDm({ platform: 'messenger', customer: CHLOE, text: 'Salut', at: T0 - 3 * HOUR });
    const first = await adapter.poll('messenger', null);
    expect(idsOf([await adapter.poll('messenger', null)])).toEqual(idsOf([first]));
    const { cursor } = await round('messenger');

    const before = fake.requests.length;
    const quiet = await adapter.poll('messenger', cursor);
    expect(quiet).toMatchObject({ items: [], more: false });
    expect(fake.requests.length - before).toBe(1); // the first older conversation ends the round

    now = T0 + 5 * 60_000;
    const fresh = fake.seedDm({ platform: 'messenger', customer: CHLOE, text: 'Encore moi', at: now - 60_000 });
    const again = await adapter.poll('messenger', cursor);
    expect(idsOf([again])).toEqual([fresh]);
    expect(idsOf([await adapter.poll('messenger', cursor)])).toEqual([fresh]);
    expect((await adapter.poll('messenger', again.nextCursor)).items).toEqual([]);
  });

  it('records a conversation it cannot read with its raw body and stores the rest of the page', async () => {
    const good = fake.seedDm({ platform: 'messenger', customer: ANA, text: 'Hi', at: T0 - HOUR });
    fake.queueFault('conversations', { brokenItem: true });
    const r = await adapter.poll('messenger', null);
    expect(idsOf([r])).toEqual([good]);
    expect(r.rejected).toHaveLength(1);
    expect(r.rejected[0]!.raw).toMatchObject({ id: 't_broken', updated_time: 'sometime' });
    expect(r.rejected[0]!.reason).toMatch(/conversation/);
  });

  it('rejects one unreadable message and keeps the others of its conversation', async () => {
    const at = new Date(T0 - HOUR).toISOString();
    fake.queueFault('conversations', {
      brokenItem: true,
      item: {
        id: 't_77',
        updated_time: at,
        participants: { data: [{ id: '77', name: 'Nina' }, { id: FAKE_PAGE.id, name: FAKE_PAGE.name }] },
        messages: { data: [{ id: 'm_ok', created_time: at, from: { id: '77', name: 'Nina' }, message: 'hi' }, { id: 'm_bad', created_time: at, message: 'no author' }] },
      },
    });
    const r = await adapter.poll('messenger', null);
    expect(idsOf([r])).toEqual(['m_ok']);
    expect(r.rejected.map((x) => (x.raw as { id: string }).id)).toEqual(['m_bad']);
  });
});

describe('comments stream', () => {
  it('threads a comment with the replies under it, marks the Page replies out and skips the Page commenting on its own post', async () => {
    const p1 = fake.seedPost({ at: T0 - 2 * DAY });
    const p2 = fake.seedPost({ at: T0 - DAY });
    const c1 = fake.seedComment({ postId: p1, user: ANA, text: 'Is this decaf?', at: T0 - 3 * HOUR });
    const r1 = fake.seedComment({ postId: p1, fromPage: true, text: 'It is, Ana!', at: T0 - 2 * HOUR, parentId: c1 });
    const r2 = fake.seedComment({ postId: p1, user: ANA, text: 'Great', at: T0 - HOUR, parentId: c1 });
    const r3 = fake.seedComment({ postId: p1, user: BEN, text: 'Same question for the dark roast', at: T0 - 50 * 60_000, parentId: r1 });
    fake.seedComment({ postId: p1, fromPage: true, text: 'Sale ends Sunday', at: T0 - 30 * 60_000 });
    const c3 = fake.seedComment({ postId: p2, user: BEN, text: 'Late delivery again', at: T0 - 20 * 60_000 });

    const { pages } = await round('comments');
    const items = itemsOf(pages);
    expect(idsOf(pages).sort()).toEqual([c1, r1, r2, r3, c3].sort());
    expect(items.every((i) => i.kind === 'comment' && i.customer.followerCount === null)).toBe(true);
    expect(Object.fromEntries(items.map((i) => [i.externalId, i.threadExternalId]))).toEqual({ [c1]: c1, [r1]: c1, [r2]: c1, [r3]: c1, [c3]: c3 });
    expect(items.find((i) => i.externalId === r1)).toMatchObject({ direction: 'out', customer: { externalId: ANA.id }, text: 'It is, Ana!' });
    expect(items.find((i) => i.externalId === r3)).toMatchObject({ direction: 'in', customer: { externalId: BEN.id } });
    expect(items.find((i) => i.externalId === c3)!.raw).toMatchObject({ id: c3, from: BEN, message: 'Late delivery again' });
  });

  it("pages through posts up to the window and follows a post's own comment pages while they hold new comments", async () => {
    const posts = [3, 2, 1].map((d) => fake.seedPost({ at: T0 - d * DAY }));
    const busy = posts[2]!;
    const many = Array.from({ length: 7 }, (_, i) => fake.seedComment({ postId: busy, user: { id: `40${i}`, name: `Fan ${i}` }, text: `Comment ${i}`, at: T0 - (i + 1) * 60_000 }));
    const other = fake.seedComment({ postId: posts[0]!, user: ANA, text: 'Older post, new comment', at: T0 - 5 * 60_000 });

    const { pages } = await round('comments');
    expect(pages.map((p) => p.more)).toEqual([true, false]);
    expect(idsOf(pages).sort()).toEqual([...many, other].sort());
    // 3 per page: the post brings 3, then two more pages of that post's comments.
    expect(fake.requests.filter((r) => r.endpoint === 'comments')).toHaveLength(2);
    expect(fake.requests.find((r) => r.endpoint === 'comments')!.query.get('filter')).toBe('stream');
  });

  it('delivers a comment after the cursor once, and the same cursor gives the same ids', async () => {
    const p = fake.seedPost({ at: T0 - DAY });
    fake.seedComment({ postId: p, user: ANA, text: 'first', at: T0 - HOUR });
    const { cursor } = await round('comments');
    expect(itemsOf((await round('comments', cursor)).pages)).toEqual([]);
    now = T0 + 60_000;
    const fresh = fake.seedComment({ postId: p, user: BEN, text: 'second', at: T0 + 30_000 });
    const a = await round('comments', cursor);
    const b = await round('comments', cursor);
    expect(idsOf(a.pages)).toEqual([fresh]);
    expect(idsOf(b.pages)).toEqual([fresh]);
    expect(idsOf((await round('comments', a.cursor)).pages)).toEqual([]);
  });

  it('rejects a comment it cannot read, with its raw body, and one whose author is hidden; the rest is stored', async () => {
    const p = fake.seedPost({ at: T0 - DAY });
    const good = fake.seedComment({ postId: p, user: ANA, text: 'ok', at: T0 - HOUR });
    fake.seedComment({ postId: p, user: null, text: 'who am I', at: T0 - 2 * HOUR });
    fake.queueFault('feed', { brokenItem: true });
    const r = await adapter.poll('comments', null);
    expect(idsOf([r])).toEqual([good]);
    expect(r.rejected.map((x) => x.reason)).toEqual([expect.stringMatching(/^comment: message/), expect.stringMatching(/author unknown/)]);
    expect(r.rejected[0]!.raw).toMatchObject({ message: { unexpected: true } });
  });
});

describe('sending', () => {
  it('sends a Messenger reply once with the documented parameters and the token as a bearer header', async () => {
    fake.seedDm({ platform: 'messenger', customer: ANA, text: 'Where is it?', at: now - HOUR });
    const receipt = await adapter.send(dmReply(ANA.id));
    expect(fake.received).toHaveLength(1);
    const got = fake.received[0]!;
    expect(got.body).toEqual({ recipient: { id: ANA.id }, messaging_type: 'RESPONSE', message: { text: 'Thanks for waiting — your order left today.' } });
    expect(got.authorization).toBe(`Bearer ${FAKE_TOKEN}`);
    expect(fake.requests.every((r) => !r.query.has('access_token'))).toBe(true);
    expect(receipt).toEqual({ externalId: got.id, sentAt: now });
  });

  // The fake enforces the same windows, so a wrong choice fails twice: here and at "Meta".
  it.each([
    { age: 22 * HOUR, expect: { messaging_type: 'RESPONSE' } },
    { age: 30 * HOUR, expect: { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' } },
    { age: 6 * DAY + 23 * HOUR, expect: { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' } },
    { age: 7 * DAY + HOUR, expect: null },
  ])('a customer who last wrote $age ms ago gets $expect', async ({ age, expect: want }) => {
    fake.seedDm({ platform: 'messenger', customer: ANA, text: 'Hello?', at: now - age });
    const send = adapter.send(dmReply(ANA.id, { customerLastMessageAt: now - age }));
    if (want === null) {
      const e = await failure(send);
      expect(e.kind).toBe('refused');
      expect(e.message).toMatch(/^The customer last wrote 7 days ago; Facebook allows replies for 7 days/);
      expect(fake.received).toHaveLength(0);
    } else {
      await send;
      expect(fake.received[0]!.body).toMatchObject(want);
      expect('tag' in fake.received[0]!.body).toBe('tag' in want);
    }
  });

  it.each([
    { kind: 'dm' as const, last: T0 - 2 * HOUR, window: { standardUntil: T0 + 22 * HOUR, humanAgentUntil: T0 + 6 * DAY + 22 * HOUR } },
    { kind: 'dm' as const, last: null, window: null },
    { kind: 'comment' as const, last: T0 - 2 * HOUR, window: null },
  ])('replyWindow($kind) is $window', ({ kind, last, window }) => {
    expect(adapter.limits.replyWindow!(kind, last)).toEqual(window);
  });

  it.each([
    { kind: 'dm' as const, rule: { count: 'utf16', max: 2000 } },
    { kind: 'comment' as const, rule: { count: 'utf16', max: 8000 } },
    { kind: 'mention' as const, rule: { count: 'utf16', max: 8000 } },
  ])('counts $kind replies as $rule', ({ kind, rule }) => {
    expect(adapter.limits.lengthRule(kind)).toEqual(rule);
  });

  it('refuses a reply over the limit before anything leaves', async () => {
    fake.seedDm({ platform: 'messenger', customer: ANA, text: 'Hi', at: now - HOUR });
    const e = await failure(adapter.send(dmReply(ANA.id, { text: 'x'.repeat(2001) })));
    expect(e).toMatchObject({ kind: 'refused', message: expect.stringMatching(/2001 characters long; Facebook takes at most 2000/) });
    await adapter.send(dmReply(ANA.id, { text: 'x'.repeat(2000) }));
    expect(fake.received).toHaveLength(1);
  });

  it('answers a comment under its top-level comment', async () => {
    const p = fake.seedPost({ at: T0 - DAY });
    const c1 = fake.seedComment({ postId: p, user: ANA, text: 'Is this decaf?', at: T0 - HOUR });
    const receipt = await adapter.send({ ...dmReply(ANA.id), kind: 'comment', threadExternalId: c1, inReplyToExternalId: c1, text: 'Yes, Swiss water decaf.' });
    expect(fake.received).toEqual([expect.objectContaining({ endpoint: 'comment', target: c1, body: { message: 'Yes, Swiss water decaf.' } })]);
    expect(receipt.externalId).toBe(fake.received[0]!.id);
  });
});

describe('errors', () => {
  it.each([4, 17, 32, 613, 80001, 80006])('throttling code %i is rate_limited until the time Meta names', async (code) => {
    const usage = { [FAKE_PAGE.id]: [{ type: 'messenger', call_count: 100, total_cputime: 20, total_time: 30, estimated_time_to_regain_access: 17 }] };
    fake.queueFault('conversations', { status: 400, body: graphError(code, 'Too many calls', { isTransient: true }), headers: { 'x-business-use-case-usage': JSON.stringify(usage) } });
    const e = await failure(adapter.poll('messenger', null));
    expect(e).toMatchObject({ kind: 'rate_limited', retryAt: now + 17 * 60_000 });
    expect(JSON.parse(state.get('rateLimit')!)).toMatchObject({ maxPercent: 100, blockedUntil: now + 17 * 60_000 });
  });

  it('without a regain time waits an hour, and holds every request until then', async () => {
    fake.queueFault('conversations', { status: 400, body: graphError(4, '(#4) Application request limit reached', { isTransient: true }) });
    expect(await failure(adapter.poll('messenger', null))).toMatchObject({ kind: 'rate_limited', retryAt: now + HOUR });
    const before = fake.requests.length;
    expect(await failure(adapter.poll('comments', null))).toMatchObject({ kind: 'rate_limited', retryAt: now + HOUR });
    expect(fake.requests.length).toBe(before);
    now += HOUR + 1;
    await adapter.poll('comments', null);
    expect(fake.requests.length).toBe(before + 1);
  });

  it("reads the business-use-case usage of ordinary answers and throttles when the fake's budget runs out", async () => {
    fake.seedDm({ platform: 'messenger', customer: ANA, text: 'Hi', at: now - HOUR });
    fake.setCallBudget(2, { code: 80006, regainMinutes: 9 });
    await adapter.poll('messenger', null);
    expect(JSON.parse(state.get('rateLimit')!)).toMatchObject({ maxPercent: 50, blockedUntil: null, usage: { business: [{ id: FAKE_PAGE.id, type: 'messenger', callCount: 50 }] } });
    await adapter.poll('messenger', null);
    expect(await failure(adapter.poll('messenger', null))).toMatchObject({ kind: 'rate_limited', retryAt: now + 9 * 60_000 });
  });

  it.each([
    { name: 'expired token (190)', body: graphError(190, 'Error validating access token: Session has expired', { subcode: 463 }), kind: 'auth_failed', msg: /reconnect the account/ },
    { name: 'permission (200)', body: graphError(200, '(#200) Requires pages_messaging permission to manage the object'), kind: 'refused', msg: /^Permission missing: \(#200\)/ },
    { name: 'permission (10)', body: graphError(10, '(#10) Application does not have permission for this action'), kind: 'refused', msg: /^Permission missing/ },
    { name: 'window (10/2018278)', body: graphError(10, '(#10) This message is sent outside of allowed window.', { subcode: 2018278 }), kind: 'refused', msg: /messaging window has closed/ },
    { name: 'unavailable (551)', body: graphError(551, "This person isn't available right now.", { subcode: 1545041 }), kind: 'refused', msg: /isn't available right now/ },
    { name: 'is_transient', body: graphError(1200, 'Temporary send message failure. Please try again later', { isTransient: true }), kind: 'transient', msg: /temporary problem/ },
  ])('$name on a send is $kind', async ({ body, kind, msg }) => {
    fake.seedDm({ platform: 'messenger', customer: ANA, text: 'Hi', at: now - HOUR });
    fake.queueFault('send', { status: 400, body });
    const e = await failure(adapter.send(dmReply(ANA.id)));
    expect(e.kind).toBe(kind);
    expect(e.message).toMatch(msg);
    expect(e.mayHaveLeft).toBe(kind === 'transient');
  });

  it('a revoked token pauses polling and sending: auth_failed', async () => {
    fake.seedDm({ platform: 'messenger', customer: ANA, text: 'Hi', at: now - HOUR });
    await adapter.poll('messenger', null);
    fake.revokeToken();
    expect((await failure(adapter.poll('messenger', null))).kind).toBe('auth_failed');
    expect((await failure(adapter.send(dmReply(ANA.id)))).kind).toBe('auth_failed');
    expect(fake.received).toHaveLength(0);
  });

  it('a missing keychain entry is auth_failed without a request', async () => {
    adapter = makeAdapter({}, null);
    expect((await failure(adapter.poll('messenger', null))).kind).toBe('auth_failed');
    expect(fake.requests).toHaveLength(0);
  });

  it('5xx and a slow answer are transient; a slow poll did not leave anything behind', async () => {
    fake.queueFault('feed', { status: 500, body: graphError(2, 'An unexpected error has occurred. Please retry your request later.', { isTransient: true }) });
    expect(await failure(adapter.poll('comments', null))).toMatchObject({ kind: 'transient', mayHaveLeft: false });
    fake.queueFault('conversations', { status: 503, body: 'Service Unavailable' });
    expect(await failure(adapter.poll('messenger', null))).toMatchObject({ kind: 'transient' });
    adapter = makeAdapter({ timeoutMs: 250 });
    fake.queueFault('conversations', { slowMs: 800 });
    expect(await failure(adapter.poll('messenger', null))).toMatchObject({ kind: 'transient', mayHaveLeft: false, message: expect.stringMatching(/timed out/) });
  });

  it('a connection dropped during a send is transient with mayHaveLeft, and findSent then finds the reply', async () => {
    fake.seedDm({ platform: 'messenger', customer: ANA, text: 'Hi', at: now - HOUR });
    const reply = dmReply(ANA.id);
    fake.queueFault('send', { drop: true });
    expect(await failure(adapter.send(reply))).toMatchObject({ kind: 'transient', mayHaveLeft: true });
    expect(fake.received).toHaveLength(1);
    now += 60_000;
    expect(await adapter.findSent!(reply)).toEqual({ externalId: fake.received[0]!.id, sentAt: fake.received[0]!.at });
  });

  it('a malformed page is bad_payload', async () => {
    fake.queueFault('conversations', { malformed: true });
    expect((await failure(adapter.poll('messenger', null))).kind).toBe('bad_payload');
  });

  it('never lets the token into an error, the state or a URL', async () => {
    fake.seedDm({ platform: 'messenger', customer: ANA, text: 'Hi', at: now - HOUR });
    fake.queueFault('conversations', { status: 400, body: graphError(100, `Invalid parameter near ${FAKE_TOKEN}`) });
    const e = await failure(adapter.poll('messenger', null));
    expect(e.message).not.toContain(FAKE_TOKEN);
    expect(e.message).toContain('[token]');
    await round('messenger');
    await adapter.send(dmReply(ANA.id));
    for (const v of state.values()) expect(v).not.toContain(FAKE_TOKEN);
    expect(fake.requests.every((r) => !r.query.toString().includes(FAKE_TOKEN))).toBe(true);
  });
});

describe('findSent', () => {
  it('finds a Messenger reply that arrived although the answer timed out, and says null when nothing arrived', async () => {
    fake.seedDm({ platform: 'messenger', customer: ANA, text: 'Hi', at: now - HOUR });
    const lost = dmReply(ANA.id, { text: 'Never sent' });
    expect(await adapter.findSent!(lost)).toBeNull();
    const reply = dmReply(ANA.id);
    adapter = makeAdapter({ timeoutMs: 250 });
    fake.queueFault('send', { slowMs: 800 });
    expect(await failure(adapter.send(reply))).toMatchObject({ kind: 'transient', mayHaveLeft: true });
    const found = await adapter.findSent!(reply);
    expect(found?.externalId).toBe(fake.received[0]!.id);
  });

  it("can't tell when more than 20 messages came after the send", async () => {
    fake.seedDm({ platform: 'messenger', customer: ANA, text: 'Hi', at: now - HOUR });
    const reply = dmReply(ANA.id, { customerLastMessageAt: now - HOUR });
    for (let i = 0; i < 21; i++) fake.seedDm({ platform: 'messenger', customer: ANA, text: `msg ${i}`, at: now + (i + 1) * 60_000 });
    expect((await failure(adapter.findSent!(reply))).kind).toBe('transient');
  });

  it('finds the Page reply under a comment', async () => {
    const p = fake.seedPost({ at: T0 - DAY });
    const c1 = fake.seedComment({ postId: p, user: ANA, text: 'Decaf?', at: T0 - HOUR });
    const reply = { ...dmReply(ANA.id), kind: 'comment' as const, threadExternalId: c1, text: 'Yes!' };
    expect(await adapter.findSent!(reply)).toBeNull();
    fake.queueFault('comment', { drop: true });
    expect(await failure(adapter.send(reply))).toMatchObject({ kind: 'transient', mayHaveLeft: true });
    expect((await adapter.findSent!(reply))?.externalId).toBe(fake.received[0]!.id);
  });
});

describe('verify and setup', () => {
  const input = (config: Record<string, unknown> = {}, token: string | null = FAKE_TOKEN) => verifyInput(fake.baseUrl, config, token);

  it('names the Page behind the token and stores its id', async () => {
    expect(await verifyFacebook(input())).toEqual({
      name: FAKE_PAGE.name,
      handle: FAKE_PAGE.name,
      externalId: FAKE_PAGE.id,
      config: { baseUrl: fake.baseUrl, pageId: FAKE_PAGE.id },
    });
  });

  it('refuses a token of another Page, a missing token, and a revoked one', async () => {
    expect(await failure(verifyFacebook(input({ pageId: '111' })))).toMatchObject({ kind: 'refused', message: expect.stringMatching(/belongs to the Page "Harbor Coffee Roasters"/) });
    expect((await failure(verifyFacebook(input({}, null)))).kind).toBe('refused');
    fake.revokeToken();
    expect((await failure(verifyFacebook(input()))).kind).toBe('auth_failed');
  });

  it('asks for the token as a secret and the Page id as plain, optional config', () => {
    expect(FACEBOOK_SETUP.fields.find((f) => f.key === 'pageAccessToken')).toMatchObject({ secret: true });
    expect(FACEBOOK_SETUP.fields.find((f) => f.key === 'pageId')).toMatchObject({ secret: false, optional: true });
    expect(FACEBOOK_SETUP.help).toMatch(/pages_messaging/);
    expect(FACEBOOK_SETUP.docsUrl).toMatch(/^https:\/\/developers\.facebook\.com\//);
  });
});
