/**
 * Connecting a Telegram bot: the connect form, the check of a pasted token (getMe), and removing
 * a webhook that keeps Telegram from handing updates to a polling client.
 */
import { z } from 'zod';
import type { AccountVerifier, AdapterContext, ChannelSetup } from '../types';
import { ChannelError } from '../types';
import { callApi, DEFAULT_BASE_URL, isTokenShaped, readConfig } from './api';
import { User } from './schema';

export const TELEGRAM_SETUP: ChannelSetup = {
  channel: 'telegram',
  label: 'Telegram bot',
  help:
    'In Telegram, open a chat with @BotFather, send /newbot (or /token for a bot you already have) and paste the token it answers with. ' +
    'Customers reach you by writing to the bot. To answer in groups, add the bot to the group and either make it an admin or turn its privacy mode off ' +
    '(/setprivacy in @BotFather); otherwise Telegram passes it only replies to its own messages and commands. ' +
    'The console fetches messages itself, so the bot must not have a webhook set, and no other program should read the same bot\'s updates.',
  docsUrl: 'https://core.telegram.org/bots/features#botfather',
  fields: [
    { key: 'botToken', label: 'Bot token', secret: true, placeholder: '123456789:AAH…' },
    { key: 'baseUrl', label: 'Bot API server', secret: false, optional: true, placeholder: DEFAULT_BASE_URL },
  ],
};

/** getMe: a simple check of the token that also says which bot it is. */
export const verifyTelegram: AccountVerifier = async ({ config, secrets, fetch }) => {
  const token = (secrets['botToken'] ?? '').trim();
  if (!isTokenShaped(token)) {
    throw new ChannelError('auth_failed', 'That does not look like a bot token. @BotFather gives one like 123456789:AAH… (digits, a colon, then letters and digits).');
  }
  const me = await fetchMe({ token, config, fetch, now: Date.now });
  return {
    name: me.name,
    handle: `@${me.username}`,
    externalId: String(me.id),
    config: { ...config, botId: me.id, botUsername: me.username, botName: me.name, canReadAllGroupMessages: me.canReadAllGroupMessages },
  };
};

export interface BotInfo {
  id: number;
  username: string;
  name: string;
  canReadAllGroupMessages: boolean;
}

export async function fetchMe(args: { token: string; config: Record<string, unknown>; fetch: typeof fetch; now: () => number }): Promise<BotInfo> {
  const result = await callApi('getMe', { token: args.token, config: readConfig(args.config), fetch: args.fetch, now: args.now, method: 'GET' });
  const me = User.extend({ can_read_all_group_messages: z.boolean().optional() }).safeParse(result);
  if (!me.success || !me.data.username) throw new ChannelError('bad_payload', 'Telegram answered getMe without the bot\'s id and username.');
  if (!me.data.is_bot) throw new ChannelError('refused', 'This token belongs to a user account, not a bot. Paste a token from @BotFather.');
  return {
    id: me.data.id,
    username: me.data.username,
    name: [me.data.first_name, me.data.last_name].filter(Boolean).join(' '),
    canReadAllGroupMessages: me.data.can_read_all_group_messages ?? false,
  };
}

/**
 * Removes the bot's webhook so polling works again. Pending updates are kept
 * (drop_pending_updates=false): they are customers' messages waiting to be read.
 */
export async function removeTelegramWebhook(ctx: Pick<AdapterContext, 'account' | 'secrets' | 'fetch'> & { now?: () => number }): Promise<void> {
  const token = (await ctx.secrets.get('botToken')) ?? '';
  await callApi('deleteWebhook', {
    token,
    config: readConfig(ctx.account.config),
    fetch: ctx.fetch,
    now: ctx.now ?? Date.now,
    method: 'POST',
    params: { drop_pending_updates: false },
  });
}
