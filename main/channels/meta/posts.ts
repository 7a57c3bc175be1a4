/**
 * Comment streams (Facebook Page posts, Instagram media): each round looks at the newest
 * `postWindow` posts, a page of posts per poll, and at each post's comments newest first,
 * following a post's own comment pages while they still hold something new. Comments on older
 * posts than the window are not seen (documented limit). The platform part maps raw comments.
 */
import type { NormalisedMessage, PollResult, RejectedItem } from '../types';
import type { MetaConfig } from './config';
import { advance, decodeCursor, encodeCursor, isNew, startMark, type Mark } from './cursor';
import type { GraphClient, Params } from './graph';
import { nextAfter, parseListing, rejectUnlessOld } from './listing';
import { fbPost, igMedia, reasonOf, type Listing } from './schemas';

/** Pages of one post's comments followed in one round, beyond the first that comes with the post. */
const MAX_COMMENT_PAGES = 10;
const DAY_MS = 24 * 60 * 60_000;

export interface CommentSink {
  /** Keeps the item if it is past the cursor; says whether it was. */
  offer(m: NormalisedMessage): boolean;
  /** Records an unreadable item unless it visibly predates the cursor. */
  reject(raw: unknown, reason: string, timeKey: string): void;
  /** Whether something at (time, id) is past the cursor. */
  isNew(time: number, id: string): boolean;
}

export interface PostReader {
  page(raw: unknown[], sink: CommentSink): boolean;
  /** Called once the post's pages are read, for readers that map only when they have seen them all. */
  finish?(sink: CommentSink): void;
}

export interface PostScanDeps {
  g: GraphClient;
  cfg: MetaConfig;
  now: () => number;
  what: string;
  /** `${pageId}/feed` or `${igUserId}/media`, and the fields that bring each post's comments along. */
  listPath: string;
  listFields: string;
  postKind: 'facebook' | 'instagram';
  /** The next page of one post's comments. */
  moreComments: (postId: string, params: Params) => Promise<unknown>;
  /** A reader for one post's comments: fed page after page (says whether a page held anything new), then finished. */
  readerForPost: () => PostReader;
}

export async function scanPosts(d: PostScanDeps, raw: string | null): Promise<PollResult> {
  const c = decodeCursor(raw, d.now() - d.cfg.backfillDays * DAY_MS);
  const page = parseListing(await d.g.get(d.listPath, { fields: d.listFields, limit: d.cfg.pageSize, after: c.scan?.after }), d.what);
  const items: NormalisedMessage[] = [];
  const rejected: RejectedItem[] = [];
  let mark: Mark = startMark(c);
  const sink: CommentSink = {
    offer: (m) => {
      if (!isNew(c, m.createdAt, m.externalId)) return false;
      items.push(m);
      mark = advance(mark, m.createdAt, m.externalId);
      return true;
    },
    reject: (rawItem, reason, timeKey) => rejectUnlessOld(rejected, c, rawItem, reason, timeKey),
    isNew: (time, id) => isNew(c, time, id),
  };
  for (const rawPost of page.data) {
    const post = (d.postKind === 'facebook' ? fbPost : igMedia).safeParse(rawPost);
    if (!post.success) {
      rejected.push({ reason: reasonOf(post.error, 'post'), raw: rawPost });
      continue;
    }
    const reader = d.readerForPost();
    let comments: Listing | undefined = post.data.comments;
    for (let pages = 0; comments; pages++) {
      const fresh = reader.page(comments.data, sink);
      const after = nextAfter(comments);
      if (!fresh || !after || pages >= MAX_COMMENT_PAGES) break;
      comments = parseListing(await d.moreComments(post.data.id, { limit: d.cfg.commentsPerPost, after }), `${d.what}: comments`);
    }
    reader.finish?.(sink);
  }
  const seen = (c.scan?.n ?? 0) + page.data.length;
  const after = nextAfter(page);
  const more = after !== null && page.data.length > 0 && seen < d.cfg.postWindow;
  return {
    items,
    rejected,
    nextCursor: encodeCursor(more && after ? { t: c.t, ids: c.ids, scan: { ...mark, after, n: seen } } : { ...mark, scan: null }),
    more,
  };
}
