/**
 * One Telegram message → the console's normalised messages. Private chats are 'dm' threads;
 * in groups only what is addressed to the bot (an @mention, a text mention, a command for it,
 * or a reply to the bot or to a thread it is in) becomes a 'mention' thread, the rest of the
 * group's talk is not the brand's business. Telegram gives no follower counts.
 * Bots never receive their own messages as updates; the one place the bot's own words show up
 * is the message a customer replied to, which is recorded as 'out' (a sent reply, maybe from
 * another program using the same bot).
 */
import type { NormalisedIdentity, NormalisedMessage } from '../types';
import type { Chat, Entity, Message, RepliedMessage, User } from './schema';
import { dmThreadId, groupThreadId, messageKey, type ThreadRoots } from './threads';

export interface BotIdentity {
  id: number;
  username: string;
  name: string;
}

const GROUP_TYPES = new Set(['group', 'supergroup']);

export function normaliseMessage(msg: Message, opts: { edited: boolean; bot: BotIdentity; roots: ThreadRoots; raw: unknown }): NormalisedMessage[] {
  const { bot, roots, raw } = opts;
  const chat = msg.chat;
  const reply = msg.reply_to_message;
  const repliesToBot = reply?.from?.id === bot.id;
  const customer = identityOf(msg.from, msg.sender_chat, chat);

  let threadExternalId: string;
  let kind: NormalisedMessage['kind'];
  if (chat.type === 'private') {
    threadExternalId = dmThreadId(chat.id);
    kind = 'dm';
  } else if (GROUP_TYPES.has(chat.type)) {
    // Known already (an edit), or answering a message of a known thread.
    const knownRoot = roots.rootOf(chat.id, msg.message_id) ?? (reply ? roots.rootOf(chat.id, reply.message_id) : undefined);
    if (!repliesToBot && knownRoot === undefined && !addressesBot(msg, bot)) return [];
    const root = knownRoot ?? reply?.message_id ?? msg.message_id;
    roots.remember(chat.id, msg.message_id, root);
    if (reply) roots.remember(chat.id, reply.message_id, root);
    threadExternalId = groupThreadId(chat.id, root);
    kind = 'mention';
  } else {
    // Channels are not asked for (allowed_updates); nothing to answer there.
    return [];
  }

  const items: NormalisedMessage[] = [];
  if (reply && repliesToBot) {
    items.push({
      externalId: messageKey(chat.id, reply.message_id),
      threadExternalId,
      kind,
      direction: 'out',
      customer,
      authorName: bot.name,
      text: textOf(reply),
      createdAt: reply.date * 1000,
      raw: reply,
    });
  }
  const fromBot = msg.from?.id === bot.id;
  items.push({
    externalId: opts.edited && msg.edit_date !== undefined ? `${messageKey(chat.id, msg.message_id)}:edit:${msg.edit_date}` : messageKey(chat.id, msg.message_id),
    threadExternalId,
    kind,
    direction: fromBot ? 'out' : 'in',
    customer,
    ...(fromBot ? { authorName: bot.name } : {}),
    // An edit is stored as its own message (the first wording stays); say so, or it reads twice.
    text: opts.edited ? `(edited) ${textOf(msg)}` : textOf(msg),
    createdAt: (opts.edited && msg.edit_date !== undefined ? msg.edit_date : msg.date) * 1000,
    raw,
  });
  return items;
}

/** Whether a group message is meant for the bot. */
export function addressesBot(msg: Message, bot: BotIdentity): boolean {
  const text = msg.text ?? msg.caption ?? '';
  const entities = msg.entities ?? msg.caption_entities ?? [];
  const handle = `@${bot.username}`.toLowerCase();
  return entities.some((e) => entityAddressesBot(e, text, handle, bot.id));
}

function entityAddressesBot(e: Entity, text: string, handle: string, botId: number): boolean {
  // Offsets and lengths are UTF-16 code units, which is what JS strings index.
  const part = text.slice(e.offset, e.offset + e.length).toLowerCase();
  if (e.type === 'mention') return part === handle;
  if (e.type === 'text_mention') return e.user?.id === botId;
  if (e.type === 'bot_command') return part.endsWith(handle);
  return false;
}

function identityOf(from: User | undefined, senderChat: Chat | undefined, chat: Chat): NormalisedIdentity {
  // sender_chat is the real author when someone posts as a channel or an anonymous admin;
  // `from` then holds a placeholder user.
  if (senderChat) {
    const name = senderChat.title ?? fullName(senderChat.first_name, senderChat.last_name) ?? `Chat ${senderChat.id}`;
    return { externalId: String(senderChat.id), handle: senderChat.username ? `@${senderChat.username}` : name, displayName: name, followerCount: null };
  }
  if (from) {
    const name = fullName(from.first_name, from.last_name) ?? `User ${from.id}`;
    return { externalId: String(from.id), handle: from.username ? `@${from.username}` : name, displayName: name, followerCount: null };
  }
  const name = fullName(chat.first_name, chat.last_name) ?? chat.title ?? `Chat ${chat.id}`;
  return { externalId: String(chat.id), handle: chat.username ? `@${chat.username}` : name, displayName: name, followerCount: null };
}

function fullName(first: string | undefined, last: string | undefined): string | null {
  const name = [first, last].filter((p) => p && p.trim()).join(' ').trim();
  return name || null;
}

const MEDIA_LABELS: ReadonlyArray<readonly [string, string]> = [
  ['photo', 'photo'],
  ['video', 'video'],
  ['video_note', 'video message'],
  ['voice', 'voice message'],
  ['audio', 'audio'],
  ['animation', 'GIF'],
  ['document', 'file'],
  ['sticker', 'sticker'],
  ['location', 'location'],
  ['venue', 'place'],
  ['contact', 'contact'],
  ['poll', 'poll'],
  ['dice', 'dice'],
];

/** The text, the caption, or what kind of message it was, so no row is blank. */
export function textOf(msg: RepliedMessage): string {
  if (msg.text !== undefined) return msg.text;
  const label = MEDIA_LABELS.find(([field]) => msg[field] !== undefined)?.[1] ?? 'message without text';
  return msg.caption !== undefined ? `[${label}] ${msg.caption}` : `[${label}]`;
}
