/**
 * Full-text search over message text. Whatever a person types becomes a safe FTS5 query: every
 * term is quoted, so quotes, AND/OR/NOT, `*`, `-`, `:` and parentheses can never be a syntax error.
 */
import { stmt, type Db } from './open';

export const HIGHLIGHT_START = '\uE000';
export const HIGHLIGHT_END = '\uE001';

/**
 * "late order" → `"late" "order"`; a balanced "quoted phrase" stays a phrase; a trailing `*` on a
 * term of 2+ characters makes it a prefix. Terms without a letter or digit are dropped, because
 * the tokenizer would find nothing in them. Empty result: nothing to search.
 */
export function toFtsQuery(input: string): string {
  const parts: string[] = [];
  const re = /"([^"]*)"|(\S+)/gu;
  for (const m of input.matchAll(re)) {
    if (m[1] !== undefined) {
      const phrase = words(m[1]).join(' ');
      if (phrase) parts.push(`"${phrase}"`);
      continue;
    }
    const raw = m[2] ?? '';
    const prefix = raw.endsWith('*');
    const found = words(raw);
    for (const [i, w] of found.entries()) {
      const last = i === found.length - 1;
      parts.push(prefix && last && w.length >= 2 ? `"${w}"*` : `"${w}"`);
    }
  }
  return parts.join(' ');
}

/** Runs of letters, digits and marks: the same idea of a word as unicode61. */
function words(s: string): string[] {
  return s.match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
}

export interface SearchRow {
  messageId: number;
  threadId: number;
  snippet: string;
  direction: 'in' | 'out';
  createdAt: number;
  customerName: string;
  network: string;
  status: string;
}

export interface SearchFilter {
  networks?: string[];
  accountIds?: number[];
  statuses?: string[];
  labelIds?: number[];
  assignee?: string;
  from?: number;
  to?: number;
  direction?: 'in' | 'out';
  customerId?: number;
}

/** WHERE clauses for the filters; every value is a bound parameter. */
function filterSql(f: SearchFilter, params: Record<string, unknown>): string[] {
  const where: string[] = [];
  const list = (name: string, values: unknown[]) => {
    params[name] = JSON.stringify(values);
    return `(SELECT value FROM json_each(@${name}))`;
  };
  if (f.networks?.length) where.push(`i.network IN ${list('networks', f.networks)}`);
  if (f.accountIds?.length) where.push(`m.account_id IN ${list('accounts', f.accountIds)}`);
  if (f.statuses?.length) where.push(`t.status IN ${list('statuses', f.statuses)}`);
  if (f.labelIds?.length) {
    where.push(`EXISTS (SELECT 1 FROM thread_labels tl WHERE tl.thread_id = t.id AND tl.label_id IN ${list('labels', f.labelIds)})`);
  }
  if (f.assignee) {
    params['assignee'] = f.assignee;
    where.push(`t.assignee = @assignee COLLATE NOCASE`);
  }
  if (f.from !== undefined) {
    params['from'] = f.from;
    where.push(`m.created_at >= @from`);
  }
  if (f.to !== undefined) {
    params['to'] = f.to;
    where.push(`m.created_at < @to`);
  }
  if (f.direction) {
    params['direction'] = f.direction;
    where.push(`m.direction = @direction`);
  }
  if (f.customerId !== undefined) {
    params['customer'] = f.customerId;
    where.push(`t.customer_id = @customer`);
  }
  return where;
}

/**
 * FTS5 uses a rowid bound only when it is an INTEGER value, and better-sqlite3 binds JS numbers as
 * REAL: an uncast bound is silently ignored by the index (every match is read, then filtered).
 */
const INT = (param: string) => `CAST(${param} AS INTEGER)`;

const JOIN_THREADS = `JOIN threads t ON t.id = m.thread_id`;
const JOINS = `${JOIN_THREADS} JOIN identities i ON i.id = t.identity_id`;
const COLUMNS = `m.id AS messageId, m.thread_id AS threadId, m.direction, m.created_at AS createdAt,
  i.display_name AS customerName, i.network, t.status`;

/**
 * Totals count matching messages up to this many; a total of TOTAL_CAP means "that many or more".
 * Counting every match of a common word (hundreds of thousands on a large database) costs more
 * than the whole search should, and nobody reads past the first page of a thousand.
 */
export const TOTAL_CAP = 1000;
/**
 * A query matching at most this many messages (before filters) is read whole and sorted; more go
 * the newest-first walk. With filters the walk may have to pass many matches the filters drop, so
 * reading the whole set stays the better choice for longer.
 */
const SMALL_SET = 1500;
const SMALL_SET_FILTERED = 5000;
/** Rows of the time index per window of the newest-first walk: the first, and the most. */
const FIRST_WINDOW = 2048;
const MAX_WINDOW = 65_536;

/**
 * Full-text search (or, with an empty query, a filtered listing), newest first. Newest first reads
 * better in a care console than bm25 order; rank ties are common in short messages.
 *
 * How it stays fast on a million messages (the page is always exactly the one ORDER BY
 * created_at DESC, id DESC would give):
 * - a query matching few messages (≤ SMALL_SET, counted with a LIMIT) reads them all and sorts;
 * - one matching many walks the messages newest first through the created_at index, a window of
 *   rows at a time, keeping those the FTS index matches inside the window's rowid range, until the
 *   page is full: a common word needs one small window; a date filter starts the walk at its end;
 * - a prefix term is searched as the few words of the index it stands for (expandPrefixes);
 * - snippets are made for the page's rows only;
 * - `total` is exact up to TOTAL_CAP and TOTAL_CAP beyond ("1,000 or more").
 */
export function searchMessages(db: Db, input: string, limit: number, filters: SearchFilter = {}): { items: SearchRow[]; total: number } {
  const query = expandPrefixes(db, toFtsQuery(input));
  if (query === null) return { items: [], total: 0 };
  const params: Record<string, unknown> = {};
  const where = filterSql(filters, params);
  if (!query) {
    if (where.length === 0) return { items: [], total: 0 };
    const cond = `WHERE ${where.join(' AND ')}`;
    const items = stmt<[Record<string, unknown>], SearchRow>(
      db,
      `SELECT ${COLUMNS}, substr(m.text, 1, 200) AS snippet FROM messages m ${JOINS} ${cond} ORDER BY m.created_at DESC, m.id DESC LIMIT @limit`,
    ).all({ ...params, limit });
    const total =
      items.length < limit
        ? items.length
        : (stmt<[Record<string, unknown>], { n: number }>(db, `SELECT count(*) AS n FROM (SELECT 1 FROM messages m ${JOINS} ${cond} LIMIT @cap)`).get({
            ...params,
            cap: TOTAL_CAP,
          })?.n ?? 0);
    return { items, total };
  }
  params['q'] = query;
  const cond = where.length ? `AND ${where.join(' AND ')}` : '';
  // Only the joins the filters need: each is a lookup per candidate row.
  const joins = where.some((w) => /\bi\./.test(w)) ? JOINS : where.some((w) => /\bt\./.test(w)) ? JOIN_THREADS : '';
  const smallSet = where.length ? SMALL_SET_FILTERED : SMALL_SET;
  const matches =
    stmt<[{ q: string; n: number }], { n: number }>(
      db,
      `SELECT count(*) AS n FROM (SELECT 1 FROM messages_fts WHERE messages_fts MATCH @q LIMIT @n)`,
    ).get({ q: query, n: smallSet + 1 })?.n ?? 0;
  if (matches === 0) return { items: [], total: 0 };

  let page: Array<[number, number]>;
  let total: number;
  if (matches <= smallSet) {
    const rows = stmt<[Record<string, unknown>], [number, number]>(
      db,
      `SELECT m.id, m.created_at FROM messages_fts f JOIN messages m INDEXED BY messages_cover ON m.id = f.rowid ${joins} WHERE messages_fts MATCH @q ${cond}`,
    )
      .raw()
      .all(params);
    rows.sort((a, b) => b[1] - a[1] || b[0] - a[0]);
    page = rows.slice(0, limit);
    total = Math.min(rows.length, TOTAL_CAP);
  } else if (where.length === 0) {
    page = newestMatches(db, params, joins, cond, filters, limit);
    total = TOTAL_CAP;
  } else if (filters.from !== undefined || filters.to !== undefined) {
    // A date range: one walk through time, from its end, carried on to TOTAL_CAP rows; the page is
    // its first rows and the total how many it found. It reads only the range.
    const rows = newestMatches(db, params, joins, cond, filters, Math.max(limit, TOTAL_CAP));
    page = rows.slice(0, limit);
    total = Math.min(rows.length, TOTAL_CAP);
  } else {
    page = newestMatches(db, params, joins, cond, filters, limit);
    // Counted in the FTS index's own order, newest rowids first (where an agent's filters, open
    // threads above all, find their rows soonest), stopping at TOTAL_CAP.
    total =
      page.length < limit
        ? page.length
        : (stmt<[Record<string, unknown>], { n: number }>(
            db,
            `SELECT count(*) AS n FROM (
               SELECT 1 FROM (SELECT rowid AS id FROM messages_fts WHERE messages_fts MATCH @q ORDER BY rowid DESC) f
               JOIN messages m INDEXED BY messages_cover ON m.id = f.id ${joins} WHERE 1 ${cond} LIMIT @cap)`,
          ).get({ ...params, cap: TOTAL_CAP })?.n ?? 0);
  }
  return { items: withSnippets(db, query, page), total };
}

/** A prefix standing for more words than this stays a prefix query. */
const MAX_EXPANSION = 64;

/**
 * `"refun"*` → `("refun" OR "refund" OR "refunded")`, from the index's own list of terms: the
 * same matches (and highlights), but FTS5 then seeks in three word lists instead of merging every
 * list under the prefix again for each lookup a search makes. Only plain ASCII prefixes, which
 * the unicode61 tokenizer folds to lower case and nothing else; others stay as they are. Null:
 * a prefix no word in the index starts with, so nothing can match.
 */
function expandPrefixes(db: Db, query: string): string | null {
  if (!query.includes('"*')) return query;
  const terms = stmt<[string, string, number], string>(
    db,
    `SELECT term FROM messages_fts_vocab WHERE term >= ? AND term < ? LIMIT ?`,
  ).pluck();
  let empty = false;
  const out = query.replace(/"([^"]*)"\*/g, (whole, prefix: string) => {
    if (!/^[A-Za-z0-9]+$/.test(prefix)) return whole;
    const p = prefix.toLowerCase();
    const next = p.slice(0, -1) + String.fromCharCode(p.charCodeAt(p.length - 1) + 1);
    const found = terms.all(p, next, MAX_EXPANSION + 1);
    if (found.length === 0) empty = true;
    if (found.length === 0 || found.length > MAX_EXPANSION) return whole;
    return `(${found.map((t) => `"${t}"`).join(' OR ')})`;
  });
  return empty ? null : out;
}

/** The newest `limit` matches, walking the created_at index backwards a window at a time. */
function newestMatches(
  db: Db,
  params: Record<string, unknown>,
  joins: string,
  cond: string,
  f: SearchFilter,
  limit: number,
): Array<[number, number]> {
  const floor = f.from ?? Number.MIN_SAFE_INTEGER;
  let top = f.to ?? Number.MAX_SAFE_INTEGER;
  // Sized for what is sought: a page of 50 of a common word sits in the newest couple of thousand.
  let size = Math.min(MAX_WINDOW, Math.max(FIRST_WINDOW, limit * 40));
  const out: Array<[number, number]> = [];
  // Where a window of `size` rows of the time index below `top` ends (an OFFSET skips them inside
  // SQLite at little cost per row), and the rowid range of the messages in it.
  const boundary = stmt<[number, number, number], number>(
    db,
    `SELECT created_at FROM messages WHERE created_at < ? AND created_at >= ? ORDER BY created_at DESC LIMIT 1 OFFSET ?`,
  ).pluck();
  const idRange = stmt<[number, number], [number | null, number | null]>(
    db,
    `SELECT min(id), max(id) FROM messages WHERE created_at >= ? AND created_at < ?`,
  ).raw();
  const inWindow = stmt<[Record<string, unknown>], [number, number]>(
    db,
    `SELECT m.id, m.created_at FROM messages m INDEXED BY messages_cover ${joins}
     WHERE m.id IN (SELECT rowid FROM messages_fts WHERE messages_fts MATCH @q AND rowid >= ${INT('@lo')} AND rowid <= ${INT('@hi')})
       AND m.created_at >= @wlo AND m.created_at < @whi ${cond}
     ORDER BY m.created_at DESC, m.id DESC LIMIT @need`,
  ).raw();
  while (out.length < limit && top > floor) {
    // The window is [bottom, top): every message of the boundary's millisecond is in it, so none
    // is split between two windows.
    const b = boundary.get(top, floor, size);
    const bottom = b ?? floor;
    const [lo, hi] = idRange.get(bottom, top) ?? [null, null];
    if (lo !== null && hi !== null) {
      out.push(...inWindow.all({ ...params, lo, hi, wlo: bottom, whi: top, need: limit - out.length }));
    }
    if (b === undefined) break;
    top = bottom;
    size = Math.min(size * 4, MAX_WINDOW);
  }
  return out;
}

/**
 * The page's rows with their snippets, in the page's order: one pass of the FTS index over the
 * page's rowid range (a prefix term is expanded once, not once per row), snippets made only for
 * the page's rows (`+rowid` keeps the list a filter, not 50 separate index lookups).
 */
function withSnippets(db: Db, query: string, page: Array<[number, number]>): SearchRow[] {
  if (page.length === 0) return [];
  const ids = page.map((p) => p[0]);
  const rows = stmt<[Record<string, unknown>], SearchRow>(
    db,
    `SELECT ${COLUMNS}, snippet(messages_fts, 0, @hs, @he, '…', 24) AS snippet
     FROM messages_fts f JOIN messages m ON m.id = f.rowid ${JOINS}
     WHERE messages_fts MATCH @q AND f.rowid >= ${INT('@lo')} AND f.rowid <= ${INT('@hi')} AND +f.rowid IN (SELECT value FROM json_each(@ids))`,
  ).all({ q: query, hs: HIGHLIGHT_START, he: HIGHLIGHT_END, ids: JSON.stringify(ids), lo: Math.min(...ids), hi: Math.max(...ids) });
  const byId = new Map(rows.map((r) => [r.messageId, r]));
  return page.flatMap(([id]) => byId.get(id) ?? []);
}
