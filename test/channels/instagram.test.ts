/**
 * The Instagram adapter (professional account linked to a Page) against the fake Graph API: DMs
 * through the Page's conversations with follower counts, media comments with their replies,
 * sending inside Meta's windows with byte-counted lengths, errors, findSent and verification.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInstagramAdapter, INSTAGRAM_SETUP, verifyInstagram } from '../../main/channels/instagram/index';
import type { ChannelAdapter, OutgoingReply } from '../../main/channels/types';
import { FAKE_IG, FAKE_PAGE, FAKE_TOKEN, graphError, metaContext, startMetaFake, verifyInput, type MetaFake } from '../fakes/meta';
import { failure, idsOf, itemsOf, pollRound } from '../support/channel';

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);
const MAYA = { id: '1124968712349001', username: 'maya.brews', name: 'Maya Chen', followers: 48_200 };
const TOM = { id: '1124968712349002', username: 'tomdrinkscoffee', followers: 310 };
const LEA = { id: '1124968712349003', username: 'lea_lisboa', followers: 1_050 };

let now = T0;
let fake: MetaFake;
let adapter: ChannelAdapter;

function makeAdapter(config: Record<string, unknown> = {}) {
  return createInstagramAdapter(metaContext({ channel: 'instagram', baseUrl: fake.baseUrl, now: () => now, config: { pageSize: 2, postWindow: 4, commentsPerPost: 3, ...config } }).ctx);
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


function reply(over: Partial<OutgoingReply> = {}): OutgoingReply {
  return {
    idempotencyKey: `k-${Math.random()}`,
    threadExternalId: fake.conversationOf(MAYA.id) ?? 'missing',
    kind: 'dm',
    inReplyToExternalId: null,
    customerExternalId: MAYA.id,
    customerLastMessageAt: now - HOUR,
    text: 'Hi Maya, a new bag is on its way 🙏',
    ...over,
  };
}

describe('DM stream', () => {
  it('pages through conversations, with usernames, follower counts from the profile API, and the account out', async () => {
    const m1 = fake.seedDm({ platform: 'instagram', customer: MAYA, text: 'My beans arrived stale', at: T0 - 3 * HOUR });
    const m2 = fake.seedDm({ platform: 'instagram', customer: MAYA, text: "So sorry, we'll fix it", at: T0 - 2 * HOUR, fromBrand: true });
    const t1 = fake.seedDm({ platform: 'instagram', customer: TOM, text: 'Open on Sunday?', at: T0 - HOUR });
    const l1 = fake.seedDm({ platform: 'instagram', customer: LEA, text: 'Olá!', at: T0 - 5 * HOUR });
    fake.seedDm({ platform: 'messenger', customer: { id: '42', name: 'Messenger only' }, text: 'not here', at: T0 - HOUR });

    const { pages } = await round('dms');
    expect(pages.map((p) => p.more)).toEqual([true, false]);
    expect(idsOf(pages).sort()).toEqual([m1, m2, t1, l1].sort());
    const items = itemsOf(pages);
    expect(items.find((i) => i.externalId === m1)).toMatchObject({
      kind: 'dm',
      direction: 'in',
      threadExternalId: fake.conversationOf(MAYA.id),
      customer: { externalId: MAYA.id, handle: '@maya.brews', followerCount: 48_200 },
    });
    expect(items.find((i) => i.externalId === m2)).toMatchObject({ direction: 'out', authorName: FAKE_IG.username, customer: { externalId: MAYA.id } });
    expect(items.find((i) => i.externalId === t1)!.customer.followerCount).toBe(310);
    expect(items.find((i) => i.externalId === l1)!.raw).toMatchObject({ id: l1, from: { id: LEA.id, username: LEA.username }, message: 'Olá!' });
    expect(fake.requests.find((r) => r.endpoint === 'conversations')!.query.get('platform')).toBe('instagram');
  });

  it('looks each profile up once a day, and a profile it may not read leaves the count unknown', async () => {
    fake.seedDm({ platform: 'instagram', customer: MAYA, text: 'Hi', at: T0 - HOUR });
    fake.queueFault('node', { status: 400, body: graphError(230, 'User consent is required to access user profile', { type: 'IGApiException' }) });
    const first = await adapter.poll('dms', null);
    expect(first.items[0]!.customer.followerCount).toBeNull();
    now = T0 + 60_000;
    fake.seedDm({ platform: 'instagram', customer: MAYA, text: 'Hello?', at: T0 + 30_000 });
    expect((await adapter.poll('dms', first.nextCursor)).items[0]!.customer.followerCount).toBeNull();
    now = T0 + DAY + 60_000;
    fake.seedDm({ platform: 'instagram', customer: MAYA, text: 'Anyone?', at: T0 + DAY });
    const later = await adapter.poll('dms', first.nextCursor);
    expect(later.items.map((i) => i.customer.followerCount)).toEqual([48_200, 48_200]);
    expect(fake.requests.filter((r) => r.endpoint === 'node')).toHaveLength(2);
  });

  it('delivers a new message once and the same cursor gives the same ids', async () => {
    fake.seedDm({ platform: 'instagram', customer: MAYA, text: 'Hi', at: T0 - HOUR });
    const { cursor } = await round('dms');
    now = T0 + 60_000;
    const fresh = fake.seedDm({ platform: 'instagram', customer: TOM, text: 'New here', at: T0 + 1_000 });
    expect(idsOf([await adapter.poll('dms', cursor)])).toEqual([fresh]);
    const again = await adapter.poll('dms', cursor);
    expect(idsOf([again])).toEqual([fresh]);
    expect((await adapter.poll('dms', again.nextCursor)).items).toEqual([]);
  });

  it('rejects a conversation it cannot read with its raw body and keeps the rest', async () => {
    const good = fake.seedDm({ platform: 'instagram', customer: MAYA, text: 'Hi', at: T0 - HOUR });
    fake.queueFault('conversations', { brokenItem: true });
    const r = await adapter.poll('dms', null);
    expect(idsOf([r])).toEqual([good]);
    expect(r.rejected).toEqual([{ reason: expect.stringMatching(/^conversation: /), raw: expect.objectContaining({ id: 't_broken' }) }]);
  });
});

describe('comments stream', () => {
  it('threads replies under the top-level comment, marks the account replies out and skips its own comments', async () => {
    const media = fake.seedMedia({ at: T0 - DAY });
    const c1 = fake.seedIgComment({ mediaId: media, user: MAYA, text: 'Is the Ethiopia back?', at: T0 - 3 * HOUR });
    const r1 = fake.seedIgComment({ mediaId: media, fromAccount: true, text: '@maya.brews next week!', at: T0 - 2 * HOUR, parentId: c1 });
    const r2 = fake.seedIgComment({ mediaId: media, user: TOM, text: '+1', at: T0 - HOUR, parentId: c1 });
    const own = fake.seedIgComment({ mediaId: media, fromAccount: true, text: 'Giveaway rules below', at: T0 - 40 * 60_000 });
    const r3 = fake.seedIgComment({ mediaId: media, user: LEA, text: 'How do I enter?', at: T0 - 30 * 60_000, parentId: own });

    const { pages } = await round('comments');
    const items = itemsOf(pages);
    expect(idsOf(pages).sort()).toEqual([c1, r1, r2, r3].sort());
    expect(Object.fromEntries(items.map((i) => [i.externalId, i.threadExternalId]))).toEqual({ [c1]: c1, [r1]: c1, [r2]: c1, [r3]: own });
    expect(items.find((i) => i.externalId === r1)).toMatchObject({ direction: 'out', customer: { externalId: MAYA.id, handle: '@maya.brews' } });
    expect(items.find((i) => i.externalId === r2)).toMatchObject({ direction: 'in', kind: 'comment', customer: { externalId: TOM.id, followerCount: null } });
    expect(items.find((i) => i.externalId === c1)!.raw).toMatchObject({ id: c1, text: 'Is the Ethiopia back?', username: MAYA.username });
  });

  it('pages through media up to the window and through one media’s comment pages', async () => {
    const ids = [3, 2, 1].map((d) => fake.seedMedia({ at: T0 - d * DAY }));
    const newest = ids[2]!;
    const many = Array.from({ length: 5 }, (_, i) => fake.seedIgComment({ mediaId: newest, user: { id: `50${i}`, username: `fan${i}` }, text: `Love it ${i}`, at: T0 - (i + 1) * 60_000 }));
    const older = fake.seedIgComment({ mediaId: ids[0]!, user: TOM, text: 'late comment', at: T0 - 10 * 60_000 });
    const { pages } = await round('comments');
    expect(pages.map((p) => p.more)).toEqual([true, false]);
    expect(idsOf(pages).sort()).toEqual([...many, older].sort());
    expect(fake.requests.filter((r) => r.endpoint === 'comments')).toHaveLength(1);
  });

  it('a new reply under an old comment arrives once', async () => {
    const media = fake.seedMedia({ at: T0 - DAY });
    const c1 = fake.seedIgComment({ mediaId: media, user: MAYA, text: 'Nice', at: T0 - 2 * HOUR });
    const { cursor } = await round('comments');
    now = T0 + 60_000;
    const r = fake.seedIgComment({ mediaId: media, user: TOM, text: 'Agreed', at: T0 + 1_000, parentId: c1 });
    const a = await round('comments', cursor);
    expect(idsOf(a.pages)).toEqual([r]);
    expect(idsOf((await round('comments', cursor)).pages)).toEqual([r]);
    expect(idsOf((await round('comments', a.cursor)).pages)).toEqual([]);
  });

  it('rejects a comment it cannot read with its raw body and keeps the rest', async () => {
    const media = fake.seedMedia({ at: T0 - DAY });
    const good = fake.seedIgComment({ mediaId: media, user: MAYA, text: 'ok', at: T0 - HOUR });
    fake.queueFault('media', { brokenItem: true });
    const r = await adapter.poll('comments', null);
    expect(idsOf([r])).toEqual([good]);
    expect(r.rejected).toEqual([{ reason: expect.stringMatching(/^comment: text/), raw: expect.objectContaining({ text: { unexpected: true } }) }]);
  });
});

describe('sending', () => {
  it('sends a DM through the Page with the documented parameters', async () => {
    fake.seedDm({ platform: 'instagram', customer: MAYA, text: 'Hi', at: now - HOUR });
    const receipt = await adapter.send(reply());
    expect(fake.received).toHaveLength(1);
    expect(fake.received[0]).toMatchObject({
      endpoint: 'send',
      target: FAKE_PAGE.id,
      authorization: `Bearer ${FAKE_TOKEN}`,
      body: { recipient: { id: MAYA.id }, messaging_type: 'RESPONSE', message: { text: 'Hi Maya, a new bag is on its way 🙏' } },
    });
    expect(receipt.externalId).toBe(fake.received[0]!.id);
  });

  it.each([
    { age: 22 * HOUR, want: { messaging_type: 'RESPONSE' } },
    { age: 30 * HOUR, want: { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' } },
    { age: 6 * DAY + 23 * HOUR, want: { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' } },
    { age: 7 * DAY + HOUR, want: null },
  ])('window: last message $age ms ago → $want', async ({ age, want }) => {
    fake.seedDm({ platform: 'instagram', customer: MAYA, text: 'Hi', at: now - age });
    const send = adapter.send(reply({ customerLastMessageAt: now - age }));
    if (want === null) {
      expect(await failure(send)).toMatchObject({ kind: 'refused', message: expect.stringMatching(/^The customer last wrote 7 days ago; Instagram allows replies for 7 days/) });
      expect(fake.received).toHaveLength(0);
    } else {
      await send;
      expect(fake.received[0]!.body).toMatchObject(want);
    }
  });

  it('maps Instagram’s own window error (10/2534022) to a refusal a person understands', async () => {
    fake.seedDm({ platform: 'instagram', customer: MAYA, text: 'Hi', at: now - HOUR });
    fake.queueFault('send', { status: 400, body: graphError(10, '(#10) This message is sent outside of allowed window.', { subcode: 2534022 }) });
    expect(await failure(adapter.send(reply()))).toMatchObject({ kind: 'refused', message: expect.stringMatching(/messaging window has closed.*write to the account/) });
  });

  it.each([
    { text: 'é'.repeat(500), ok: true },
    { text: '😀'.repeat(250), ok: true },
    { text: 'é'.repeat(501), ok: false },
    { text: 'a'.repeat(999) + 'é', ok: false },
  ])('counts UTF-8 bytes: $text.length code units → ok=$ok', async ({ text, ok }) => {
    fake.seedDm({ platform: 'instagram', customer: MAYA, text: 'Hi', at: now - HOUR });
    const send = adapter.send(reply({ text }));
    if (ok) await send;
    else expect(await failure(send)).toMatchObject({ kind: 'refused', message: expect.stringMatching(/bytes \(UTF-8\) long; Instagram takes at most 1000/) });
    expect(fake.received).toHaveLength(ok ? 1 : 0);
  });

  it.each(['dm', 'comment'] as const)('the %s length rule is 1000 UTF-8 bytes', (kind) => {
    expect(adapter.limits.lengthRule(kind)).toEqual({ count: 'bytes', max: 1000 });
  });

  it('answers a comment with POST /{comment-id}/replies and finds the reply after a lost answer', async () => {
    const media = fake.seedMedia({ at: T0 - DAY });
    const c1 = fake.seedIgComment({ mediaId: media, user: MAYA, text: 'Price?', at: T0 - HOUR });
    const r = reply({ kind: 'comment', threadExternalId: c1, inReplyToExternalId: c1, text: '€14 for 250 g' });
    expect(await adapter.findSent!(r)).toBeNull();
    fake.queueFault('reply', { drop: true });
    expect(await failure(adapter.send(r))).toMatchObject({ kind: 'transient', mayHaveLeft: true });
    expect(fake.received).toEqual([expect.objectContaining({ endpoint: 'reply', target: c1, body: { message: '€14 for 250 g' } })]);
    expect((await adapter.findSent!(r))?.externalId).toBe(fake.received[0]!.id);
    expect(adapter.limits.replyWindow!('comment', T0 - 30 * DAY)).toBeNull();
  });

  it('finds a DM that arrived although the answer was too slow', async () => {
    fake.seedDm({ platform: 'instagram', customer: MAYA, text: 'Hi', at: now - HOUR });
    adapter = makeAdapter({ timeoutMs: 250 });
    const r = reply();
    fake.queueFault('send', { slowMs: 800 });
    expect(await failure(adapter.send(r))).toMatchObject({ kind: 'transient', mayHaveLeft: true });
    expect(await adapter.findSent!(r)).toMatchObject({ externalId: fake.received[0]!.id });
  });
});

describe('errors', () => {
  it('Instagram throttling (80002) waits for estimated_time_to_regain_access', async () => {
    const usage = { [FAKE_IG.id]: [{ type: 'instagram', call_count: 100, total_cputime: 40, total_time: 60, estimated_time_to_regain_access: 42 }] };
    fake.queueFault('media', { status: 400, body: graphError(80002, 'There have been too many calls to this Instagram account.', { isTransient: true }), headers: { 'x-business-use-case-usage': JSON.stringify(usage) } });
    expect(await failure(adapter.poll('comments', null))).toMatchObject({ kind: 'rate_limited', retryAt: now + 42 * 60_000 });
  });

  it('a token revoked mid-run is auth_failed for polls and sends', async () => {
    fake.seedDm({ platform: 'instagram', customer: MAYA, text: 'Hi', at: now - HOUR });
    await adapter.poll('dms', null);
    fake.revokeToken();
    expect((await failure(adapter.poll('comments', null))).kind).toBe('auth_failed');
    expect((await failure(adapter.send(reply()))).kind).toBe('auth_failed');
  });

  it('5xx and slow answers are transient, a malformed body is bad_payload', async () => {
    fake.queueFault('conversations', { status: 502, body: graphError(1, 'An unknown error occurred') });
    expect((await failure(adapter.poll('dms', null))).kind).toBe('transient');
    fake.queueFault('media', { malformed: true });
    expect((await failure(adapter.poll('comments', null))).kind).toBe('bad_payload');
    adapter = makeAdapter({ timeoutMs: 250 });
    fake.queueFault('media', { slowMs: 800 });
    expect(await failure(adapter.poll('comments', null))).toMatchObject({ kind: 'transient', mayHaveLeft: false });
  });
});

describe('verify and setup', () => {
  it('finds the linked Instagram account and stores the Page and account ids', async () => {
    expect(await verifyInstagram(verifyInput(fake.baseUrl))).toEqual({
      name: FAKE_IG.username,
      handle: `@${FAKE_IG.username}`,
      externalId: FAKE_IG.id,
      config: { baseUrl: fake.baseUrl, pageId: FAKE_PAGE.id, igUserId: FAKE_IG.id, igUsername: FAKE_IG.username },
    });
  });

  it('refuses a Page without a linked Instagram account, and a revoked token', async () => {
    await fake.close();
    fake = await startMetaFake({ now: () => now, linkInstagram: false });
    expect(await failure(verifyInstagram(verifyInput(fake.baseUrl)))).toMatchObject({ kind: 'refused', message: expect.stringMatching(/no linked Instagram professional account/) });
    fake.revokeToken();
    expect((await failure(verifyInstagram(verifyInput(fake.baseUrl)))).kind).toBe('auth_failed');
  });

  it('asks for the Page token as a secret and names the Instagram permissions', () => {
    expect(INSTAGRAM_SETUP.fields.filter((f) => f.secret).map((f) => f.key)).toEqual(['pageAccessToken']);
    expect(INSTAGRAM_SETUP.help).toMatch(/instagram_manage_messages/);
    expect(INSTAGRAM_SETUP.help).toMatch(/instagram_manage_comments/);
  });
});
