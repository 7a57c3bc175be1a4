/**
 * Poll cursors for the feeds Bluesky pages newest-first (listNotifications, getAuthorFeed). Their
 * own `cursor` walks to OLDER items, so ours remembers the newest item already handed over and,
 * when more arrived than one page holds, walks back page by page until it meets that point.
 *
 * Format: JSON, `{"v":1,"since":<ms>|null,"at":[uri…]}` between sweeps; during a sweep also
 * `"sweep":{"top":<ms>,"at":[uri…],"page":"<platform cursor>"}`. `since` is the newest indexedAt
 * handed over, `at` the items at exactly that instant (two can share a millisecond); `top`/`at` of
 * the sweep become the new `since`/`at` when it ends. A first poll (no cursor) takes the newest
 * page only: an account's whole history is not a queue to work.
 */
export interface FeedCursor {
  v: 1;
  since: number | null;
  at: string[];
  sweep?: { top: number; at: string[]; page: string };
}

const MAX_AT = 50;

export function parseFeedCursor(cursor: string | null): FeedCursor {
  const empty: FeedCursor = { v: 1, since: null, at: [] };
  if (!cursor) return empty;
  try {
    const c = JSON.parse(cursor) as Partial<FeedCursor>;
    if (c.v !== 1) return empty;
    const since = typeof c.since === 'number' ? c.since : null;
    const at = Array.isArray(c.at) ? c.at.filter((x): x is string => typeof x === 'string') : [];
    const s = c.sweep;
    const sweep =
      s && typeof s.top === 'number' && typeof s.page === 'string' && Array.isArray(s.at)
        ? { top: s.top, page: s.page, at: s.at.filter((x): x is string => typeof x === 'string') }
        : undefined;
    return sweep ? { v: 1, since, at, sweep } : { v: 1, since, at };
  } catch {
    return empty;
  }
}

/** One item of a page: its key and when the platform indexed it. */
export interface Timed {
  key: string;
  time: number;
}

export interface SweepStep {
  /** Keys on this page the account has not seen yet. */
  fresh: Set<string>;
  nextCursor: string;
  more: boolean;
}

/**
 * Given the cursor used and the page the platform answered (newest first), says which items are
 * new, what to store next, and whether to fetch the next (older) page right away.
 */
export function sweepStep(cursor: FeedCursor, page: Timed[], platformNext: string | undefined): SweepStep {
  const { since, at } = cursor;
  const isFresh = (i: Timed) => since === null || i.time > since || (i.time === since && !at.includes(i.key));
  const fresh = new Set(page.filter(isFresh).map((i) => i.key));
  let top = cursor.sweep?.top ?? since;
  let topAt = cursor.sweep?.at ?? at;
  if (!cursor.sweep) {
    // The first page of a sweep holds the newest items: they mark where the next sweep stops.
    for (const i of page) {
      if (top === null || i.time > top) {
        top = i.time;
        topAt = [i.key];
      } else if (i.time === top && !topAt.includes(i.key)) topAt = [...topAt, i.key];
    }
  }
  // Walk back only while everything on the page is new: an old item means we met the last poll.
  const reachedKnown = since === null || page.length === 0 || fresh.size < page.length;
  if (!reachedKnown && platformNext && top !== null) {
    const next: FeedCursor = { v: 1, since, at, sweep: { top, at: topAt.slice(0, MAX_AT), page: platformNext } };
    return { fresh, nextCursor: JSON.stringify(next), more: true };
  }
  const done: FeedCursor = { v: 1, since: top, at: topAt.slice(0, MAX_AT) };
  return { fresh, nextCursor: JSON.stringify(done), more: false };
}
