/**
 * Bluesky (AT Protocol) adapter. Streams:
 * - 'notifications': mentions of and replies to the brand (notifications.ts);
 * - 'own-posts': the brand's own replies posted elsewhere, which mark threads answered (own-posts.ts);
 * - 'chat': direct messages, when the app password allows them (chat.ts).
 * Replies: posts with strong-ref reply references and a record key fixed per idempotency key;
 * DMs through the chat service (send.ts). Lengths: graphemes, 300 per post, 1,000 per DM; Bluesky
 * has no reply window. Base URL: `account.config.baseUrl` (default https://bsky.social).
 */
import { NETWORK_RULES } from '../../../preload/shared/length';
import { ChannelError, type AdapterFactory } from '../types';
import { pollChat } from './chat';
import { readConfig } from './config';
import { pollNotifications } from './notifications';
import { pollOwnPosts } from './own-posts';
import { findSent, sendReply } from './send';
import { XrpcClient } from './xrpc';

export { BLUESKY_SETUP, verifyBluesky } from './setup';

export const createBlueskyAdapter: AdapterFactory = (ctx) => {
  const cfg = readConfig(ctx.account.config);
  const x = new XrpcClient(ctx, cfg);
  return {
    channel: 'bluesky',
    network: 'bluesky',
    streams: cfg.dms ? ['notifications', 'own-posts', 'chat'] : ['notifications', 'own-posts'],
    pollIntervalSeconds: 60,
    limits: {
      lengthRule: (kind) => (kind === 'dm' ? NETWORK_RULES.bluesky.dm : NETWORK_RULES.bluesky.public),
    },
    poll(stream, cursor) {
      switch (stream) {
        case 'notifications':
          return pollNotifications(x, cfg, cursor);
        case 'own-posts':
          return pollOwnPosts(x, cfg, cursor);
        case 'chat':
          return pollChat(x, cfg, ctx.state, cursor);
        default:
          return Promise.reject(new ChannelError('refused', `Bluesky has no stream called “${stream}”.`));
      }
    },
    send: (reply) => sendReply(x, ctx, cfg, reply),
    findSent: (reply) => findSent(x, ctx, reply),
  };
};
