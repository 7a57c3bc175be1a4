/**
 * Stream 'notifications': posts that mention the brand or reply to it
 * (app.bsky.notification.listNotifications, reasons mention + reply). The post text and its reply
 * references come from the notification's `record` (an app.bsky.feed.post); follower counts from
 * getProfiles. externalId = the post's at-uri; cursor: see cursor.ts.
 */
import { z } from 'zod';
import { ChannelError, type NormalisedMessage, type PollResult, type RejectedItem } from '../types';
import type { BlueskyConfig } from './config';
import { parseFeedCursor, sweepStep, type Timed } from './cursor';
import { Directory, loadProfiles } from './people';
import { describeIssue, notification, notificationsPage, timedItem, type Notification } from './schemas';
import { postedAt, threadOf } from './threads';
import type { XrpcClient } from './xrpc';

const REASONS = ['mention', 'reply'];
const reasonOnly = z.object({ reason: z.string() });

export async function pollNotifications(x: XrpcClient, cfg: BlueskyConfig, cursor: string | null): Promise<PollResult> {
  const c = parseFeedCursor(cursor);
  const body = await x.query('app.bsky.notification.listNotifications', { limit: cfg.pageSize, reasons: REASONS, cursor: c.sweep?.page });
  const page = notificationsPage.safeParse(body);
  if (!page.success) throw new ChannelError('bad_payload', `Bluesky sent an unreadable notifications page (${describeIssue(page.error)})`);

  const rejected: RejectedItem[] = [];
  const timed: Array<Timed & { raw: unknown }> = [];
  for (const raw of page.data.notifications) {
    const t = timedItem.safeParse(raw);
    if (t.success) timed.push({ key: t.data.uri, time: Date.parse(t.data.indexedAt), raw });
    else rejected.push({ reason: `notification: ${describeIssue(t.error)}`, raw });
  }
  const step = sweepStep(c, timed, page.data.cursor);

  const wanted: Array<{ n: Notification; raw: unknown }> = [];
  for (const { key, raw } of timed) {
    if (!step.fresh.has(key)) continue;
    // Likes, follows, reposts … are not conversations; the server filters too, if it knows `reasons`.
    const reason = reasonOnly.safeParse(raw);
    if (!reason.success || !REASONS.includes(reason.data.reason)) continue;
    const n = notification.safeParse(raw);
    if (n.success) wanted.push({ n: n.data, raw });
    else rejected.push({ reason: `${reason.data.reason} notification: ${describeIssue(n.error)}`, raw });
  }

  const brand = (await x.current()).did;
  const people = new Directory();
  for (const { n } of wanted) people.add(n.author);
  const details = await loadProfiles(x, wanted.map(({ n }) => n.author.did));
  const items = wanted.map(({ n, raw }): NormalisedMessage => ({
    externalId: n.uri,
    threadExternalId: threadOf(n.record, n.uri, n.author.did, brand),
    kind: 'mention',
    direction: n.author.did === brand ? 'out' : 'in',
    customer: people.identity(n.author.did, details),
    text: n.record.text,
    createdAt: postedAt(n.record, n.indexedAt),
    raw,
  }));
  return { items, rejected, nextCursor: step.nextCursor, more: step.more };
}
