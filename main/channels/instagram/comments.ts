/**
 * Comments on the account's Instagram media. Media come newest first with their top-level
 * comments and each comment's replies nested (`comments{...,replies{...}}`); Instagram adds a
 * reply to a reply under the top-level comment, so thread = top-level comment. The account's own
 * replies are the brand's ('out'). Commenters' follower counts are not given (Instagram's User
 * Profile API answers only for people who have messaged the account).
 */
import type { LengthRule } from '../../../preload/contract';
import { ChannelError, type AdapterState, type NormalisedIdentity, type OutgoingReply, type SentReceipt } from '../types';
import type { MetaConfig } from '../meta/config';
import type { GraphClient } from '../meta/graph';
import { parseListing } from '../meta/listing';
import type { CommentSink, PostScanDeps } from '../meta/posts';
import { matchReply, type SeenReply } from '../meta/replies';
import { createdObject, igComment, reasonOf, type IgComment } from '../meta/schemas';
import { checkReplyText, lookFrom, rememberSendStart } from '../meta/send';

const REPLY_FIELDS = 'id,text,timestamp,username,from,parent_id';

export function igCommentFields(cfg: MetaConfig): string {
  return `${REPLY_FIELDS},replies.limit(${cfg.commentsPerPost}){${REPLY_FIELDS}}`;
}

export function requireIgUserId(cfg: MetaConfig): string {
  if (!cfg.igUserId) throw new ChannelError('refused', 'This account has no linked Instagram professional account id. Reconnect it so the link can be looked up again.');
  return cfg.igUserId;
}

function commenter(c: IgComment): NormalisedIdentity | null {
  const username = c.username ?? c.from?.username;
  const id = c.from?.id ?? (username ? `username:${username}` : null);
  if (!id) return null;
  return { externalId: id, handle: username ? `@${username}` : id, displayName: username ?? 'Instagram user', followerCount: null };
}

export function instagramCommentScan(g: GraphClient, cfg: MetaConfig, now: () => number): PostScanDeps {
  const igUserId = requireIgUserId(cfg);
  const isOwn = (c: IgComment): boolean => c.from?.id === igUserId || (!c.from && cfg.igUsername !== null && c.username === cfg.igUsername);
  const readReply = (raw: unknown, top: IgComment, sink: CommentSink): boolean => {
    const r = igComment.safeParse(raw);
    if (!r.success) {
      sink.reject(raw, reasonOf(r.error, 'reply'), 'timestamp');
      return false;
    }
    const c = r.data;
    if (!sink.isNew(c.timestamp, c.id)) return false;
    const own = isOwn(c);
    // The brand answering under its own comment has no customer to mark as answered.
    const customer = own ? (isOwn(top) ? null : commenter(top)) : commenter(c);
    if (!customer) {
      if (!own) sink.reject(raw, 'reply: author unknown', 'timestamp');
      return true;
    }
    sink.offer({
      externalId: c.id,
      threadExternalId: top.id,
      kind: 'comment',
      direction: own ? 'out' : 'in',
      customer,
      ...(own ? { authorName: c.username ?? cfg.igUsername ?? 'Instagram' } : {}),
      text: c.text,
      createdAt: c.timestamp,
      raw,
    });
    return true;
  };
  return {
    g,
    cfg,
    now,
    what: 'Instagram media',
    postKind: 'instagram',
    listPath: `${igUserId}/media`,
    listFields: `id,caption,timestamp,comments.limit(${cfg.commentsPerPost}){${igCommentFields(cfg)}}`,
    moreComments: (mediaId, params) => g.get(`${mediaId}/comments`, { ...params, fields: igCommentFields(cfg) }),
    readerForPost: () => ({
      page: (page, sink) => {
        let fresh = false;
        for (const raw of page) {
          const r = igComment.safeParse(raw);
          if (!r.success) {
            sink.reject(raw, reasonOf(r.error, 'comment'), 'timestamp');
            continue;
          }
          const top = r.data;
          // A reply is new even under an old comment: its own time decides.
          for (const reply of top.replies?.data ?? []) fresh = readReply(reply, top, sink) || fresh;
          if (!sink.isNew(top.timestamp, top.id)) continue;
          fresh = true;
          if (isOwn(top)) continue;
          const customer = commenter(top);
          if (!customer) {
            sink.reject(raw, 'comment: author unknown', 'timestamp');
            continue;
          }
          sink.offer({ externalId: top.id, threadExternalId: top.id, kind: 'comment', direction: 'in', customer, text: top.text, createdAt: top.timestamp, raw });
        }
        return fresh;
      },
    }),
  };
}

/** POST /{ig-comment-id}/replies: Instagram only takes replies on top-level comments. */
export async function sendInstagramReply(g: GraphClient, state: AdapterState, now: number, reply: OutgoingReply, rule: LengthRule): Promise<SentReceipt> {
  checkReplyText(reply.text, rule, 'Instagram');
  rememberSendStart(state, reply.idempotencyKey, now);
  const r = createdObject.safeParse(await g.post(`${reply.threadExternalId}/replies`, { message: reply.text }));
  if (!r.success) throw new ChannelError('transient', 'Instagram accepted the reply but its answer had no id.', { mayHaveLeft: true });
  return { externalId: r.data.id, sentAt: now };
}

export async function findInstagramReply(g: GraphClient, cfg: MetaConfig, state: AdapterState, reply: OutgoingReply): Promise<SentReceipt | null> {
  const igUserId = requireIgUserId(cfg);
  const page = parseListing(await g.get(`${reply.threadExternalId}/replies`, { fields: REPLY_FIELDS, limit: 100 }), 'Instagram comment replies');
  const seen: SeenReply[] = [];
  for (const raw of page.data) {
    const r = igComment.safeParse(raw);
    if (!r.success) continue;
    const own = r.data.from?.id === igUserId || (!r.data.from && r.data.username === cfg.igUsername);
    seen.push({ id: r.data.id, time: r.data.timestamp, own, text: r.data.text });
  }
  return matchReply(page, seen, reply.text, lookFrom(state, reply.idempotencyKey, reply.customerLastMessageAt), 'Instagram');
}
