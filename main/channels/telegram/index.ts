/**
 * Telegram (Bot API) adapter. One stream, 'updates': getUpdates long polling for messages and
 * edits (allowed_updates), private chats as 'dm' threads, group messages addressed to the bot
 * as 'mention' threads (see threads.ts, normalise.ts). Cursor format: cursor.ts.
 *
 * Telegram keeps undelivered updates for 24 hours only, so a console that is off for longer
 * loses what arrived meanwhile; nothing can fetch it later (bots have no history API).
 *
 * Pace: Telegram asks bots to stay under about one message per second in a chat, 20 a minute
 * in a group and about 30 a second overall (Bots FAQ). The outbox spaces sends per account,
 * which keeps under the per-chat and overall limits; a burst of replies into one busy group can
 * still pass 20 a minute, and Telegram's 429 then comes back as rate_limited at retry_after.
 *
 * findSent is deliberately absent: sendMessage takes no idempotency key and a bot cannot list
 * the messages it sent, so after an unknown outcome the outbox asks the agent.
 */
import { countLength, NETWORK_RULES } from '../../../preload/shared/length';
import {
  ChannelError,
  type AdapterContext,
  type AdapterFactory,
  type ChannelAdapter,
  type OutgoingReply,
  type PollResult,
  type RejectedItem,
  type NormalisedMessage,
  type SentReceipt,
} from '../types';
import type { ThreadKind } from '../../../preload/contract';
import { callApi, readConfig, type TelegramConfig } from './api';
import { encodeCursor, offsetFor } from './cursor';
import { normaliseMessage, type BotIdentity } from './normalise';
import { Message, UpdateHead } from './schema';
import { fetchMe } from './setup';
import { messageKey, parseMessageId, parseThreadId, ThreadRoots } from './threads';

export { TELEGRAM_SETUP, verifyTelegram, removeTelegramWebhook } from './setup';

export const TELEGRAM_STREAM = 'updates';
/** getUpdates' maximum page. */
const PAGE_SIZE = 100;
const ALLOWED_UPDATES = ['message', 'edited_message'];

export const createTelegramAdapter: AdapterFactory = (ctx) => new TelegramAdapter(ctx);

class TelegramAdapter implements ChannelAdapter {
  readonly channel = 'telegram' as const;
  readonly network = 'telegram' as const;
  readonly streams = [TELEGRAM_STREAM] as const;
  readonly pollIntervalSeconds: number;
  readonly limits = {
    lengthRule: (kind: ThreadKind) => (kind === 'dm' ? NETWORK_RULES.telegram.dm : NETWORK_RULES.telegram.public),
    // No replyWindow: a bot may answer a private chat or a group at any time.
  };
  private readonly config: TelegramConfig;
  private bot: BotIdentity | null;

  constructor(private readonly ctx: AdapterContext) {
    this.config = readConfig(ctx.account.config);
    this.bot = botFromConfig(ctx.account.config);
    // The long poll itself does the waiting; between polls only a short breath is needed.
    this.pollIntervalSeconds = this.config.longPollSeconds > 0 ? 1 : 15;
  }

  async poll(stream: string, cursor: string | null): Promise<PollResult> {
    if (stream !== TELEGRAM_STREAM) throw new ChannelError('refused', `A Telegram account has no "${stream}" stream.`);
    const token = await this.token();
    const bot = await this.identity(token);
    const result = await callApi('getUpdates', {
      ...this.call(token, 'GET'),
      params: { offset: offsetFor(cursor, this.ctx.now()), limit: PAGE_SIZE, timeout: this.config.longPollSeconds, allowed_updates: ALLOWED_UPDATES },
      extraTimeoutMs: this.config.longPollSeconds * 1000,
    });
    if (!Array.isArray(result)) throw new ChannelError('bad_payload', 'Telegram answered getUpdates without a list of updates.');

    const roots = new ThreadRoots(this.ctx.state);
    const items: NormalisedMessage[] = [];
    const rejected: RejectedItem[] = [];
    let lastId: number | null = null;
    for (const raw of result as unknown[]) {
      const head = UpdateHead.safeParse(raw);
      if (!head.success) {
        rejected.push({ reason: 'Telegram update without a numeric update_id', raw });
        continue;
      }
      lastId = Math.max(lastId ?? head.data.update_id, head.data.update_id);
      const update = raw as Record<string, unknown>;
      const edited = update['message'] === undefined && update['edited_message'] !== undefined;
      const payload = edited ? update['edited_message'] : update['message'];
      // Other kinds may still arrive for a moment after allowed_updates changed; not ours.
      if (payload === undefined) continue;
      const msg = Message.safeParse(payload);
      if (!msg.success) {
        const issue = msg.error.issues[0];
        const where = issue ? `${issue.path.join('.') || 'message'}: ${issue.message}` : 'unreadable';
        rejected.push({ reason: `Telegram ${edited ? 'edited_message' : 'message'} not understood (${where})`, raw });
        continue;
      }
      items.push(...normaliseMessage(msg.data, { edited, bot, roots, raw }));
    }
    roots.save();
    return {
      items,
      rejected,
      // Past everything seen, broken updates included: they are recorded, not retried forever.
      nextCursor: lastId === null ? null : encodeCursor(lastId + 1, this.ctx.now()),
      more: result.length >= PAGE_SIZE,
    };
  }

  async send(reply: OutgoingReply): Promise<SentReceipt> {
    const thread = parseThreadId(reply.threadExternalId);
    if (!thread) throw new ChannelError('refused', 'This thread is not a Telegram conversation the console can answer.');
    const rule = this.limits.lengthRule(reply.kind);
    if (!reply.text.trim()) throw new ChannelError('refused', 'Telegram will not send an empty reply.');
    const length = countLength(reply.text, rule);
    if (length > rule.max) throw new ChannelError('refused', `The reply is ${length} characters long; Telegram allows ${rule.max}.`);

    // In a group the reply quotes the customer's message so the thread stays readable; a
    // private chat is one conversation and needs no quote. If the message was deleted since,
    // Telegram sends the reply anyway.
    let replyTo: number | null = null;
    if (thread.rootMessageId !== null) {
      const target = parseMessageId(reply.inReplyToExternalId);
      replyTo = target && target.chatId === thread.chatId ? target.messageId : thread.rootMessageId;
    }
    const token = await this.token();
    const result = await callApi('sendMessage', {
      ...this.call(token, 'POST'),
      // Plain text, no parse_mode: the agent's words go out exactly as typed.
      params: {
        chat_id: thread.chatId,
        text: reply.text,
        ...(replyTo !== null ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
      },
    });
    const sent = Message.safeParse(result);
    if (!sent.success) {
      // Telegram said ok, so the reply went out; only its id is unreadable. Let a person check.
      throw new ChannelError('transient', 'Telegram accepted the reply but did not say which message it became.', { mayHaveLeft: true });
    }
    if (thread.rootMessageId !== null) {
      // So a customer answering the bot's reply lands in this same thread.
      const roots = new ThreadRoots(this.ctx.state);
      roots.remember(sent.data.chat.id, sent.data.message_id, thread.rootMessageId);
      roots.save();
    }
    return { externalId: messageKey(sent.data.chat.id, sent.data.message_id), sentAt: sent.data.date * 1000 };
  }

  private call(token: string, method: 'GET' | 'POST') {
    return { token, config: this.config, fetch: this.ctx.fetch, now: this.ctx.now, method };
  }

  private async token(): Promise<string> {
    const token = await this.ctx.secrets.get('botToken');
    if (!token) throw new ChannelError('auth_failed', 'No Telegram bot token is stored for this account. Reconnect it with the token from @BotFather.');
    return token.trim();
  }

  /** Who the bot is (to tell mentions of it and its own messages); from the account, else getMe once. */
  private async identity(token: string): Promise<BotIdentity> {
    if (!this.bot) {
      const me = await fetchMe({ token, config: this.ctx.account.config, fetch: this.ctx.fetch, now: this.ctx.now });
      this.bot = { id: me.id, username: me.username, name: me.name };
    }
    return this.bot;
  }
}

function botFromConfig(config: Record<string, unknown>): BotIdentity | null {
  const id = config['botId'];
  const username = config['botUsername'];
  if (typeof id !== 'number' || typeof username !== 'string' || !username) return null;
  const name = typeof config['botName'] === 'string' && config['botName'] ? config['botName'] : username;
  return { id, username, name };
}
