/**
 * Exports a person can keep or share: a thread as HTML that prints well or as JSON with the raw
 * platform payloads; a period as CSV or JSON; the canned library as CSV or JSON (and back in).
 * Customer text is escaped for HTML and defused for spreadsheets.
 */
import type { CannedResponse, ExportFile, Message, Note, ThreadDetail } from '../../preload/contract';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const stamp = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 16);
const fileDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function threadHtml(d: ThreadDetail): ExportFile {
  const t = d.thread;
  type Entry = { at: number; html: string };
  const entries: Entry[] = [
    ...d.messages.map((m: Message): Entry => ({
      at: m.createdAt,
      html: `<article class="msg ${m.direction}"><header><strong>${escapeHtml(m.authorName)}</strong>${
        m.authorHandle ? ` <span class="handle">${escapeHtml(m.authorHandle)}</span>` : ''
      } <time>${stamp(m.createdAt)}</time>${m.sendState && m.sendState !== 'sent' ? ` <em>(${m.sendState})</em>` : ''}</header><p dir="auto">${escapeHtml(m.text)}</p></article>`,
    })),
    ...d.notes.map((n: Note): Entry => ({
      at: n.createdAt,
      html: `<aside class="note"><header>Private note · <strong>${escapeHtml(n.author)}</strong> <time>${stamp(n.createdAt)}</time></header><p>${escapeHtml(n.text)}</p></aside>`,
    })),
  ].sort((a, b) => a.at - b.at);
  const labels = t.labels.map((l) => escapeHtml(l.name)).join(', ');
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(t.customerName)} · ${escapeHtml(t.accountName)}</title>
<style>
  body { font: 14px/1.5 system-ui, sans-serif; color: #1d1f24; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
  h1 { font-size: 1.3rem; margin: 0 0 .25rem; } .meta { color: #5b6070; margin: 0 0 1.5rem; }
  article, aside { border: 1px solid #d9dce3; border-radius: 8px; padding: .6rem .8rem; margin: .6rem 0; break-inside: avoid; }
  article.out { margin-left: 3rem; background: #f2f6ff; } article.in { margin-right: 3rem; }
  aside.note { background: #fff8e1; border-style: dashed; }
  header { font-size: .85rem; color: #5b6070; } header strong { color: #1d1f24; } p { margin: .3rem 0 0; white-space: pre-wrap; overflow-wrap: anywhere; }
  @media print { body { margin: 0; } article.out { background: none; } aside.note { background: none; } }
</style></head><body>
<h1>${escapeHtml(t.customerName)} <span class="handle">${escapeHtml(t.customerHandle)}</span></h1>
<p class="meta">${escapeHtml(t.accountName)} · ${t.kind} · ${t.status}${t.assignee ? ` · assigned to ${escapeHtml(t.assignee)}` : ''}${labels ? ` · ${labels}` : ''} · exported ${stamp(Date.now())} UTC</p>
${entries.map((e) => e.html).join('\n')}
</body></html>
`;
  return { filename: `thread-${t.id}-${slug(t.customerName)}.html`, mimeType: 'text/html', content: html };
}

export function threadJson(d: ThreadDetail, raw: Map<number, string | null>): ExportFile {
  const content = JSON.stringify(
    {
      format: 'care-console.thread/1',
      thread: d.thread,
      customer: d.customer,
      account: { id: d.account.id, name: d.account.name, network: d.account.network, handle: d.account.handle },
      messages: d.messages.map((m) => ({ ...m, raw: parseRaw(raw.get(m.id) ?? null) })),
      notes: d.notes,
      events: d.events,
    },
    null,
    2,
  );
  return { filename: `thread-${d.thread.id}.json`, mimeType: 'application/json', content };
}

function parseRaw(raw: string | null): unknown {
  if (raw === null) return null;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** A cell a spreadsheet will not run as a formula, quoted when it has to be. */
export function csvCell(v: unknown): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** RFC 4180: quoted fields, doubled quotes, newlines inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

/** Undoes csvCell's formula guard on the way back in. */
const unguard = (s: string) => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);

export function cannedExport(list: CannedResponse[], format: 'csv' | 'json'): ExportFile {
  if (format === 'json') {
    const content = JSON.stringify(
      { format: 'care-console.canned/1', responses: list.map(({ title, shortcut, body, crisis }) => ({ title, shortcut, body, crisis })) },
      null,
      2,
    );
    return { filename: 'canned-responses.json', mimeType: 'application/json', content };
  }
  const content = toCsv(
    ['title', 'shortcut', 'body', 'crisis'],
    list.map((c) => [c.title, c.shortcut, c.body, c.crisis ? 'yes' : '']),
  );
  return { filename: 'canned-responses.csv', mimeType: 'text/csv', content };
}

export interface CannedInput {
  title: string;
  shortcut: string;
  body: string;
  crisis: boolean;
}

/** Reads a shared library file; rows it cannot use are named, not silently dropped. */
export function cannedImport(content: string, format: 'csv' | 'json'): { items: CannedInput[]; skipped: string[] } {
  const skipped: string[] = [];
  const items: CannedInput[] = [];
  const accept = (raw: Record<string, unknown>, where: string) => {
    const title = typeof raw['title'] === 'string' ? raw['title'].trim() : '';
    const body = typeof raw['body'] === 'string' ? raw['body'] : '';
    const shortcut = typeof raw['shortcut'] === 'string' ? raw['shortcut'].trim().toLowerCase() : '';
    if (!title || !body.trim()) return skipped.push(`${where}: a title and a body are needed`);
    if (!/^[a-z0-9_-]{0,40}$/.test(shortcut)) return skipped.push(`${where}: shortcut “${shortcut}” may only use a-z, 0-9, - and _`);
    const crisis = raw['crisis'] === true || (typeof raw['crisis'] === 'string' && /^(yes|true|1)$/i.test(raw['crisis']));
    items.push({ title: title.slice(0, 200), shortcut, body, crisis });
    return undefined;
  };
  if (format === 'json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(content);
    } catch (err) {
      return { items, skipped: [`The file is not JSON: ${(err as Error).message}`] };
    }
    const list = Array.isArray(parsed) ? parsed : (parsed as { responses?: unknown }).responses;
    if (!Array.isArray(list)) return { items, skipped: ['The file has no list of responses.'] };
    list.forEach((r, i) => (r && typeof r === 'object' ? accept(r as Record<string, unknown>, `item ${i + 1}`) : skipped.push(`item ${i + 1}: not an object`)));
    return { items, skipped };
  }
  const rows = parseCsv(content);
  const header = (rows.shift() ?? []).map((h) => h.trim().toLowerCase());
  if (!header.includes('title') || !header.includes('body')) return { items, skipped: ['The CSV needs a header row with title and body columns.'] };
  rows.forEach((r, i) => accept(Object.fromEntries(header.map((h, j) => [h, unguard(r[j] ?? '')])), `row ${i + 2}`));
  return { items, skipped };
}

function slug(s: string): string {
  return (
    s
      .normalize('NFKD')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase()
      .slice(0, 40) || 'customer'
  );
}

export { fileDay };
