/**
 * Instagram adapter, for a professional account linked to a Facebook Page: DMs through the
 * Page's Conversations API with `platform=instagram` ('dms') and comments on the account's media
 * ('comments'), with the Page access token kept in the keychain. Same window rules as Messenger;
 * lengths counted in UTF-8 bytes.
 */
import { NETWORK_RULES } from '../../../preload/shared/length';
import { ChannelError, type AccountVerifier, type AdapterFactory, type ChannelAdapter, type ChannelSetup, type NormalisedIdentity } from '../types';
import { readMetaConfig } from '../meta/config';
import { findSentDm, pollConversations, sendDm, type DmDeps } from '../meta/dm';
import { graphClientFor } from '../meta/graph';
import { scanPosts } from '../meta/posts';
import type { Person } from '../meta/schemas';
import { linkedInstagram, verifierClient, verifyPage } from '../meta/verify';
import { metaReplyWindow } from '../meta/window';
import { findInstagramReply, instagramCommentScan, sendInstagramReply } from './comments';
import { instagramFollowers } from './profiles';

const RULES = NETWORK_RULES.instagram;

function instagramIdentity(p: Person): NormalisedIdentity {
  return {
    externalId: p.id,
    handle: p.username ? `@${p.username}` : p.id,
    displayName: p.name ?? p.username ?? 'Instagram user',
    followerCount: null,
  };
}

export const createInstagramAdapter: AdapterFactory = (ctx) => {
  const cfg = readMetaConfig(ctx.account.config);
  const g = graphClientFor(ctx, cfg, 'Instagram');
  const dm: DmDeps = {
    g,
    cfg,
    now: ctx.now,
    state: ctx.state,
    platform: 'instagram',
    network: 'Instagram',
    identity: instagramIdentity,
    followers: instagramFollowers(g, ctx.now),
  };
  const limits: ChannelAdapter['limits'] = {
    lengthRule: (kind) => (kind === 'dm' ? RULES.dm : RULES.public),
    replyWindow: metaReplyWindow,
  };
  return {
    channel: 'instagram',
    network: 'instagram',
    streams: ['dms', 'comments'],
    pollIntervalSeconds: 60,
    limits,
    poll: async (stream, cursor) => {
      if (stream === 'dms') return pollConversations(dm, cursor);
      if (stream === 'comments') return scanPosts(instagramCommentScan(g, cfg, ctx.now), cursor);
      throw new ChannelError('refused', `Instagram has no stream "${stream}".`);
    },
    send: async (reply) => {
      if (reply.kind === 'dm') return sendDm(dm, reply, limits.lengthRule('dm'));
      return sendInstagramReply(g, ctx.state, ctx.now(), reply, limits.lengthRule('comment'));
    },
    findSent: async (reply) => (reply.kind === 'dm' ? findSentDm(dm, reply) : findInstagramReply(g, cfg, ctx.state, reply)),
  };
};

export const verifyInstagram: AccountVerifier = async (input) => {
  const g = verifierClient(input, 'Instagram');
  const page = await verifyPage(g, input.config, 'Instagram');
  const ig = await linkedInstagram(g, page.id);
  return {
    name: ig.username,
    handle: `@${ig.username}`,
    externalId: ig.id,
    config: { ...input.config, pageId: page.id, igUserId: ig.id, igUsername: ig.username },
  };
};

export const INSTAGRAM_SETUP: ChannelSetup = {
  channel: 'instagram',
  label: 'Instagram (professional account)',
  help:
    'Your Instagram business or creator account must be linked to a Facebook Page. In Meta for Developers, create a Business app ' +
    'with Facebook Login for Business, Messenger and Instagram. Generate a Page access token for that Page, by someone who can ' +
    'moderate and message on it, with: instagram_basic, instagram_manage_messages, instagram_manage_comments, pages_show_list, ' +
    'pages_read_engagement and pages_manage_metadata. The Page and the Instagram account are found from the token.',
  docsUrl: 'https://developers.facebook.com/docs/instagram-platform/instagram-api-with-facebook-login',
  fields: [
    { key: 'pageAccessToken', label: 'Page access token', secret: true, placeholder: 'EAAB…' },
    { key: 'pageId', label: 'Facebook Page id', secret: false, optional: true, placeholder: 'filled in from the token' },
    { key: 'graphVersion', label: 'Graph API version', secret: false, optional: true, placeholder: 'v23.0' },
  ],
};
