/**
 * Cursors of the X streams. Both streams read newest-first pages, so a poll cycle walks from
 * the newest item down to the last one already stored, and only then moves the mark.
 *
 * Format: URL query syntax (pagination tokens are opaque, this keeps any character safe).
 *   `since=<id>`                             at rest: everything up to <id> is stored
 *   `since=<id>&newest=<id>&page=<token>`    mid-walk: <token> is the next older page, <newest>
 *                                            becomes `since` once the walk reaches the end
 * `since` is absent on the very first walk (no mark yet). A cursor without either (`restart`,
 * or one that does not parse) starts a fresh walk: the upsert on external id makes re-reading
 * harmless.
 */

export interface WalkCursor {
  /** Newest id already stored (mentions: X's since_id; DMs: where the walk stops). */
  since: string | null;
  /** Newest id seen in the walk under way, to become `since` when it ends. */
  newest: string | null;
  /** X's pagination_token for the next older page. */
  page: string | null;
}

export function parseCursor(cursor: string | null): WalkCursor {
  const empty: WalkCursor = { since: null, newest: null, page: null };
  if (!cursor) return empty;
  const p = new URLSearchParams(cursor);
  const id = (k: string) => {
    const v = p.get(k);
    return v && /^\d{1,20}$/.test(v) ? v : null;
  };
  const page = p.get('page') || null;
  const since = id('since');
  const newest = id('newest');
  // A page token without the id it leads to is useless: start the walk again.
  if (page && !newest) return { since, newest: null, page: null };
  return { since, newest: page ? newest : null, page };
}

export function formatCursor(c: WalkCursor): string | null {
  const p = new URLSearchParams();
  if (c.since) p.set('since', c.since);
  if (c.page && c.newest) {
    p.set('newest', c.newest);
    p.set('page', c.page);
  }
  const s = p.toString();
  return s.length > 0 ? s : null;
}

/** Snowflake order: longer is newer; equal length compares as text. */
export function idCompare(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxId(...ids: Array<string | null | undefined>): string | null {
  let best: string | null = null;
  for (const id of ids) if (id && (best === null || idCompare(id, best) > 0)) best = id;
  return best;
}
