/**
 * How long a reply is, counted the way each channel counts it, and the limits each network
 * documents. Pure and dependency-free: the composer's counter (renderer) and the send guard
 * (main) must agree to the character, so both import this one module.
 *
 * X's weighting follows twitter-text's v3 configuration and its `parseTweet`: NFC first, every
 * URL counts `transformedURLLength`, every emoji sequence counts the default weight once, every
 * other code point counts its range weight.
 */
import type { LengthRule, Network } from '../contract';

export interface LengthStatus {
  length: number;
  max: number;
  /** Negative when over. */
  remaining: number;
  over: boolean;
}

/** The length of `text` under `rule.count`. Linear in the text; never throws. */
export function countLength(text: string, rule: LengthRule): number {
  switch (rule.count) {
    case 'utf16':
      return text.length;
    case 'codepoints':
      return countCodePoints(text);
    case 'graphemes':
      return countGraphemes(text);
    case 'bytes':
      return countUtf8Bytes(text);
    case 'x-weighted':
      return countXWeighted(text);
  }
}

export function lengthStatus(text: string, rule: LengthRule): LengthStatus {
  const length = countLength(text, rule);
  return { length, max: rule.max, remaining: rule.max - length, over: length > rule.max };
}

/**
 * Documented limits per network. `dm` applies to private messages, `public` to replies on
 * posts, mentions and comments.
 */
export const NETWORK_RULES: Record<Network, { dm: LengthRule; public: LengthRule; label: string }> = {
  // Posts: twitter-text v3 (280 weighted). DMs: 10,000 characters.
  x: { label: 'X', public: { count: 'x-weighted', max: 280 }, dm: { count: 'utf16', max: 10_000 } },
  // Messenger Send API: 2,000 characters per text message; Page comments take 8,000.
  facebook: { label: 'Facebook', public: { count: 'utf16', max: 8_000 }, dm: { count: 'utf16', max: 2_000 } },
  // Instagram messaging: 1,000 bytes of UTF-8 (newer pages say "characters"; bytes is the safe side).
  instagram: { label: 'Instagram', public: { count: 'bytes', max: 1_000 }, dm: { count: 'bytes', max: 1_000 } },
  // Bot API sendMessage: 1-4096 characters after entities parsing; entity offsets are UTF-16.
  telegram: { label: 'Telegram', public: { count: 'utf16', max: 4_096 }, dm: { count: 'utf16', max: 4_096 } },
  // 500 is the default; an instance may configure more. A direct message is a status too.
  mastodon: { label: 'Mastodon', public: { count: 'codepoints', max: 500 }, dm: { count: 'codepoints', max: 500 } },
  // Lexicons: app.bsky.feed.post text maxGraphemes 300; chat.bsky.convo messageInput 1000.
  bluesky: { label: 'Bluesky', public: { count: 'graphemes', max: 300 }, dm: { count: 'graphemes', max: 1_000 } },
};

// ---------------------------------------------------------------------------------------------
// Plain counts

function countCodePoints(text: string): number {
  let n = 0;
  // for..of walks code points and yields a lone surrogate as one, so it can't derail.
  for (const _ of text) n++;
  return n;
}

let graphemeSegmenter: Intl.Segmenter | null | undefined;

function countGraphemes(text: string): number {
  if (graphemeSegmenter === undefined) {
    // Some embedded runtimes ship without Segmenter; code points are the closest safe fallback.
    graphemeSegmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
  }
  if (!graphemeSegmenter) return countCodePoints(text);
  let n = 0;
  for (const _ of graphemeSegmenter.segment(text)) n++;
  return n;
}

/** UTF-8 length without TextEncoder, whose typings the shared lib doesn't carry. */
function countUtf8Bytes(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    // A lone surrogate is sent as U+FFFD, which is 3 bytes like any other BMP code point here.
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return bytes;
}

// ---------------------------------------------------------------------------------------------
// X (twitter-text config v3)

const X_SCALE = 100;
const X_DEFAULT_WEIGHT = 200;
const X_URL_LENGTH = 23;
/** Code point ranges that weigh 100 (one character); everything else weighs the default. */
const X_LIGHT_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0000, 0x10ff], // Latin, Greek, Cyrillic, Hebrew, Arabic, Indic ... up to Georgian
  [0x2000, 0x200d], // spaces, ZWSP, ZWNJ, ZWJ
  [0x2010, 0x201f], // dashes and quotes
  [0x2032, 0x2037], // primes
];

function countXWeighted(raw: string): number {
  // parseTweet counts the NFC form: "A" + combining acute is one character, like "Á".
  const text = raw.normalize('NFC');
  let weight = 0;
  let at = 0;
  for (const url of findUrls(text)) {
    weight += weighRun(text.slice(at, url.start)) + X_URL_LENGTH * X_SCALE;
    at = url.end;
  }
  weight += weighRun(text.slice(at));
  return weight / X_SCALE;
}

/** Weight of text that holds no URL: emoji sequences whole, the rest per code point. */
function weighRun(run: string): number {
  let weight = 0;
  let at = 0;
  for (const m of run.matchAll(EMOJI_SEQUENCE)) {
    weight += weighCodePoints(run.slice(at, m.index));
    weight += weighEmoji(m[0]);
    at = m.index + m[0].length;
  }
  return weight + weighCodePoints(run.slice(at));
}

function weighCodePoints(s: string): number {
  let weight = 0;
  for (const ch of s) weight += codePointWeight(ch.codePointAt(0) ?? 0);
  return weight;
}

function codePointWeight(cp: number): number {
  for (const [lo, hi] of X_LIGHT_RANGES) if (cp >= lo && cp <= hi) return X_SCALE;
  return X_DEFAULT_WEIGHT;
}

// Built from Unicode properties rather than a list of emoji: flags, keycaps, skin tones and
// subdivision flags need no table. Only ZWJ chains are checked against the runtime's list.
const EMOJI_TAGS = String.raw`(?:[\u{E0020}-\u{E007E}]+\u{E007F})`;
const EMOJI_ELEMENT = String.raw`(?:\p{Regional_Indicator}{2}|[0-9#*]\uFE0F?\u20E3|\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})?${EMOJI_TAGS}?)`;
const EMOJI_SEQUENCE = new RegExp(String.raw`${EMOJI_ELEMENT}(?:\u200D${EMOJI_ELEMENT})*`, 'gu');
const EMOJI_PRESENTATION = /^\p{Emoji_Presentation}/u;
const EMOJI_MARKS = /\uFE0F|\u200D|\u20E3|\p{Emoji_Modifier}|\p{Regional_Indicator}|\u{E007F}/u;

/**
 * The runtime's list of recommended emoji, where the engine has it (the `v` flag). Built with
 * the constructor so older engines get `null` instead of a syntax error at load time.
 */
const RGI_EMOJI = ((): RegExp | null => {
  try {
    return new RegExp(String.raw`^\p{RGI_Emoji}$`, 'v');
  } catch {
    return null;
  }
})();

function weighEmoji(seq: string): number {
  if (seq.includes('\u200D') && RGI_EMOJI && !RGI_EMOJI.test(seq)) {
    // A made-up chain (😀‍😀‍😀…) is drawn as its parts, so X counts the parts and the joiners;
    // counting it as one emoji would let a long chain slip under the limit.
    const parts = seq.split('\u200D');
    return parts.reduce((sum, part) => sum + weighEmoji(part), 0) + (parts.length - 1) * X_SCALE;
  }
  return isFullEmoji(seq) ? X_DEFAULT_WEIGHT : weighCodePoints(seq);
}

/**
 * Whether a matched sequence is shown as an emoji. A lone text-default symbol such as © or ™
 * (no U+FE0F) is ordinary text, so it keeps its per-code-point weight.
 */
function isFullEmoji(seq: string): boolean {
  return EMOJI_PRESENTATION.test(seq) || EMOJI_MARKS.test(seq);
}

// ---------------------------------------------------------------------------------------------
// URLs: what X would turn into a t.co link. Simpler than twitter-text's extractor, but with its
// main rules: http(s) with any host, bare domains only with a known TLD, labels of at most 63
// characters, not glued to a preceding word, @ (e-mail), $ or #.

export interface UrlSpan {
  start: number;
  end: number;
}

const COMMON_TLDS = [
  'com', 'net', 'org', 'edu', 'gov', 'mil', 'int', 'info', 'biz', 'name', 'pro', 'io', 'co', 'me', 'ai',
  'app', 'dev', 'tv', 'ly', 'gg', 'fm', 'to', 'cc', 'xyz', 'site', 'online', 'store', 'shop', 'blog', 'news',
  'tech', 'cloud', 'social', 'link', 'page', 'uk', 'us', 'ca', 'au', 'nz', 'ie', 'de', 'fr', 'es', 'it',
  'pt', 'nl', 'be', 'lu', 'ch', 'at', 'se', 'no', 'dk', 'fi', 'is', 'pl', 'cz', 'sk', 'hu', 'ro', 'bg',
  'gr', 'tr', 'ru', 'ua', 'eu', 'jp', 'cn', 'kr', 'tw', 'hk', 'sg', 'in', 'id', 'my', 'th', 'vn', 'ph',
  'br', 'mx', 'ar', 'cl', 'pe', 'za', 'ng', 'ke', 'eg', 'il', 'ae', 'sa',
]
  // Longest first, so "co" can't shadow "com" when the alternation is tried in order.
  .sort((a, b) => b.length - a.length)
  .join('|');

const NOT_BEFORE_URL = String.raw`[\p{L}\p{N}\p{M}@＠$#＃]`;
const IPV4 = String.raw`(?:\d{1,3}\.){3}\d{1,3}`;
// twitter-text's path characters: ASCII punctuation it allows, digits, Latin and Cyrillic
// letters. A path stops at anything else (CJK, quotes, directional marks), which stays text.
const PATH_CHAR = String.raw`[\p{Script=Latin}\p{Script=Cyrillic}\p{Nd}!*';:=+,.$/%#\[\]\-\u2013_~@|&()?]`;
const PORT_AND_PATH = String.raw`(?::\d{1,5})?(?:[/?#]${PATH_CHAR}*)?`;
const URL_CANDIDATE = new RegExp(
  String.raw`(?<!${NOT_BEFORE_URL})https?:\/\/(?:${IPV4}|(?:[\p{L}\p{N}\p{M}_-]+\.)+(?:[\p{L}\p{M}]{2,}|xn--[a-z0-9-]+))(?![\p{L}\p{N}\p{M}_-])${PORT_AND_PATH}` +
    String.raw`|(?<!${NOT_BEFORE_URL}|[._\-/:])(?:[a-z0-9-]+\.)+(?:${COMMON_TLDS})(?![\p{L}\p{N}\p{M}_-])${PORT_AND_PATH}`,
  'giu',
);

/** URLs in `text`, as UTF-16 spans, left to right and not overlapping. */
export function findUrls(text: string): UrlSpan[] {
  const spans: UrlSpan[] = [];
  for (const m of text.matchAll(URL_CANDIDATE)) {
    const url = trimUrlEnd(m[0]);
    if (hasValidLabels(url)) spans.push({ start: m.index, end: m.index + url.length });
  }
  return spans;
}

function hasValidLabels(url: string): boolean {
  const host = url.replace(/^https?:\/\//i, '').split(/[:/?#]/, 1)[0] ?? '';
  return host.split('.').every((label) => label.length > 0 && label.length <= 63 && !label.startsWith('-') && !label.endsWith('-'));
}

const BRACKETS = [['(', ')'], ['[', ']']] as const;

/** Sentence punctuation after a link isn't part of it; a closing bracket is only if opened. */
function trimUrlEnd(url: string): string {
  // Open minus close per bracket kind, counted once so trimming stays linear.
  const balance = new Map<string, number>();
  for (const [open, close] of BRACKETS) balance.set(close, count(url, open) - count(url, close));
  let end = url.length;
  for (;;) {
    const last = url[end - 1] ?? '';
    const unmatched = balance.get(last) ?? 0;
    if (/[.,;:!?'"…»]/.test(last)) end--;
    else if (unmatched < 0) {
      balance.set(last, unmatched + 1);
      end--;
    } else return url.slice(0, end);
  }
}


function count(s: string, ch: string): number {
  return s.split(ch).length - 1;
}
