/**
 * Stream 'own-posts': the brand's own replies, posted from the Bluesky app or by a colleague
 * (app.bsky.feed.getAuthorFeed, filter posts_with_replies). Notifications never include the
 * account's own posts, so without this stream a thread answered elsewhere would look unanswered.
 * Reposts and top-level posts are skipped: they answer nobody. The customer is the author of the
 * post replied to (else the one before it, else the thread's root author). Cursor: see cursor.ts.
 */
import { ChannelError, type NormalisedMessage, type PollResult, type RejectedItem } from '../types';
import type { BlueskyConfig } from './config';
import { parseFeedCursor, sweepStep, type Timed } from './cursor';
import { Directory } from './people';
import { describeIssue, feedItem, feedItemTime, feedPage } from './schemas';
import { postedAt, threadOf } from './threads';
import type { XrpcClient } from './xrpc';

export async function pollOwnPosts(x: XrpcClient, cfg: BlueskyConfig, cursor: string | null): Promise<PollResult> {
  const c = parseFeedCursor(cursor);
  const brand = (await x.current()).did;
  const body = await x.query('app.bsky.feed.getAuthorFeed', {
    actor: brand,
    filter: 'posts_with_replies',
    limit: cfg.pageSize,
    cursor: c.sweep?.page,
  });
  const page = feedPage.safeParse(body);
  if (!page.success) throw new ChannelError('bad_payload', `Bluesky sent an unreadable author feed (${describeIssue(page.error)})`);

  const rejected: RejectedItem[] = [];
  const timed: Array<Timed & { raw: unknown; repost: boolean }> = [];
  for (const raw of page.data.feed) {
    const t = feedItemTime.safeParse(raw);
    if (!t.success) {
      rejected.push({ reason: `feed item: ${describeIssue(t.error)}`, raw });
      continue;
    }
    // A repost sorts by when it was reposted, and is keyed apart from the original post.
    const repost = t.data.reason !== undefined;
    const time = Date.parse(t.data.reason?.indexedAt ?? t.data.post.indexedAt);
    timed.push({ key: repost ? `repost:${t.data.post.uri}` : t.data.post.uri, time, raw, repost });
  }
  const step = sweepStep(c, timed, page.data.cursor);

  const items: NormalisedMessage[] = [];
  for (const { key, raw, repost } of timed) {
    if (repost || !step.fresh.has(key)) continue;
    const f = feedItem.safeParse(raw);
    if (!f.success) {
      rejected.push({ reason: `own post: ${describeIssue(f.error)}`, raw });
      continue;
    }
    const { post, reply } = f.data;
    if (!post.record.reply || !reply) continue;
    const people = new Directory();
    const customer = [reply.parent.author, reply.grandparentAuthor, reply.root.author].find((a) => a && a.did !== brand);
    if (!customer) continue;
    people.add(customer);
    items.push({
      externalId: post.uri,
      threadExternalId: threadOf(post.record, post.uri, customer.did, brand),
      kind: 'mention',
      direction: 'out',
      customer: people.identity(customer.did, new Map()),
      text: post.record.text,
      createdAt: postedAt(post.record, post.indexedAt),
      raw,
    });
  }
  return { items, rejected, nextCursor: step.nextCursor, more: step.more };
}
