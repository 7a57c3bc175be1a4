/**
 * Facebook Page adapter: Messenger conversations ('messenger') and comments on the Page's posts
 * ('comments'), both polled through the Graph API with a Page access token kept in the keychain.
 * Streams, cursors and limits are described in ../meta/cursor.ts, ../meta/dm.ts and ./comments.ts.
 */
import { NETWORK_RULES } from '../../../preload/shared/length';
import { ChannelError, type AccountVerifier, type AdapterFactory, type ChannelAdapter, type ChannelSetup } from '../types';
import { readMetaConfig } from '../meta/config';
import { findSentDm, pollConversations, sendDm, type DmDeps } from '../meta/dm';
import { graphClientFor } from '../meta/graph';
import { scanPosts } from '../meta/posts';
import { verifierClient, verifyPage } from '../meta/verify';
import { metaReplyWindow } from '../meta/window';
import { facebookCommentScan, facebookIdentity, findFacebookComment, sendFacebookComment } from './comments';

const RULES = NETWORK_RULES.facebook;

export const createFacebookAdapter: AdapterFactory = (ctx) => {
  const cfg = readMetaConfig(ctx.account.config);
  const g = graphClientFor(ctx, cfg, 'Facebook');
  const dm: DmDeps = { g, cfg, now: ctx.now, state: ctx.state, platform: 'messenger', network: 'Facebook', identity: facebookIdentity };
  const limits: ChannelAdapter['limits'] = {
    lengthRule: (kind) => (kind === 'dm' ? RULES.dm : RULES.public),
    replyWindow: metaReplyWindow,
  };
  return {
    channel: 'facebook',
    network: 'facebook',
    streams: ['messenger', 'comments'],
    // Messenger gives details for a conversation's 20 newest messages only: poll often.
    pollIntervalSeconds: 60,
    limits,
    poll: async (stream, cursor) => {
      if (stream === 'messenger') return pollConversations(dm, cursor);
      if (stream === 'comments') return scanPosts(facebookCommentScan(g, cfg, ctx.now), cursor);
      throw new ChannelError('refused', `Facebook has no stream "${stream}".`);
    },
    send: async (reply) => {
      if (reply.kind === 'dm') return sendDm(dm, reply, limits.lengthRule('dm'));
      return sendFacebookComment(g, ctx.state, ctx.now(), reply, limits.lengthRule('comment'));
    },
    findSent: async (reply) => (reply.kind === 'dm' ? findSentDm(dm, reply) : findFacebookComment(g, cfg, ctx.state, reply)),
  };
};

export const verifyFacebook: AccountVerifier = async (input) => {
  const g = verifierClient(input, 'Facebook');
  const page = await verifyPage(g, input.config, 'Facebook');
  return { name: page.name || page.id, handle: page.name || page.id, externalId: page.id, config: { ...input.config, pageId: page.id } };
};

export const FACEBOOK_SETUP: ChannelSetup = {
  channel: 'facebook',
  label: 'Facebook Page',
  help:
    'In Meta for Developers, create a Business app with Facebook Login for Business and Messenger. Generate a Page access token ' +
    '(Graph API Explorer or a system user) for your Page, by someone who can moderate and message on it, with: pages_show_list, ' +
    'pages_read_engagement, pages_read_user_engagement, pages_manage_engagement (to reply to comments), pages_messaging and ' +
    'pages_manage_metadata. A token from a system user does not expire. The Page id is filled in from the token.',
  docsUrl: 'https://developers.facebook.com/docs/messenger-platform/conversations',
  fields: [
    { key: 'pageAccessToken', label: 'Page access token', secret: true, placeholder: 'EAAB…' },
    { key: 'pageId', label: 'Page id', secret: false, optional: true, placeholder: 'filled in from the token' },
    { key: 'graphVersion', label: 'Graph API version', secret: false, optional: true, placeholder: 'v23.0' },
  ],
};
