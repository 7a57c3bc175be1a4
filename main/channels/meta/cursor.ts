/**
 * The cursor of every Meta stream, stored by the poller as a string:
 *
 *   {"v":1,"t":<ms>,"ids":[...],"scan":{"after":"<graph cursor>","t":<ms>,"ids":[...],"n":<count>}}
 *
 * `t` is the newest time already delivered and `ids` the items delivered at exactly that time
 * (Graph times have one-second resolution, so two items can share one). An item is new when it
 * is later than `t`, or at `t` and not in `ids`. `scan` exists only in the middle of a round that
 * pages through a listing: where to continue (`after`), the newest time seen so far in this
 * round, and how many posts were looked at; `t` moves only when the round ends, so every page of
 * a round is filtered against the same mark. A cursor that cannot be read starts again from the
 * backfill horizon: the poller's upsert makes the repeat harmless.
 */

export interface Mark {
  t: number;
  ids: string[];
}

export interface StreamCursor extends Mark {
  scan: (Mark & { after: string; n: number }) | null;
}

export function decodeCursor(raw: string | null, fallbackT: number): StreamCursor {
  const fresh: StreamCursor = { t: fallbackT, ids: [], scan: null };
  if (!raw) return fresh;
  try {
    const c = JSON.parse(raw) as Record<string, unknown>;
    if (c['v'] !== 1 || typeof c['t'] !== 'number') return fresh;
    const s = c['scan'] as Record<string, unknown> | null | undefined;
    const scan =
      s && typeof s['after'] === 'string' && typeof s['t'] === 'number'
        ? { after: s['after'], t: s['t'], ids: strings(s['ids']), n: typeof s['n'] === 'number' ? s['n'] : 0 }
        : null;
    return { t: c['t'], ids: strings(c['ids']), scan };
  } catch {
    return fresh;
  }
}

export function encodeCursor(c: StreamCursor): string {
  const base = { v: 1, t: c.t, ids: c.ids };
  return JSON.stringify(c.scan ? { ...base, scan: c.scan } : base);
}

/** The mark a page advances from: the round's so far, else the cursor's. */
export function startMark(c: StreamCursor): Mark {
  return c.scan ? { t: c.scan.t, ids: c.scan.ids } : { t: c.t, ids: c.ids };
}

/** Whether an item at `time` with `id` is past the mark. */
export function isNew(mark: Mark, time: number, id: string): boolean {
  return time > mark.t || (time === mark.t && !mark.ids.includes(id));
}

/** The mark after also delivering (time, id). */
export function advance(mark: Mark, time: number, id: string): Mark {
  if (time > mark.t) return { t: time, ids: [id] };
  if (time === mark.t && !mark.ids.includes(id)) return { t: mark.t, ids: [...mark.ids, id] };
  return mark;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
