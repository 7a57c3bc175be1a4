/** Finding a reply the brand already posted under a comment, after a send whose outcome is unknown. */
import { ChannelError, type SentReceipt } from '../types';
import { nextAfter } from './listing';
import type { Listing } from './schemas';
import { sameText } from './send';

export interface SeenReply {
  id: string;
  time: number;
  own: boolean;
  text: string;
}

/**
 * The earliest own reply with this text at or after `since`. No match on a page that goes on
 * (more replies than one page) while everything on it is newer than `since` is "can't tell".
 */
export function matchReply(page: Listing, replies: SeenReply[], text: string, since: number, network: string): SentReceipt | null {
  let found: SentReceipt | null = null;
  for (const r of replies) {
    if (!r.own || r.time < since || !sameText(r.text, text)) continue;
    if (!found || r.time < found.sentAt) found = { externalId: r.id, sentAt: r.time };
  }
  if (found) return found;
  const oldest = Math.min(Number.POSITIVE_INFINITY, ...replies.map((r) => r.time));
  if (nextAfter(page) !== null && oldest > since) {
    throw new ChannelError('transient', `Can't tell whether the reply reached ${network}: there are more replies under the comment than one page.`);
  }
  return null;
}
