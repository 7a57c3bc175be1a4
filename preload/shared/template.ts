/**
 * Canned-response templates: rendering placeholders into a reply, the blanks an agent must
 * fill, and the checks that keep an unfinished reply from being sent. Pure and
 * dependency-free: the composer (renderer) and the send guard (main) share it.
 *
 * Blanks live in the text itself as ⟦label⟧, so they survive a plain <textarea>, copy and
 * paste, undo, and a draft saved to disk; positions are always recomputed from the text.
 */

export interface TemplateContext {
  /** `firstName` null: not known, the template's fallback (or a blank) takes its place. */
  customer: { name: string; firstName: string | null; handle: string };
  agent: { name: string; signature: string };
  channel: string;
}

export interface Blank {
  /** UTF-16 offsets of the whole marker: `text.slice(start, end) === '⟦' + label + '⟧'`. */
  start: number;
  end: number;
  label: string;
}

export interface TemplateProblem {
  kind: 'unknown-placeholder' | 'unclosed-braces';
  /** UTF-16 offsets in the template body. */
  start: number;
  end: number;
  /** The offending source, e.g. `{{order.id}}`. */
  source: string;
  message: string;
}

export interface RenderedTemplate {
  text: string;
  blanks: Blank[];
  problems: TemplateProblem[];
}

const OPEN = '⟦';
const CLOSE = '⟧';

const PLACEHOLDERS: Record<string, (ctx: TemplateContext) => string | null> = {
  'customer.first_name': (ctx) => ctx.customer.firstName,
  'customer.name': (ctx) => ctx.customer.name,
  'customer.handle': (ctx) => ctx.customer.handle,
  'agent.name': (ctx) => ctx.agent.name,
  'agent.signature': (ctx) => ctx.agent.signature,
  channel: (ctx) => ctx.channel,
};

const KNOWN_LIST = [...Object.keys(PLACEHOLDERS), 'blank:label'].join(', ');

// ---------------------------------------------------------------------------------------------
// Rendering

/**
 * Fills a template body for one customer. Unknown or malformed placeholders are kept as
 * written (and reported) so nothing the author typed silently disappears.
 */
export function renderTemplate(body: string, ctx: TemplateContext): RenderedTemplate {
  const problems: TemplateProblem[] = [];
  let text = '';
  let at = 0;
  let close: number | null = null;
  for (;;) {
    let open = body.indexOf('{{', at);
    if (open < 0) break;
    // `{{{x}}}`: the extra braces are literal text around a normal placeholder.
    while (body[open + 2] === '{') open++;
    // One forward search serves every `{{` before it; re-searching each time would be quadratic.
    if (close === null || (close >= 0 && close < open + 2)) close = body.indexOf('}}', open + 2);
    const nextOpen = body.indexOf('{{', open + 2);
    if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
      problems.push(unclosed(body, open));
      text += body.slice(at, open + 2);
      at = open + 2;
      continue;
    }
    const source = body.slice(open, close + 2);
    const rendered = renderPlaceholder(body.slice(open + 2, close), ctx);
    if (rendered === null) problems.push(unknown(source, open));
    text += body.slice(at, open) + (rendered ?? source);
    at = close + 2;
  }
  text += body.slice(at);
  return { text, blanks: findBlanks(text), problems };
}

/** The replacement for one `{{…}}`, or null when the placeholder isn't known. */
function renderPlaceholder(inner: string, ctx: TemplateContext): string | null {
  const blank = /^\s*blank\s*:(.*)$/is.exec(inner);
  if (blank) return marker(blank[1] ?? '', 'blank');
  const m = /^\s*([a-z_.]+)\s*(?:\|(.*))?$/is.exec(inner);
  const name = m?.[1]?.toLowerCase() ?? '';
  // Own keys only: `{{constructor}}` must not reach Object.prototype.
  const resolve = Object.hasOwn(PLACEHOLDERS, name) ? PLACEHOLDERS[name] : undefined;
  if (!m || !resolve) return null;
  const value = (resolve(ctx) ?? '').trim();
  if (value !== '') return neutralise(value);
  const fallback = parseFallback(m[2]);
  // No value and no fallback: the agent has to supply it, so it becomes a blank to fill.
  return fallback === null ? marker(name.replace(/[._]/g, ' '), name) : neutralise(fallback);
}

/** `"there"`, `'there'` or a bare word; null when there is no fallback at all. */
function parseFallback(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const trimmed = raw.trim();
  const quoted = /^"(.*)"$/s.exec(trimmed) ?? /^'(.*)'$/s.exec(trimmed);
  if (quoted) return quoted[1] ?? '';
  return trimmed === '' ? null : trimmed;
}

function marker(label: string, otherwise: string): string {
  const clean = neutralise(label).replace(/\s+/g, ' ').trim();
  return OPEN + (clean || otherwise) + CLOSE;
}

/** Values never carry blank markers: a customer named "⟦x⟧" must not create a blank. */
function neutralise(value: string): string {
  return value.replaceAll(OPEN, '[').replaceAll(CLOSE, ']');
}

function unknown(source: string, start: number): TemplateProblem {
  return {
    kind: 'unknown-placeholder',
    start,
    end: start + source.length,
    source,
    message: `Unknown placeholder ${source}: use one of ${KNOWN_LIST}.`,
  };
}

function unclosed(body: string, start: number): TemplateProblem {
  const snippet = body.slice(start, start + 24).split('\n', 1)[0] ?? '{{';
  return {
    kind: 'unclosed-braces',
    start,
    end: start + 2,
    source: '{{',
    message: `“${snippet}” opens a placeholder with {{ but never closes it with }}.`,
  };
}

// ---------------------------------------------------------------------------------------------
// Blanks in the composer

const BLANK = /⟦([^⟦⟧\n]*)⟧/g;

/** The ⟦…⟧ markers still in `text`, left to right. */
export function findBlanks(text: string): Blank[] {
  const blanks: Blank[] = [];
  for (const m of text.matchAll(BLANK)) {
    blanks.push({ start: m.index, end: m.index + m[0].length, label: m[1] ?? '' });
  }
  return blanks;
}

/**
 * The blank Tab (or Shift+Tab) goes to, wrapping around. Pass the selection's end going
 * forwards and its start going backwards, so a selected blank moves on instead of repeating.
 */
export function nextBlank(text: string, cursor: number, backwards = false): Blank | null {
  const blanks = findBlanks(text);
  if (backwards) return blanks.findLast((b) => b.end <= cursor) ?? blanks.at(-1) ?? null;
  return blanks.find((b) => b.start >= cursor) ?? blanks[0] ?? null;
}

// ---------------------------------------------------------------------------------------------
// Send guard

/** Whitespace plus the invisible characters a reply can't consist of alone. */
const EMPTY = /^[\s\u200B-\u200D\u2060\uFEFF]*$/u;
const PLACEHOLDER_LEFT = /\{\{[^{}\n]*\}\}/g;

/** Why `text` may not be sent yet, one sentence per reason; [] when it can go. */
export function replyProblems(text: string): string[] {
  if (EMPTY.test(text)) return ['The reply is empty.'];
  const reasons = new Set<string>();
  for (const b of findBlanks(text)) {
    reasons.add(b.label === '' ? 'Fill in the empty blank ⟦⟧.' : `Fill in the blank “${b.label}”.`);
  }
  if (hasStrayMarker(text)) reasons.add(`Remove the leftover ${OPEN} or ${CLOSE} of a blank.`);
  for (const m of text.matchAll(PLACEHOLDER_LEFT)) {
    reasons.add(`Unknown placeholder ${m[0]}: edit it out or replace it.`);
  }
  if (hasUnclosedPlaceholder(text)) reasons.add('A placeholder opened with {{ is never closed: edit it out.');
  return [...reasons];
}

function hasStrayMarker(text: string): boolean {
  return text.replace(BLANK, '').search(/[⟦⟧]/) >= 0;
}

function hasUnclosedPlaceholder(text: string): boolean {
  return text.replace(PLACEHOLDER_LEFT, '').includes('{{');
}

// ---------------------------------------------------------------------------------------------
// Names and shortcuts

const HONORIFICS = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame', 'rev', 'fr', 'sr', 'sra', 'srta',
  'dra', 'don', 'doña', 'herr', 'frau', 'mme', 'mlle', 'dott', 'ing',
]);
/** What a given name is made of: letters and marks, joined by hyphens or apostrophes. */
const NAME_WORD = /^[\p{L}\p{M}]+(?:[-'’.][\p{L}\p{M}]+)*$/u;
const EDGE_JUNK = /^[^\p{L}\p{N}@_]+|[^\p{L}\p{M}\p{N}_]+$/gu;

/**
 * A first name to greet someone by, from a display name; null when there is no confident one
 * (a handle, an initial, emoji only, "john_doe92"), so the template's fallback is used instead.
 */
export function firstName(displayName: string): string | null {
  const words = displayName
    .normalize('NFC')
    .split(/[\s,]+/u)
    .map((w) => w.replace(EDGE_JUNK, ''))
    .filter((w) => /\p{L}/u.test(w) || w.includes('@'));
  const rest = words.filter((w) => !isHonorific(w));
  const first = rest[0];
  if (!first || first.length > 30 || !NAME_WORD.test(first)) return null;
  // "Mrs Smith": after a title, a lone word is the surname; greeting by it would be odd.
  if (rest.length === 1 && words.length > 1 && isHonorific(words[0] ?? '')) return null;
  // "J." or "J": an initial says nothing a greeting can use.
  return [...first.replace(/\.$/, '')].length < 2 ? null : first;
}

function isHonorific(word: string): boolean {
  return HONORIFICS.has(word.replace(/\.$/, '').toLowerCase());
}

const SHORTCUT_CHAR = /[a-z0-9_-]/;

/**
 * The `;shortcut` just typed before the cursor, if any. It must start the text or follow
 * whitespace (so "a;b" and URLs aren't taken) and end at the cursor, not mid-word.
 */
export function expandShortcutAt(text: string, cursor: number): { shortcut: string; start: number } | null {
  const end = Math.max(0, Math.min(Math.trunc(cursor) || 0, text.length));
  if (SHORTCUT_CHAR.test(text[end] ?? '')) return null;
  let i = end - 1;
  while (i >= 0 && SHORTCUT_CHAR.test(text[i] ?? '')) i--;
  if (i < 0 || text[i] !== ';' || i === end - 1) return null;
  if (i > 0 && !/\s/u.test(text[i - 1] ?? '')) return null;
  return { shortcut: text.slice(i + 1, end), start: i };
}
