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

export function searchMessages(db: Db, input: string, limit: number): { items: SearchRow[]; total: number } {
  const query = toFtsQuery(input);
  if (!query) return { items: [], total: 0 };
  // Newest first reads better in a care console than bm25 order; rank ties are common in short messages.
  const items = stmt<[string, string, string, number], SearchRow>(
    db,
    `SELECT m.id AS messageId, m.thread_id AS threadId,
       snippet(messages_fts, 0, ?, ?, '…', 24) AS snippet,
       m.direction, m.created_at AS createdAt, i.display_name AS customerName, i.network, t.status
     FROM messages_fts f
     JOIN messages m ON m.id = f.rowid
     JOIN threads t ON t.id = m.thread_id
     JOIN identities i ON i.id = t.identity_id
     WHERE messages_fts MATCH ?
     ORDER BY m.created_at DESC LIMIT ?`,
  ).all(HIGHLIGHT_START, HIGHLIGHT_END, query, limit);
  const total = stmt<[string], { n: number }>(db, `SELECT count(*) AS n FROM messages_fts WHERE messages_fts MATCH ?`).get(query)?.n ?? 0;
  return { items, total };
}
