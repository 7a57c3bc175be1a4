/** Reading Graph listings: the envelope must hold, items are judged one by one. */
import { ChannelError, type RejectedItem } from '../types';
import { graphTime, listing, type Listing } from './schemas';
import { isNew, type Mark } from './cursor';

export function parseListing(body: unknown, what: string): Listing {
  const r = listing.safeParse(body);
  if (!r.success) throw new ChannelError('bad_payload', `${what}: the page does not have the documented { data, paging } shape.`);
  return r.data;
}

/**
 * Rejects an item that could not be read, unless it visibly predates the mark: a broken item
 * already recorded by an earlier poll is not recorded again on every later one.
 */
export function rejectUnlessOld(rejected: RejectedItem[], mark: Mark, raw: unknown, reason: string, timeKey: string): void {
  const o = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const time = graphTime.safeParse(o[timeKey]);
  const id = typeof o['id'] === 'string' ? o['id'] : null;
  if (time.success && id !== null && !isNew(mark, time.data, id)) return;
  rejected.push({ reason, raw });
}

/** The Graph cursor to continue with, when the listing says there is a next page. */
export function nextAfter(page: Listing): string | null {
  return page.paging?.next && page.paging.cursors?.after ? page.paging.cursors.after : null;
}
