import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeCursor } from '../../main/channels/telegram/cursor';
import { createTelegramAdapter, removeTelegramWebhook, TELEGRAM_SETUP, verifyTelegram } from '../../main/channels/telegram/index';
import { type ChannelError, type AdapterContext, type ChannelAdapter, type OutgoingReply } from '../../main/channels/types';
import { countLength } from '../../preload/shared/length';
import { startTelegramFake, type FakeChat, type FakeUser, type TelegramFake } from '../fakes/telegram';
import { failure as channelFailure } from '../support/channel';

const ANA: FakeUser = { id: 5_550_001, is_bot: false, first_name: 'Ana', last_name: 'Silva', username: 'anasilva' };
const BEN: FakeUser = { id: 5_550_002, is_bot: false, first_name: 'Ben' };
const CARA: FakeUser = { id: 5_550_003, is_bot: false, first_name: 'Cara', username: 'cara_k' };
const GROUP: FakeChat = { id: -1_001_234_567_890, type: 'supergroup', title: 'Harbor Coffee Fans' };
const NOW = Date.UTC(2026, 10, 22, 9, 0, 0);

let fake: TelegramFake;
let state: Map<string, string>;
let secrets: Map<string, string>;

beforeEach(async () => {
  fake = await startTelegramFake();
  state = new Map();
  secrets = new Map([['botToken', fake.token]]);
});
afterEach(async () => {
  await fake.close();
});

function context(config: Record<string, unknown> = {}): AdapterContext {
  return {
    account: {
      id: 1,
      channel: 'telegram',
      network: 'telegram',
      name: 'Harbor · Telegram',
      handle: '@harbor_coffee_bot',
      config: { baseUrl: fake.baseUrl, timeoutMs: 2_000, longPollSeconds: 0, botId: fake.bot.id, botUsername: fake.bot.username, botName: 'Harbor Coffee', ...config },
    },
    state: { get: (k) => state.get(k) ?? null, set: (k, v) => void state.set(k, v) },
    secrets: { get: async (k) => secrets.get(k) ?? null, set: async (k, v) => void secrets.set(k, v) },
    now: () => NOW,
    fetch: globalThis.fetch,
  };
}

const adapterWith = (config: Record<string, unknown> = {}): ChannelAdapter => createTelegramAdapter(context(config));

function reply(over: Partial<OutgoingReply>): OutgoingReply {
  return {
    idempotencyKey: 'k-1',
    threadExternalId: String(ANA.id),
    kind: 'dm',
    inReplyToExternalId: null,
    customerExternalId: String(ANA.id),
    customerLastMessageAt: null,
    text: 'Thanks for writing, we are on it.',
    ...over,
  };
}

async function failure(p: Promise<unknown>): Promise<ChannelError> {
  const e = await channelFailure(p);
  // The token sits in the request URL: it must never travel in what we throw.
  expect(`${e.message} ${String(e.cause ?? '')}`).not.toContain(fake.token);
  expect(e.cause).toBeUndefined();
  return e;
}

const sendRequests = () => fake.requests.filter((r) => r.method === 'sendmessage');

describe('telegram: polling updates', () => {
  it('normalises a private message as a dm with the customer, no follower count, raw kept', async () => {
    const m = fake.seedPrivate(ANA, 'My beans arrived stale 😕');
    const r = await adapterWith().poll('updates', null);
    expect(r.rejected).toEqual([]);
    expect(r.items).toHaveLength(1);
    const item = r.items[0]!;
    expect(item).toMatchObject({
      externalId: `${ANA.id}:${m.message_id}`,
      threadExternalId: String(ANA.id),
      kind: 'dm',
      direction: 'in',
      customer: { externalId: String(ANA.id), handle: '@anasilva', displayName: 'Ana Silva', followerCount: null },
      text: 'My beans arrived stale 😕',
      createdAt: m.date * 1000,
    });
    expect(item.raw).toMatchObject({ update_id: expect.any(Number), message: { message_id: m.message_id, text: 'My beans arrived stale 😕' } });
  });

  it('asks getUpdates for messages and edits only, 100 at a time, with the long-poll timeout', async () => {
    await adapterWith({ longPollSeconds: 0 }).poll('updates', encodeCursor(734_500_010, NOW));
    const req = fake.requests.find((r) => r.method === 'getupdates')!;
    expect(req.httpMethod).toBe('GET');
    expect(req.params).toMatchObject({ offset: 734_500_010, limit: 100, timeout: 0, allowed_updates: ['message', 'edited_message'] });
  });

  it('names a person without a username by name, and says what a message without text was', async () => {
    fake.seedPrivate(BEN, '', { extra: { text: undefined, photo: [{ file_id: 'p1', file_unique_id: 'u1', width: 90, height: 90 }], caption: 'this is the bag' } });
    fake.seedPrivate(BEN, '', { extra: { text: undefined, voice: { file_id: 'v1', file_unique_id: 'u2', duration: 3 } } });
    const r = await adapterWith().poll('updates', null);
    expect(r.items.map((i) => i.text)).toEqual(['[photo] this is the bag', '[voice message]']);
    expect(r.items[0]!.customer).toEqual({ externalId: String(BEN.id), handle: 'Ben', displayName: 'Ben', followerCount: null });
  });

  it('pages 100 at a time; the same cursor gives the same messages until the next one confirms them', async () => {
    for (let i = 0; i < 150; i++) fake.seedPrivate(i % 2 ? ANA : BEN, `message ${i}`);
    const adapter = adapterWith();
    const first = await adapter.poll('updates', null);
    expect(first.items).toHaveLength(100);
    expect(first.more).toBe(true);
    const again = await adapter.poll('updates', null);
    expect(again.items.map((i) => i.externalId)).toEqual(first.items.map((i) => i.externalId));

    const second = await adapter.poll('updates', first.nextCursor);
    expect(second.items).toHaveLength(50);
    expect(second.more).toBe(false);
    expect(second.items[0]!.text).toBe('message 100');
    const repeat = await adapter.poll('updates', first.nextCursor);
    expect(repeat.items.map((i) => i.externalId)).toEqual(second.items.map((i) => i.externalId));

    const quiet = await adapter.poll('updates', second.nextCursor);
    expect(quiet.items).toEqual([]);
    expect(quiet.nextCursor).toBeNull();
    expect(fake.pending()).toBe(0);

    const late = fake.seedPrivate(ANA, 'one more thing');
    const fresh = await adapter.poll('updates', second.nextCursor);
    expect(fresh.items.map((i) => i.externalId)).toEqual([`${ANA.id}:${late.message_id}`]);
    const after = await adapter.poll('updates', fresh.nextCursor);
    expect(after.items).toEqual([]);
  });

  it('writes the cursor as next offset @ time, and sends that offset back', async () => {
    fake.seedPrivate(ANA, 'hello');
    const adapter = adapterWith();
    const r = await adapter.poll('updates', null);
    const updateId = (r.items[0]!.raw as { update_id: number }).update_id;
    expect(r.nextCursor).toBe(`${updateId + 1}@${NOW}`);
    await adapter.poll('updates', r.nextCursor);
    expect(fake.requests.at(-1)!.params['offset']).toBe(updateId + 1);
  });

  it('drops a cursor older than six days (Telegram restarts update ids after a quiet week)', async () => {
    const adapter = adapterWith();
    await adapter.poll('updates', encodeCursor(900_000_000, NOW - 7 * 24 * 3600_000));
    expect(fake.requests.at(-1)!.params).not.toHaveProperty('offset');
    await adapter.poll('updates', encodeCursor(900_000_000, NOW - 5 * 24 * 3600_000));
    expect(fake.requests.at(-1)!.params['offset']).toBe(900_000_000);
  });

  it('long-polls: a message that arrives while the request is open comes back at once', async () => {
    const adapter = adapterWith({ longPollSeconds: 2 });
    const started = Date.now();
    const pending = adapter.poll('updates', null);
    setTimeout(() => fake.seedPrivate(ANA, 'are you there?'), 150);
    const r = await pending;
    expect(r.items.map((i) => i.text)).toEqual(['are you there?']);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('records a broken update with its raw body, skips other update kinds, and moves past both', async () => {
    fake.seedPrivate(ANA, 'first');
    const brokenId = fake.seedRaw({ message: { message_id: 9, date: 1_790_000_000, text: 'no chat here' } });
    fake.seedRaw({ callback_query: { id: 'cb1', from: ANA, chat_instance: '42', data: 'x' } });
    fake.seedPrivate(BEN, 'last');
    const r = await adapterWith().poll('updates', null);
    expect(r.items.map((i) => i.text)).toEqual(['first', 'last']);
    expect(r.rejected).toHaveLength(1);
    expect(r.rejected[0]!.reason).toMatch(/chat/);
    expect(r.rejected[0]!.raw).toEqual({ update_id: brokenId, message: { message_id: 9, date: 1_790_000_000, text: 'no chat here' } });
    const lastId = (r.items[1]!.raw as { update_id: number }).update_id;
    expect(r.nextCursor).toBe(encodeCursor(lastId + 1, NOW));
  });

  it('keeps a customer message whose quoted message it cannot read', async () => {
    fake.seedPrivate(ANA, 'see above', { extra: { reply_to_message: { message_id: 3, text: 'no date, no chat' } } });
    const r = await adapterWith().poll('updates', null);
    expect(r.rejected).toEqual([]);
    expect(r.items.map((i) => [i.text, i.direction])).toEqual([['see above', 'in']]);
  });

  it('stores an edit as its own message, marked as edited', async () => {
    const m = fake.seedPrivate(ANA, 'order 1234');
    fake.seedEdit(m, 'order 1243');
    const r = await adapterWith().poll('updates', null);
    expect(r.items).toHaveLength(2);
    expect(r.items[1]).toMatchObject({ threadExternalId: String(ANA.id), text: '(edited) order 1243', direction: 'in' });
    expect(r.items[1]!.externalId).toMatch(new RegExp(`^${ANA.id}:${m.message_id}:edit:\\d+$`));
  });

  it('asks getMe once for the bot when the account does not know it yet', async () => {
    const adapter = adapterWith({ botId: undefined, botUsername: undefined });
    fake.seedGroup(GROUP, ANA, 'hi there', { mentionBot: true });
    const r = await adapter.poll('updates', null);
    expect(r.items).toHaveLength(1);
    await adapter.poll('updates', r.nextCursor);
    expect(fake.requests.filter((q) => q.method === 'getme')).toHaveLength(1);
  });
});

describe('telegram: group threads', () => {
  it('keeps group messages addressed to the bot as mention threads and ignores the rest', async () => {
    fake.seedGroup(GROUP, BEN, 'anyone tried the new roast?');
    const q = fake.seedGroup(GROUP, ANA, 'my order never arrived', { mentionBot: true });
    const r = await adapterWith().poll('updates', null);
    expect(r.items).toHaveLength(1);
    expect(r.items[0]).toMatchObject({
      externalId: `${GROUP.id}:${q.message_id}`,
      threadExternalId: `${GROUP.id}:${q.message_id}`,
      kind: 'mention',
      direction: 'in',
      text: `@harbor_coffee_bot my order never arrived`,
      customer: { externalId: String(ANA.id), handle: '@anasilva', followerCount: null },
    });
  });

  it('joins the bot reply, the customer answering it and others replying into one thread', async () => {
    const adapter = adapterWith();
    const q = fake.seedGroup(GROUP, ANA, 'my order never arrived', { mentionBot: true });
    const first = await adapter.poll('updates', null);
    const thread = first.items[0]!.threadExternalId;

    const receipt = await adapter.send(reply({ threadExternalId: thread, kind: 'mention', inReplyToExternalId: first.items[0]!.externalId, text: 'Sorry! Could you DM us the order number?' }));
    expect(receipt.externalId).toBe(`${GROUP.id}:${fake.sent[0]!.message.message_id}`);

    const answer = fake.seedGroup(GROUP, ANA, 'sent it', { replyTo: fake.sent[0]!.message.message_id });
    const other = fake.seedGroup(GROUP, CARA, 'same here!', { replyTo: q.message_id });
    const unrelated = fake.seedGroup(GROUP, CARA, 'nice weather');
    const next = await adapter.poll('updates', first.nextCursor);
    expect(next.items.map((i) => [i.externalId, i.direction, i.threadExternalId])).toEqual([
      [receipt.externalId, 'out', thread],
      [`${GROUP.id}:${answer.message_id}`, 'in', thread],
      [`${GROUP.id}:${other.message_id}`, 'in', thread],
    ]);
    expect(next.items[0]).toMatchObject({ authorName: 'Harbor Coffee', text: 'Sorry! Could you DM us the order number?' });
    expect(next.items[2]!.customer.handle).toBe('@cara_k');
    expect(next.items.some((i) => i.externalId.endsWith(`:${unrelated.message_id}`))).toBe(false);
  });

  it('remembers threads across adapter restarts (roots live in the adapter state)', async () => {
    const q = fake.seedGroup(GROUP, ANA, 'help please', { mentionBot: true });
    const first = await adapterWith().poll('updates', null);
    fake.seedGroup(GROUP, BEN, 'me too', { replyTo: q.message_id });
    const r = await adapterWith().poll('updates', first.nextCursor);
    expect(r.items.map((i) => i.threadExternalId)).toEqual([`${GROUP.id}:${q.message_id}`]);
    expect([...state.values()].join()).not.toContain(fake.token);
  });

  it('takes the posting chat as the customer when someone writes as a channel or anonymous admin', async () => {
    const channel: FakeChat = { id: -1_009_999, type: 'channel', title: 'Roasters Weekly', username: 'roastersweekly' };
    fake.seedGroup(GROUP, { id: 136_817_688, is_bot: true, first_name: 'Channel', username: 'Channel_Bot' }, 'do you ship to Lisbon?', { mentionBot: true, senderChat: channel });
    const r = await adapterWith().poll('updates', null);
    expect(r.items[0]!.customer).toEqual({ externalId: String(channel.id), handle: '@roastersweekly', displayName: 'Roasters Weekly', followerCount: null });
  });

  it('counts a mention only when it names this bot, and a command addressed to it', async () => {
    fake.seedGroup(GROUP, ANA, '@someone_else_bot hi', { extra: { entities: [{ type: 'mention', offset: 0, length: 17 }] } });
    const cmd = fake.seedGroup(GROUP, ANA, '/help@harbor_coffee_bot', { extra: { entities: [{ type: 'bot_command', offset: 0, length: 23 }] } });
    const tm = fake.seedGroup(GROUP, BEN, 'Harbor can you help', { extra: { entities: [{ type: 'text_mention', offset: 0, length: 6, user: fake.bot }] } });
    const r = await adapterWith().poll('updates', null);
    expect(r.items.map((i) => i.externalId)).toEqual([`${GROUP.id}:${cmd.message_id}`, `${GROUP.id}:${tm.message_id}`]);
  });
});

describe('telegram: sending', () => {
  it('sends a dm as plain text to the chat, without quoting, and returns the message id', async () => {
    fake.seedPrivate(ANA, 'hello?');
    const adapter = adapterWith();
    await adapter.poll('updates', null);
    const receipt = await adapter.send(reply({ text: 'Hi Ana — *we* are on it <3' }));
    expect(fake.sent).toHaveLength(1);
    expect(fake.sent[0]!.params).toEqual({ chat_id: ANA.id, text: 'Hi Ana — *we* are on it <3' });
    expect(sendRequests()[0]!.httpMethod).toBe('POST');
    expect(receipt).toEqual({ externalId: `${ANA.id}:${fake.sent[0]!.message.message_id}`, sentAt: fake.sent[0]!.message.date * 1000 });
  });

  it('quotes the customer message in a group, sent even if that message is gone', async () => {
    const q = fake.seedGroup(GROUP, ANA, 'where is my refund', { mentionBot: true });
    const later = fake.seedGroup(GROUP, ANA, 'hello??', { replyTo: q.message_id });
    const adapter = adapterWith();
    const thread = `${GROUP.id}:${q.message_id}`;
    await adapter.send(reply({ threadExternalId: thread, kind: 'mention', inReplyToExternalId: `${GROUP.id}:${later.message_id}` }));
    await adapter.send(reply({ threadExternalId: thread, kind: 'mention', inReplyToExternalId: null }));
    await adapter.send(reply({ threadExternalId: thread, kind: 'mention', inReplyToExternalId: `${GROUP.id}:99999` }));
    expect(fake.sent.map((s) => s.params['reply_parameters'])).toEqual([
      { message_id: later.message_id, allow_sending_without_reply: true },
      { message_id: q.message_id, allow_sending_without_reply: true },
      { message_id: 99999, allow_sending_without_reply: true },
    ]);
    expect(fake.sent.every((s) => s.chat_id === GROUP.id && !('parse_mode' in s.params))).toBe(true);
  });

  it('has no findSent: Telegram has no idempotency key and no list of sent messages', () => {
    expect(adapterWith().findSent).toBeUndefined();
  });

  it('refuses too long or empty replies before they leave, counting UTF-16 units', async () => {
    fake.seedPrivate(ANA, 'hi');
    const adapter = adapterWith();
    expect((await failure(adapter.send(reply({ text: 'a'.repeat(4097) })))).kind).toBe('refused');
    expect((await failure(adapter.send(reply({ text: '😀'.repeat(2049) })))).message).toMatch(/4098 characters long; Telegram allows 4096/);
    expect((await failure(adapter.send(reply({ text: '   ' })))).kind).toBe('refused');
    expect(sendRequests()).toHaveLength(0);
    await adapter.send(reply({ text: '😀'.repeat(2048) }));
    expect(fake.sent).toHaveLength(1);
  });

  it('a dropped connection after Telegram sent the reply is transient, may have left, and landed once', async () => {
    fake.seedPrivate(ANA, 'hi');
    fake.queueFault('sendMessage', { drop: 'applied' });
    const e = await failure(adapterWith().send(reply({})));
    expect(e.kind).toBe('transient');
    expect(e.mayHaveLeft).toBe(true);
    expect(fake.sent).toHaveLength(1);
  });

  it('a connection dropped before Telegram acted may also have left (we cannot tell)', async () => {
    fake.seedPrivate(ANA, 'hi');
    fake.queueFault('sendMessage', { drop: 'before' });
    const e = await failure(adapterWith().send(reply({})));
    expect([e.kind, e.mayHaveLeft]).toEqual(['transient', true]);
    expect(fake.sent).toHaveLength(0);
  });

  it('a send slower than the timeout is transient and may have left', async () => {
    fake.seedPrivate(ANA, 'hi');
    fake.queueFault('sendMessage', { slowMs: 1_500 });
    const e = await failure(adapterWith({ timeoutMs: 300 }).send(reply({})));
    expect([e.kind, e.mayHaveLeft]).toEqual(['transient', true]);
  });

  it.each([
    ['blocked by the customer', { status: 403, body: { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' } }, /blocked the bot/],
    ['removed from the group', { status: 403, body: { ok: false, error_code: 403, description: 'Forbidden: bot was kicked from the supergroup chat' } }, /no longer a member/],
    ['too long for Telegram', { status: 400, body: { ok: false, error_code: 400, description: 'Bad Request: message is too long' } }, /4,096/],
    [
      'group upgraded',
      { status: 400, body: { ok: false, error_code: 400, description: 'Bad Request: group chat was upgraded to a supergroup chat', parameters: { migrate_to_chat_id: -1_002_000 } } },
      /upgraded to a supergroup/,
    ],
    ['chat gone', { status: 400, body: { ok: false, error_code: 400, description: 'Bad Request: chat not found' } }, /cannot find this chat/],
  ])('refuses in plain words when %s', async (_name, fault, words) => {
    fake.seedPrivate(ANA, 'hi');
    fake.queueFault('sendMessage', fault);
    const e = await failure(adapterWith().send(reply({})));
    expect(e.kind).toBe('refused');
    expect(e.message).toMatch(words);
    expect(e.mayHaveLeft).toBe(false);
  });

  it('a customer who blocked the bot: the fake refuses as Telegram does', async () => {
    fake.seedPrivate(ANA, 'bye');
    fake.blockBy(ANA.id);
    const e = await failure(adapterWith().send(reply({})));
    expect([e.kind, e.message]).toEqual(['refused', 'The customer has blocked the bot, so Telegram will not deliver the reply.']);
    expect(fake.sent).toHaveLength(0);
  });

  it('flood control on send is rate_limited until retry_after', async () => {
    fake.seedPrivate(ANA, 'hi');
    fake.rateLimit('sendMessage', 7);
    const e = await failure(adapterWith().send(reply({})));
    expect([e.kind, e.retryAt]).toEqual(['rate_limited', NOW + 7_000]);
    expect(fake.sent).toHaveLength(0);
  });
});

describe('telegram: failures while polling', () => {
  it('429 with parameters.retry_after → rate_limited at that time', async () => {
    fake.rateLimit('getUpdates', 30);
    const e = await failure(adapterWith().poll('updates', null));
    expect([e.kind, e.retryAt]).toEqual(['rate_limited', NOW + 30_000]);
  });

  it('a token revoked mid-run → auth_failed for polls and sends, nothing sent', async () => {
    fake.seedPrivate(ANA, 'hi');
    const adapter = adapterWith();
    await adapter.poll('updates', null);
    fake.revokeToken();
    expect((await failure(adapter.poll('updates', null))).kind).toBe('auth_failed');
    const e = await failure(adapter.send(reply({})));
    expect(e.kind).toBe('auth_failed');
    expect(e.message).toMatch(/@BotFather/);
    expect(fake.sent).toHaveLength(0);
  });

  it('a token Telegram cannot parse (404 Not Found) or none at all → auth_failed', async () => {
    fake.queueFault('getUpdates', { status: 404, body: { ok: false, error_code: 404, description: 'Not Found' } });
    expect((await failure(adapterWith().poll('updates', null))).kind).toBe('auth_failed');
    secrets.set('botToken', 'not a token');
    const before = fake.requests.length;
    expect((await failure(adapterWith().poll('updates', null))).kind).toBe('auth_failed');
    expect(fake.requests.length).toBe(before);
    secrets.delete('botToken');
    expect((await failure(adapterWith().poll('updates', null))).kind).toBe('auth_failed');
  });

  it.each([
    ['502 from the gateway', { status: 502, body: '<html><body>502 Bad Gateway</body></html>', headers: { 'Content-Type': 'text/html' } }],
    ['500 with a Bot API body', { status: 500, body: { ok: false, error_code: 500, description: 'Internal Server Error' } }],
  ])('%s → transient', async (_name, fault) => {
    fake.queueFault('getUpdates', fault);
    expect((await failure(adapterWith().poll('updates', null))).kind).toBe('transient');
  });

  it('a poll slower than timeout + long-poll wait → transient', async () => {
    fake.queueFault('getUpdates', { slowMs: 1_500 });
    expect((await failure(adapterWith({ timeoutMs: 300 }).poll('updates', null))).kind).toBe('transient');
  });

  it('a dropped connection while polling → transient', async () => {
    fake.queueFault('getUpdates', { drop: 'before' });
    expect((await failure(adapterWith().poll('updates', null))).kind).toBe('transient');
  });

  it('a body that is not JSON, or not a list of updates → bad_payload', async () => {
    fake.queueFault('getUpdates', { malformed: true });
    expect((await failure(adapterWith().poll('updates', null))).kind).toBe('bad_payload');
    fake.queueFault('getUpdates', { status: 200, body: { ok: true, result: { update_id: 1 } } });
    expect((await failure(adapterWith().poll('updates', null))).kind).toBe('bad_payload');
  });

  it('a webhook on the bot → refused in words, and removeTelegramWebhook clears it keeping pending messages', async () => {
    fake.seedPrivate(ANA, 'waiting patiently');
    fake.setWebhook('https://hooks.example.com/tg');
    const e = await failure(adapterWith().poll('updates', null));
    expect([e.kind, e.message]).toEqual([
      'refused',
      'A webhook is set for this bot, so Telegram will not hand updates to the console. Remove it (deleteWebhook) to use polling.',
    ]);
    await removeTelegramWebhook(context());
    expect(fake.webhookUrl()).toBe('');
    expect(fake.requests.find((r) => r.method === 'deletewebhook')!.params).toEqual({ drop_pending_updates: false });
    const r = await adapterWith().poll('updates', null);
    expect(r.items.map((i) => i.text)).toEqual(['waiting patiently']);
  });

  it('another program polling the same bot (409 terminated) → transient', async () => {
    fake.queueFault('getUpdates', {
      status: 409,
      body: { ok: false, error_code: 409, description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running' },
    });
    const e = await failure(adapterWith().poll('updates', null));
    expect(e.kind).toBe('transient');
    expect(e.message).toMatch(/Another program/);
  });

  it('an unknown stream is refused', async () => {
    expect((await failure(adapterWith().poll('mentions', null))).kind).toBe('refused');
  });
});

describe('telegram: connecting', () => {
  it('verify checks the token with getMe and says which bot it is', async () => {
    const who = await verifyTelegram({ config: { baseUrl: fake.baseUrl }, secrets: { botToken: ` ${fake.token} ` }, fetch: globalThis.fetch });
    expect(who).toEqual({
      name: 'Harbor Coffee',
      handle: '@harbor_coffee_bot',
      externalId: String(fake.bot.id),
      config: { baseUrl: fake.baseUrl, botId: fake.bot.id, botUsername: 'harbor_coffee_bot', botName: 'Harbor Coffee', canReadAllGroupMessages: false },
    });
    expect(JSON.stringify(who)).not.toContain(fake.token);
  });

  it('verify refuses a wrong or malformed token without echoing it', async () => {
    const wrong = `${fake.bot.id}:AAF${'y'.repeat(32)}`;
    const e = await failure(verifyTelegram({ config: { baseUrl: fake.baseUrl }, secrets: { botToken: wrong }, fetch: globalThis.fetch }));
    expect(e.kind).toBe('auth_failed');
    expect(e.message).not.toContain(wrong);
    const before = fake.requests.length;
    expect((await failure(verifyTelegram({ config: { baseUrl: fake.baseUrl }, secrets: { botToken: 'hello' }, fetch: globalThis.fetch }))).kind).toBe('auth_failed');
    expect(fake.requests.length).toBe(before);
  });

  it('the connect form asks for the token as a secret and points at the docs', () => {
    expect(TELEGRAM_SETUP.channel).toBe('telegram');
    expect(TELEGRAM_SETUP.fields.find((f) => f.key === 'botToken')).toMatchObject({ secret: true });
    expect(TELEGRAM_SETUP.fields.filter((f) => f.secret)).toHaveLength(1);
    expect(TELEGRAM_SETUP.help).toMatch(/@BotFather/);
    expect(TELEGRAM_SETUP.docsUrl).toMatch(/^https:\/\/core\.telegram\.org\//);
  });
});

describe('telegram: limits', () => {
  it.each([
    ['dm', 'a'.repeat(4096), false],
    ['dm', 'a'.repeat(4097), true],
    ['mention', '😀'.repeat(2048), false],
    ['mention', '😀'.repeat(2048) + 'a', true],
    ['comment', 'é'.repeat(4096), false],
  ] as const)('%s: a text of %#', (kind, text, over) => {
    const rule = adapterWith().limits.lengthRule(kind);
    expect(rule).toEqual({ count: 'utf16', max: 4096 });
    expect(countLength(text, rule) > rule.max).toBe(over);
  });

  it('has no reply window: a bot may answer any time', () => {
    expect(adapterWith().limits.replyWindow).toBeUndefined();
  });

  it('polls again soon when long polling, less often without', () => {
    expect(adapterWith({ longPollSeconds: 25 }).pollIntervalSeconds).toBeLessThanOrEqual(2);
    expect(adapterWith({ longPollSeconds: 0 }).pollIntervalSeconds).toBeGreaterThanOrEqual(10);
  });
});
