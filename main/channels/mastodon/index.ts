/**
 * The Mastodon channel: one account on one server (config.baseUrl, e.g. https://mastodon.social)
 * with a personal access token (secret 'accessToken'). Streams and cursors: streams.ts; replies
 * and the Idempotency-Key based findSent: send.ts; what is kept in ctx.state: memory.ts.
 *
 * Length: one limit for every kind of post, the server's max_characters (500 by default),
 * counted here in code points. Mastodon itself counts grapheme clusters, every URL as 23 and a
 * remote @user@domain as @user only, so code points are a close, usually cautious, estimate; the
 * server's 422 is the final word and reaches the agent as a refusal with Mastodon's message.
 * No reply window: Mastodon has none.
 */
import { type AdapterFactory, ChannelError, type ChannelAdapter } from '../types';
import { baseUrlOf, MastodonClient, timeoutOf } from './client';
import { readMaxCharacters, saveBudget, ThreadMemory } from './memory';
import { AccountSchema } from './schemas';
import { findSentReply, sendReply, type SendDeps } from './send';
import { pollConversations, pollMentions } from './streams';
import { fetchMaxCharacters } from './verify';

export { MASTODON_SETUP, verifyMastodon } from './verify';

export const MASTODON_STREAMS = ['mentions', 'conversations'] as const;

export const createMastodonAdapter: AdapterFactory = (ctx): ChannelAdapter => {
  const { account, state } = ctx;
  const client = new MastodonClient({
    baseUrl: baseUrlOf(account.config),
    fetch: ctx.fetch,
    now: ctx.now,
    timeoutMs: timeoutOf(account.config),
    token: () => ctx.secrets.get('accessToken'),
    onBudget: (budget) => saveBudget(state, budget),
  });
  let limitRefreshed = false;

  const selfId = async (): Promise<string> => {
    const configured = account.config['externalId'];
    if (typeof configured === 'string' && configured) return configured;
    const kept = state.get('selfId');
    if (kept) return kept;
    const me = AccountSchema.safeParse((await client.call<unknown>('/api/v1/accounts/verify_credentials')).body);
    if (!me.success) throw new ChannelError('bad_payload', `${client.host} did not say which account the token belongs to.`);
    state.set('selfId', me.data.id);
    return me.data.id;
  };

  const deps: SendDeps = { client, threads: new ThreadMemory(state), selfId, state, now: ctx.now };

  return {
    channel: 'mastodon',
    network: 'mastodon',
    streams: MASTODON_STREAMS,
    // 300 requests per 5 minutes per token; a minute apart leaves room for context look-ups and sends.
    pollIntervalSeconds: 60,
    limits: {
      lengthRule: () => ({ count: 'codepoints', max: readMaxCharacters(state, account.config) }),
    },

    async poll(stream, cursor) {
      if (!limitRefreshed) {
        // Once a session: an admin may have changed the limit since the account was connected.
        limitRefreshed = true;
        const max = await fetchMaxCharacters(client);
        if (max !== null) state.set('maxCharacters', String(max));
      }
      const from = cursor !== null && /^[\w-]{1,64}$/.test(cursor) ? cursor : null;
      if (stream === 'mentions') return pollMentions(deps, from);
      if (stream === 'conversations') return pollConversations(deps, from);
      throw new ChannelError('bad_payload', `Mastodon has no stream "${stream}".`);
    },

    send: (reply) => sendReply(deps, reply, { firstTry: true }),
    findSent: (reply) => findSentReply(deps, reply),
  };
};
