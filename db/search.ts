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

const JOINS = `JOIN threads t ON t.id = m.thread_id JOIN identities i ON i.id = t.identity_id`;
const COLUMNS = `m.id AS messageId, m.thread_id AS threadId, m.direction, m.created_at AS createdAt,
  i.display_name AS customerName, i.network, t.status`;

/**
 * Full-text search (or, with an empty query, a filtered listing), newest first. Newest first reads
 * better in a care console than bm25 order; rank ties are common in short messages.
 */
export function searchMessages(db: Db, input: string, limit: number, filters: SearchFilter = {}): { items: SearchRow[]; total: number } {
  const query = toFtsQuery(input);
  const params: Record<string, unknown> = { limit, hs: HIGHLIGHT_START, he: HIGHLIGHT_END };
  const where = filterSql(filters, params);
  if (!query) {
    if (where.length === 0) return { items: [], total: 0 };
    const cond = `WHERE ${where.join(' AND ')}`;
    const items = stmt<[Record<string, unknown>], SearchRow>(
      db,
      `SELECT ${COLUMNS}, substr(m.text, 1, 200) AS snippet FROM messages m ${JOINS} ${cond} ORDER BY m.created_at DESC LIMIT @limit`,
    ).all(params);
    const { limit: _l, hs: _s, he: _e, ...countParams } = params;
    const total = stmt<[Record<string, unknown>], { n: number }>(db, `SELECT count(*) AS n FROM messages m ${JOINS} ${cond}`).get(countParams)?.n ?? 0;
    return { items, total };
  }
  params['q'] = query;
  const cond = ['messages_fts MATCH @q', ...where].join(' AND ');
  const items = stmt<[Record<string, unknown>], SearchRow>(
    db,
    `SELECT ${COLUMNS}, snippet(messages_fts, 0, @hs, @he, '…', 24) AS snippet
     FROM messages_fts f JOIN messages m ON m.id = f.rowid ${JOINS}
     WHERE ${cond} ORDER BY m.created_at DESC LIMIT @limit`,
  ).all(params);
  const { limit: _l, hs: _s, he: _e, ...countParams } = params;
  const total =
    stmt<[Record<string, unknown>], { n: number }>(
      db,
      where.length === 0
        ? `SELECT count(*) AS n FROM messages_fts WHERE messages_fts MATCH @q`
        : `SELECT count(*) AS n FROM messages_fts f JOIN messages m ON m.id = f.rowid ${JOINS} WHERE ${cond}`,
    ).get(countParams)?.n ?? 0;
  return { items, total };
}
