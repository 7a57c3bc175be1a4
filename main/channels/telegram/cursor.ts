/**
 * The 'updates' stream cursor: `"<offset>@<savedAtMs>"`, e.g. `"734501288@1795338000000"`.
 * `offset` is the next getUpdates offset (highest update_id seen + 1); passing it confirms every
 * earlier update, so it is only ever sent after the poller committed the page it came from.
 * `savedAtMs` is when the cursor was made, i.e. roughly when the last update arrived: Telegram
 * restarts update ids at a random number after a week without updates, and an old offset above
 * the new ids would silently confirm (drop) them, so a cursor that old is not used.
 * A bare `"<offset>"` is read too.
 */

/** A little under Telegram's week, so clock drift can't put us on the wrong side of it. */
const STALE_AFTER_MS = 6 * 24 * 60 * 60 * 1000;

export interface UpdatesCursor {
  offset: number;
  savedAt: number | null;
}

export function encodeCursor(offset: number, savedAt: number): string {
  return `${offset}@${savedAt}`;
}

export function decodeCursor(cursor: string | null): UpdatesCursor | null {
  if (cursor === null) return null;
  const m = /^(\d+)(?:@(\d+))?$/.exec(cursor.trim());
  if (!m) return null;
  const offset = Number(m[1]);
  const savedAt = m[2] === undefined ? null : Number(m[2]);
  return Number.isSafeInteger(offset) ? { offset, savedAt } : null;
}

/** The offset to ask for, or undefined for "from the earliest unconfirmed update". */
export function offsetFor(cursor: string | null, now: number): number | undefined {
  const c = decodeCursor(cursor);
  if (!c) return undefined;
  if (c.savedAt !== null && now - c.savedAt > STALE_AFTER_MS) return undefined;
  return c.offset;
}
