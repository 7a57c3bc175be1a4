/**
 * Comments on the Page's posts. The feed brings each post's comments in one request
 * (`comments.filter(stream).order(reverse_chronological)`: every comment and reply, newest
 * first). Thread = the top-level comment: a comment and the replies under it, the way an agent
 * reads them. The Page's replies are the brand's own ('out'); the Page commenting on its own post
 * starts no conversation and is skipped.
 */
import type { LengthRule } from '../../../preload/contract';
import type { AdapterState, NormalisedIdentity, OutgoingReply, SentReceipt } from '../types';
import { requirePageId, type MetaConfig } from '../meta/config';
import type { GraphClient } from '../meta/graph';
import { parseListing } from '../meta/listing';
import type { PostScanDeps } from '../meta/posts';
import { matchReply, type SeenReply } from '../meta/replies';
import { createdObject, fbComment, reasonOf, type FbComment, type Person } from '../meta/schemas';
import { checkReplyText, lookFrom, rememberSendStart } from '../meta/send';
import { ChannelError } from '../types';

export const FB_COMMENT_FIELDS = 'id,created_time,from{id,name},message,parent{id,from{id,name}},comment_count';

export function facebookIdentity(p: Person): NormalisedIdentity {
  // Messenger and comments give a name, no handle and no follower count.
  return { externalId: p.id, handle: p.name ?? p.id, displayName: p.name ?? 'Facebook user', followerCount: null };
}

export function facebookCommentScan(g: GraphClient, cfg: MetaConfig, now: () => number): PostScanDeps {
  const pageId = requirePageId(cfg);
  return {
    g,
    cfg,
    now,
    what: 'Facebook Page posts',
    postKind: 'facebook',
    listPath: `${pageId}/feed`,
    listFields: `id,created_time,comments.filter(stream).order(reverse_chronological).limit(${cfg.commentsPerPost}){${FB_COMMENT_FIELDS}}`,
    moreComments: (postId, params) => g.get(`${postId}/comments`, { ...params, filter: 'stream', order: 'reverse_chronological', fields: FB_COMMENT_FIELDS }),
    readerForPost: () => {
      // A reply to a reply names the reply as its parent; the thread is the top-level comment
      // above it, found once all pages of the post are read (newest first, parents come later).
      const parentOf = new Map<string, string | null>();
      const pending: Array<{ raw: unknown; c: FbComment }> = [];
      const root = (c: FbComment): string => {
        let id = c.parent?.id ?? c.id;
        for (let hops = 0; hops < 5; hops++) {
          const up = parentOf.get(id);
          if (!up) break;
          id = up;
        }
        return id;
      };
      return {
        page: (page, sink) => {
          let fresh = false;
          for (const raw of page) {
            const r = fbComment.safeParse(raw);
            if (!r.success) {
              sink.reject(raw, reasonOf(r.error, 'comment'), 'created_time');
              continue;
            }
            parentOf.set(r.data.id, r.data.parent?.id ?? null);
            if (!sink.isNew(r.data.created_time, r.data.id)) continue;
            fresh = true;
            pending.push({ raw, c: r.data });
          }
          return fresh;
        },
        finish: (sink) => {
          for (const { raw, c } of pending) {
            const own = c.from?.id === pageId;
            if (own && !c.parent) continue;
            const customer = own ? c.parent?.from : c.from;
            if (!customer || customer.id === pageId) {
              sink.reject(raw, 'comment: author unknown (the token may lack pages_read_user_engagement)', 'created_time');
              continue;
            }
            sink.offer({
              externalId: c.id,
              threadExternalId: root(c),
              kind: 'comment',
              direction: own ? 'out' : 'in',
              customer: facebookIdentity(customer),
              ...(own ? { authorName: c.from?.name ?? 'Page' } : {}),
              text: c.message,
              createdAt: c.created_time,
              raw,
            });
          }
        },
      };
    },
  };
}

/** Replies under the thread's top-level comment, so the reply sits where the customer looks. */
export async function sendFacebookComment(g: GraphClient, state: AdapterState, now: number, reply: OutgoingReply, rule: LengthRule): Promise<SentReceipt> {
  checkReplyText(reply.text, rule, 'Facebook');
  rememberSendStart(state, reply.idempotencyKey, now);
  const r = createdObject.safeParse(await g.post(`${reply.threadExternalId}/comments`, { message: reply.text }));
  if (!r.success) throw new ChannelError('transient', 'Facebook accepted the comment but its answer had no id.', { mayHaveLeft: true });
  return { externalId: r.data.id, sentAt: now };
}

export async function findFacebookComment(g: GraphClient, cfg: MetaConfig, state: AdapterState, reply: OutgoingReply): Promise<SentReceipt | null> {
  const pageId = requirePageId(cfg);
  const page = parseListing(
    await g.get(`${reply.threadExternalId}/comments`, { filter: 'stream', order: 'reverse_chronological', fields: FB_COMMENT_FIELDS, limit: 100 }),
    'Facebook comment replies',
  );
  const seen: SeenReply[] = [];
  for (const raw of page.data) {
    const r = fbComment.safeParse(raw);
    if (r.success) seen.push({ id: r.data.id, time: r.data.created_time, own: r.data.from?.id === pageId, text: r.data.message });
  }
  return matchReply(page, seen, reply.text, lookFrom(state, reply.idempotencyKey, reply.customerLastMessageAt), 'Facebook');
}
