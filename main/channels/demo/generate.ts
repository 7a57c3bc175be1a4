/**
 * The demo stream as pure functions: message number i of an account is a function of
 * (seed, network, i) — and of `startedAt` for its clock time only. Nothing scans from 0 to i:
 * the index space is cut into blocks of BLOCK messages, each block's conversations are laid out
 * from a hash of (seed, network, block), and a message finds its thread, its place in it and its
 * time from that layout. A benchmark can therefore ask for message 999 999 directly.
 *
 * Time: blocks 0 .. historyBlocks-1 fill the 14 days before `startedAt` evenly; later blocks
 * follow `startedAt` at the account's pace (one message every 25–75 s on average). Inside a
 * block the gaps are heavy-tailed, so messages come in bursts with quiet spells between.
 */
import type { LengthRule, Network, ThreadKind } from '../../../preload/contract';
import type { NormalisedIdentity, NormalisedMessage } from '../types';
import {
  AFTER_SEND,
  AGENTS,
  BARISTAS,
  BRAND_NAME,
  BRAND_SHORT,
  CAFE_NAMES,
  CULTURES,
  EMOJI,
  GRINDS,
  INFLUENCER_AFTER,
  INFLUENCER_REPLY,
  INFLUENCER_STEPS,
  INFLUENCERS,
  ITEMS,
  LANGS,
  NAME_FLAIR,
  PRICES,
  RANT_EN,
  SPAM,
  TOPICS,
  type Category,
  type Culture,
  type Lang,
  type LangPack,
  type TopicId,
} from './corpus';

// ---------------------------------------------------------------------------------------------
// Shape of the stream

export const BLOCK = 24;
export const HISTORY_DAYS = 14;
export const PEOPLE = 300;
const DAY = 86_400_000;
/** Used when a caller (a benchmark) gives no clock: any fixed instant keeps the ids stable. */
export const DEFAULT_STARTED_AT = Date.UTC(2025, 5, 2, 9, 0, 0);

export const NETWORK_KINDS: Readonly<Record<Network, readonly ThreadKind[]>> = {
  x: ['mention', 'dm'],
  facebook: ['dm', 'comment'],
  instagram: ['dm', 'comment'],
  telegram: ['dm'],
  mastodon: ['mention', 'dm'],
  bluesky: ['mention', 'dm'],
};
const KIND_SHARE: Readonly<Record<Network, Partial<Record<ThreadKind, number>>>> = {
  x: { mention: 65, dm: 35 },
  facebook: { dm: 50, comment: 50 },
  instagram: { dm: 45, comment: 55 },
  telegram: { dm: 1 },
  mastodon: { mention: 75, dm: 25 },
  bluesky: { mention: 75, dm: 25 },
};
export const KIND_STREAM: Readonly<Record<ThreadKind, string>> = { mention: 'mentions', dm: 'dms', comment: 'comments' };

/**
 * The channels' own limits, kept here rather than shared so the demo never drifts with the
 * editor's counting code; it only needs to refuse what the real platform would.
 */
const LENGTH_RULES: Readonly<Record<Network, Partial<Record<ThreadKind, LengthRule>>>> = {
  x: { mention: { count: 'x-weighted', max: 280 }, dm: { count: 'utf16', max: 10_000 } },
  facebook: { dm: { count: 'utf16', max: 2000 }, comment: { count: 'utf16', max: 8000 } },
  instagram: { dm: { count: 'bytes', max: 1000 }, comment: { count: 'bytes', max: 1000 } },
  telegram: { dm: { count: 'utf16', max: 4096 } },
  mastodon: { mention: { count: 'codepoints', max: 500 }, dm: { count: 'codepoints', max: 500 } },
  bluesky: { mention: { count: 'graphemes', max: 300 }, dm: { count: 'graphemes', max: 1000 } },
};

export function lengthRule(network: Network, kind: ThreadKind): LengthRule {
  const rules = LENGTH_RULES[network];
  return rules[kind] ?? rules.dm ?? { count: 'utf16', max: 2000 };
}

// ---------------------------------------------------------------------------------------------
// Hashing and the PRNG

const NET_CODE: Readonly<Record<Network, number>> = { x: 1, facebook: 2, instagram: 3, telegram: 4, mastodon: 5, bluesky: 6 };

/** lowbias32 (Wellons): full avalanche, so neighbouring indices give unrelated streams. */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit hash of a few numbers (integers up to 2^53; the high part is folded in). */
export function hash(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) {
    h = mix32(h ^ (p >>> 0));
    if (p >= 4294967296 || p < 0) h = mix32(h ^ Math.floor(p / 4294967296));
  }
  return h;
}

export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return mix32(h);
}

export type Rand = () => number;

/** mulberry32: small, fast, and good enough for picking words. */
export function rng(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(r: Rand, arr: readonly T[]): T {
  const v = arr[Math.floor(r() * arr.length)];
  if (v === undefined) throw new Error('demo corpus: empty list');
  return v;
}

function weighted<T extends string>(r: Rand, weights: Partial<Record<T, number>>): T {
  const entries = Object.entries(weights) as [T, number][];
  let total = 0;
  for (const [, w] of entries) total += w;
  let x = r() * total;
  for (const [k, w] of entries) {
    x -= w;
    if (x < 0) return k;
  }
  const last = entries[entries.length - 1];
  if (!last) throw new Error('demo: no weights');
  return last[0];
}

function int(r: Rand, lo: number, hi: number): number {
  return lo + Math.floor(r() * (hi - lo + 1));
}

/** A seed from config may be any number; fold it to 32 bits once. */
export function seedOf(seed: number): number {
  return hash(Number.isFinite(seed) ? Math.trunc(seed) : 0, 0x5eed);
}

// ---------------------------------------------------------------------------------------------
// Length counting (what the platform would count)

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
/** A grapheme X counts as one emoji: pictographs, flags (regional indicator pairs), keycaps. */
const EMOJI_GRAPHEME = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;
/** Links as X shortens them: with a scheme, or a bare domain the brand's texts use. */
const URL_RE = /https?:\/\/\S*[^\s.,!?;:)'"]|(?<![\w@.])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|co|app|dev)(?:\/\S*[^\s.,!?;:)'"])?/gi;
/**
 * Anything that can glue code points into one grapheme: combining marks, joiners, variation
 * selectors, clustering scripts, skin tones, flags, tags. Text without them has one grapheme per
 * code point; Intl.Segmenter is ~50× slower, so it only sees the rest.
 */
const CLUSTERING_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0300, 0x036f],
  [0x0483, 0x0489],
  [0x0591, 0x05c7],
  [0x0610, 0x061a],
  [0x064b, 0x065f],
  [0x0670, 0x0670],
  [0x06d6, 0x06ed],
  [0x0900, 0x0dff],
  [0x0e31, 0x0e4e],
  [0x1100, 0x11ff],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x200c, 0x200d],
  [0x20d0, 0x20ff],
  [0xfe00, 0xfe0f],
  [0xfe20, 0xfe2f],
];

function clusters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x0300) {
      if (c === 0x0d) return true;
      continue;
    }
    if (c === 0xd83c) {
      // Regional indicators (flags) and skin-tone modifiers.
      const d = text.charCodeAt(i + 1);
      if ((d >= 0xdde6 && d <= 0xddff) || (d >= 0xdffb && d <= 0xdfff)) return true;
      continue;
    }
    if (c === 0xdb40) return true; // tag characters (subdivision flags)
    for (const [lo, hi] of CLUSTERING_RANGES) if (c >= lo && c <= hi) return true;
  }
  return false;
}

/** twitter-text v3 weight of one code point outside emoji and links. */
function xWeight(cp: number): number {
  return cp <= 0x10ff || (cp >= 0x2000 && cp <= 0x200d) || (cp >= 0x2010 && cp <= 0x201f) || (cp >= 0x2032 && cp <= 0x2037) ? 1 : 2;
}

function codePoints(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

export function measure(text: string, count: LengthRule['count']): number {
  switch (count) {
    case 'utf16':
      return text.length;
    case 'codepoints':
      return codePoints(text);
    case 'graphemes': {
      if (!clusters(text)) return codePoints(text);
      let n = 0;
      for (const _ of graphemes.segment(text)) n++;
      return n;
    }
    case 'bytes': {
      let n = 0;
      for (const ch of text) {
        const cp = ch.codePointAt(0) ?? 0;
        n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      }
      return n;
    }
    case 'x-weighted': {
      // A link counts 23 and an emoji sequence 2, like any heavy code point; so only sequences
      // (joiners, selectors, skin tones, flags) need the grapheme walk.
      let n = 0;
      const rest = text.normalize('NFC').replace(URL_RE, () => {
        n += 23;
        return '';
      });
      if (!clusters(rest)) {
        for (const ch of rest) n += xWeight(ch.codePointAt(0) ?? 0);
        return n;
      }
      for (const { segment } of graphemes.segment(rest)) {
        if (EMOJI_GRAPHEME.test(segment)) {
          n += 2;
          continue;
        }
        for (const ch of segment) n += xWeight(ch.codePointAt(0) ?? 0);
      }
      return n;
    }
  }
}

/** Shortens to the rule by dropping middle sentences first (keeps the point and the signature). */
export function fit(text: string, rule: LengthRule): string {
  if (measure(text, rule.count) <= rule.max) return text;
  const sentences = text.split(/(?<=[.!?。؟])\s+/);
  while (sentences.length > 2) {
    sentences.splice(sentences.length - 2, 1);
    const t = sentences.join(' ');
    if (measure(t, rule.count) <= rule.max) return t;
  }
  const words = text.split(' ');
  while (words.length > 1) {
    words.pop();
    const t = `${words.join(' ')}…`;
    if (measure(t, rule.count) <= rule.max) return t;
  }
  return [...text].slice(0, Math.floor(rule.max / 4)).join('');
}

// ---------------------------------------------------------------------------------------------
// People

type Style = 'plain' | 'lower' | 'excited' | 'curt' | 'formal';

export interface Person {
  index: number;
  identity: NormalisedIdentity;
  culture: Culture;
  style: Style;
  first: string;
  last: string;
  firstNative: string | null;
  lastNative: string | null;
  /** The display name is in the native script. */
  nativeName: boolean;
  /** The platform user name without '@' (Telegram: null when the person has none). */
  username: string | null;
  instance: string | null;
}

const ASCII_FIX: Readonly<Record<string, string>> = { ı: 'i', ł: 'l', ß: 'ss', ø: 'o', æ: 'ae', đ: 'd' };
function ascii(s: string): string {
  return s
    .toLowerCase()
    .replace(/[ıłßøæđ]/g, (c) => ASCII_FIX[c] ?? '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]/g, '');
}

function splitName(n: string): [string, string | null] {
  const [latin, native] = n.split('|');
  return [latin ?? n, native ?? null];
}

function digits(r: Rand, len: number): string {
  let s = String(1 + Math.floor(r() * 9));
  while (s.length < len) s += String(Math.floor(r() * 10));
  return s;
}

const B32 = 'abcdefghijklmnopqrstuvwxyz234567';
function b32(r: Rand, len: number): string {
  let s = '';
  for (let i = 0; i < len; i++) s += B32[Math.floor(r() * 32)] ?? 'a';
  return s;
}
function b32Int(n: number, len: number): string {
  let s = '';
  for (let i = 0; i < len; i++) {
    s = (B32[n % 32] ?? 'a') + s;
    n = Math.floor(n / 32);
  }
  return s;
}

/** Zipf-like reach: most people have a few dozen followers, a handful have tens of thousands. */
function followers(r: Rand, p: number): number {
  if (p === 0) return 180_000 + Math.floor(r() * 140_000);
  if (p <= 3) return Math.floor(10_000 * Math.pow(10, r()));
  if (r() < 0.08) return Math.floor(r() * 12);
  return Math.min(9_500, Math.floor(20 * Math.pow(1 - r(), -1 / 0.9)) - 12);
}

function pickCulture(r: Rand): Culture {
  let total = 0;
  for (const c of CULTURES) total += c.weight;
  let x = r() * total;
  for (const c of CULTURES) {
    x -= c.weight;
    if (x < 0) return c;
  }
  const first = CULTURES[0];
  if (!first) throw new Error('demo corpus: no cultures');
  return first;
}

function makePerson(seedN: number, network: Network, p: number): Person {
  const r = rng(hash(seedN, NET_CODE[network], p, 0x9e750));
  const culture = pickCulture(r);
  const [first, firstNative] = splitName(pick(r, culture.first));
  const [last, lastNative] = splitName(pick(r, culture.last));
  const style = weighted<Style>(r, { plain: 45, lower: 20, excited: 15, curt: 12, formal: 8 });
  const nativeShare = culture.lang === 'ja' ? 0.6 : culture.lang === 'ar' ? 0.4 : culture.lang === 'hi' ? 0.15 : 0;
  const nativeName = firstNative !== null && lastNative !== null && r() < nativeShare;
  const f = ascii(first);
  const l = ascii(last);
  const nn = String(int(r, 1, 99));
  const year = String(int(r, 78, 99) % 100).padStart(2, '0');
  const instance = pick(r, culture.instances);

  let display: string;
  if (nativeName && firstNative && lastNative) {
    display = culture.familyFirst ? (r() < 0.5 ? `${lastNative}${firstNative}` : `${lastNative} ${firstNative}`) : `${firstNative} ${lastNative}`;
  } else if (network === 'facebook') {
    display = `${first} ${last}`;
  } else if (network === 'telegram') {
    display = r() < 0.6 ? `${first} ${last}` : first;
  } else {
    const v = r();
    display = v < 0.5 ? `${first} ${last}` : v < 0.65 ? first : v < 0.75 ? `${first} ${last}`.toLowerCase() : `${first} ${last.charAt(0)}.`;
    if (r() < 0.15) display += pick(r, NAME_FLAIR);
  }

  let username: string | null;
  const u = r();
  switch (network) {
    case 'x':
      username = (u < 0.3 ? `${f}_${l}` : u < 0.5 ? `${f}${l}` : u < 0.65 ? `${f}${l}${nn}` : u < 0.75 ? `${f}_${year}` : u < 0.85 ? `the${f}${l.charAt(0)}` : `${f}_coffee`).slice(0, 15);
      break;
    case 'bluesky':
      username = u < 0.5 ? `${f}${l}.bsky.social` : u < 0.75 ? `${f}.bsky.social` : u < 0.9 ? `${f}-${l}${nn}.bsky.social` : `${f}${l}.com`;
      break;
    case 'mastodon':
      username = u < 0.4 ? `${f}_${l}` : u < 0.7 ? f : `${f}${l.charAt(0)}${nn}`;
      break;
    case 'instagram':
      username = u < 0.35 ? `${f}.${l}` : u < 0.55 ? `${f}_${l}` : u < 0.7 ? `${f}.${l}${nn}` : u < 0.85 ? `its${f}${l.charAt(0)}` : `${f}.drinks.coffee`;
      break;
    case 'telegram':
      username = u < 0.6 ? (u < 0.3 ? `${f}_${l}` : `${f}${l}${nn}`) : null;
      break;
    case 'facebook':
      username = null;
      break;
  }

  let firstName = first;
  let lastName = last;
  if (p === 0) {
    const inf = pick(rng(seedN), INFLUENCERS);
    display = inf.name;
    [firstName = first, lastName = last] = inf.name.split(' ');
    const h = network === 'x' ? inf.handle.replace(/\./g, '_') : inf.handle.replace(/\./g, network === 'instagram' ? '.' : '');
    username = network === 'bluesky' ? `${h}.bsky.social` : network === 'facebook' ? null : h;
  }

  // Ids are random-looking but carry p at the end, so 300 people never collide.
  const pad = String(p).padStart(3, '0');
  let externalId: string;
  switch (network) {
    case 'x':
      externalId = digits(r, int(r, 6, 16)) + pad;
      break;
    case 'facebook':
      externalId = digits(r, 13) + pad;
      break;
    case 'instagram':
      externalId = digits(r, 14) + pad;
      break;
    case 'telegram':
      externalId = digits(r, int(r, 6, 7)) + pad;
      break;
    case 'mastodon':
      externalId = `10${digits(r, 13)}${pad}`;
      break;
    case 'bluesky':
      externalId = `did:plc:${b32(r, 21)}${b32Int(p, 3)}`;
      break;
  }

  let handle: string;
  if (network === 'mastodon') handle = `@${username}@${instance}`;
  else if (username !== null) handle = `@${username}`;
  else handle = display;

  const count = followers(r, p);
  return {
    index: p,
    identity: {
      externalId,
      handle,
      displayName: display,
      // Facebook and Telegram do not tell a business how many followers a person has.
      followerCount: network === 'telegram' || network === 'facebook' ? null : count,
    },
    culture,
    style,
    first: firstName,
    last: lastName,
    firstNative: p === 0 ? null : firstNative,
    lastNative: p === 0 ? null : lastNative,
    nativeName: p === 0 ? false : nativeName,
    username,
    instance: network === 'mastodon' ? instance : null,
  };
}

const peopleCache = new Map<string, Person[]>();
export function people(seed: number, network: Network): Person[] {
  const seedN = seedOf(seed);
  const key = `${seedN}:${network}`;
  let list = peopleCache.get(key);
  if (!list) {
    list = [];
    for (let p = 0; p < PEOPLE; p++) list.push(makePerson(seedN, network, p));
    peopleCache.set(key, list);
  }
  return list;
}

function personAt(seed: number, network: Network, p: number): Person {
  const person = people(seed, network)[p];
  if (!person) throw new Error(`demo: no person ${p}`);
  return person;
}

export function personByExternalId(seed: number, network: Network, externalId: string): Person | null {
  return people(seed, network).find((p) => p.identity.externalId === externalId) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Blocks: who talks, in which order, and when

type Role = 'c' | 'b';
type Topic = TopicId | 'influencer';

interface Thread {
  kind: ThreadKind;
  topic: Topic;
  category: Category;
  lang: Lang;
  person: number;
  roles: Role[];
  greetFirst: boolean;
  rant: boolean;
  /** Thread-level hash: the same order number, café and agent in every message of it. */
  h: number;
  /** Global indices of its messages, in conversation order. */
  idx: number[];
  /** In a live block (after startedAt): minutes between messages rather than hours. */
  live: boolean;
}

interface Block {
  threads: Thread[];
  threadOf: Uint8Array;
  posOf: Uint8Array;
  /** Where each message falls inside the block's time window, strictly increasing in (0, 1). */
  frac: Float64Array;
}

export function historyBlocks(seed: number): number {
  return 12 + (hash(seedOf(seed), 0x4b) % 4);
}
export function historySize(seed: number): number {
  return historyBlocks(seed) * BLOCK;
}
/** Average seconds between two new messages of the account once it is live. */
export function meanGapSeconds(seed: number): number {
  // A few minutes apart per account: a lively small business, not a flood an agent could never clear.
  return 150 + (hash(seedOf(seed), 0x6a9) % 211);
}

const KIND_TOPIC_FACTOR: Readonly<Record<ThreadKind, Readonly<Record<Category, number>>>> = {
  dm: { complaint: 1.4, question: 1, praise: 0.6, spam: 0.3 },
  mention: { complaint: 1, question: 0.8, praise: 1.3, spam: 1.4 },
  comment: { complaint: 0.7, question: 1.4, praise: 1.5, spam: 2 },
};

function topicWeights(kind: ThreadKind): Partial<Record<TopicId, number>> {
  const out: Partial<Record<TopicId, number>> = {};
  for (const [id, t] of Object.entries(TOPICS) as [TopicId, (typeof TOPICS)[TopicId]][]) {
    out[id] = t.weight * KIND_TOPIC_FACTOR[kind][t.category];
  }
  return out;
}
const TOPIC_WEIGHTS: Readonly<Record<ThreadKind, Partial<Record<TopicId, number>>>> = {
  dm: topicWeights('dm'),
  mention: topicWeights('mention'),
  comment: topicWeights('comment'),
};

type Lengths = Readonly<Record<Category, Partial<Record<string, number>>>>;
/** History holds whole conversations: nudges over hours, replies, answers to replies. */
const HISTORY_LENGTHS: Lengths = {
  complaint: { 1: 14, 2: 22, 3: 20, 4: 15, 5: 11, 6: 8, 7: 5, 8: 5 },
  question: { 1: 25, 2: 35, 3: 25, 4: 15 },
  praise: { 1: 45, 2: 40, 3: 15 },
  spam: { 1: 85, 2: 15 },
};
/** A live block spans minutes, not days: shorter runs, or a customer would nudge every minute. */
const LIVE_LENGTHS: Lengths = {
  complaint: { 1: 35, 2: 35, 3: 20, 4: 10 },
  question: { 1: 55, 2: 35, 3: 10 },
  praise: { 1: 75, 2: 25 },
  spam: { 1: 95, 2: 5 },
};
/** Influencer steps a live storyline uses: the ones that do not say a day has passed. */
const LIVE_INFLUENCER_STEPS = [0, 2, 3];

/** Share of threads a colleague already answered, by how old they are. */
function answeredShare(block: number, hist: number): number {
  if (block >= hist) return 0.05;
  const ageDays = ((hist - block - 0.5) * HISTORY_DAYS) / hist;
  return ageDays > 4 ? 0.85 : ageDays > 1.5 ? 0.6 : 0.3;
}

function roles(len: number, answered: boolean, firstReply: number): Role[] {
  const out: Role[] = [];
  for (let k = 0; k < len; k++) out.push(!answered || k < firstReply ? 'c' : (k - firstReply) % 2 === 0 ? 'b' : 'c');
  return out;
}

function buildBlock(seedN: number, network: Network, b: number, hist: number): Block {
  const r = rng(hash(seedN, NET_CODE[network], b, 0xb10c));
  const kinds = KIND_SHARE[network];
  const publicKind = NETWORK_KINDS[network].find((k) => k !== 'dm') ?? 'dm';
  const pAns = answeredShare(b, hist);
  // One influencer storyline every ten blocks, placed so the newest one before launch is a day or two old.
  const influencerBlock = (((b - (hist - 2)) % 10) + 10) % 10 === 0;
  const threads: Thread[] = [];
  let remaining = BLOCK;
  while (remaining > 0) {
    const h = hash(seedN, NET_CODE[network], b, threads.length, 0x7e);
    let t: Thread;
    if (influencerBlock && threads.length === 0) {
      const len = Math.min(remaining, b < hist ? int(r, 5, INFLUENCER_STEPS.length) : LIVE_INFLUENCER_STEPS.length);
      // Answered only once it is old news; the recent one is still escalating when the console opens.
      const answered = b < hist - 3;
      t = { kind: publicKind, topic: 'influencer', category: 'complaint', lang: 'en', person: 0, roles: roles(len, answered, len - 2), greetFirst: false, rant: false, h, idx: [], live: b >= hist };
    } else {
      const kind = weighted(r, kinds);
      const topic = weighted(r, TOPIC_WEIGHTS[kind]);
      const category = TOPICS[topic].category;
      const person = 1 + Math.floor(r() * (PEOPLE - 1));
      const culture = makeCultureProbe(seedN, network, person);
      let lang: Lang = culture.lang !== 'en' && r() < culture.native ? culture.lang : 'en';
      if (topic === 'spam' || LANGS[lang].topics[topic] === undefined) lang = 'en';
      const len = Math.min(remaining, Number(weighted(r, (b < hist ? HISTORY_LENGTHS : LIVE_LENGTHS)[category])));
      const greetFirst = kind === 'dm' && category !== 'spam' && len >= 2 && r() < 0.3;
      const answerable = len >= (greetFirst ? 3 : 2) && category !== 'spam';
      const answered = answerable && r() < pAns * (category === 'praise' ? 1.1 : 1);
      const firstReply = greetFirst ? 2 : 1 + (len > 3 ? Math.floor(r() * 2) : 0);
      t = { kind, topic, category, lang, person, roles: roles(len, answered, firstReply), greetFirst, rant: category === 'complaint' && r() < 0.15, h, idx: [], live: b >= hist };
    }
    threads.push(t);
    remaining -= t.roles.length;
  }

  // Interleave: each conversation starts somewhere in the block and proceeds at its own pace.
  const keys: { key: number; t: number; k: number }[] = [];
  threads.forEach((t, ti) => {
    const start = t.topic === 'influencer' ? r() * 0.2 : r() * 0.75;
    const step = 0.02 + r() * 0.12;
    let key = start;
    for (let k = 0; k < t.roles.length; k++) {
      keys.push({ key, t: ti, k });
      key += step * (0.6 + 0.8 * r());
    }
  });
  keys.sort((a, b2) => a.key - b2.key);
  const threadOf = new Uint8Array(BLOCK);
  const posOf = new Uint8Array(BLOCK);
  keys.forEach((e, j) => {
    threadOf[j] = e.t;
    posOf[j] = e.k;
    threads[e.t]?.idx.push(b * BLOCK + j);
  });

  // Heavy-tailed gaps: mostly short, sometimes long, so messages arrive in bursts.
  const gaps: number[] = [];
  let total = 0;
  for (let j = 0; j <= BLOCK; j++) {
    const g = r() < 0.75 ? 0.2 + r() * 0.8 : 1 + r() * 5;
    gaps.push(g);
    total += g;
  }
  const frac = new Float64Array(BLOCK);
  let acc = 0;
  for (let j = 0; j < BLOCK; j++) {
    acc += gaps[j] ?? 0;
    frac[j] = acc / total;
  }
  return { threads, threadOf, posOf, frac };
}

/** Only the culture is needed while laying out a block; it is the first draw of a person. */
function makeCultureProbe(seedN: number, network: Network, p: number): Culture {
  return pickCulture(rng(hash(seedN, NET_CODE[network], p, 0x9e750)));
}

const blockCache = new Map<string, Block>();
const BLOCK_CACHE_MAX = 512;
function blockAt(seedN: number, network: Network, b: number, hist: number): Block {
  const key = `${seedN}:${network}:${b}`;
  let block = blockCache.get(key);
  if (!block) {
    block = buildBlock(seedN, network, b, hist);
    if (blockCache.size >= BLOCK_CACHE_MAX) {
      const oldest = blockCache.keys().next().value;
      if (oldest !== undefined) blockCache.delete(oldest);
    }
    blockCache.set(key, block);
  }
  return block;
}

function windowOf(seed: number, b: number, startedAt: number): { start: number; length: number } {
  const hist = historyBlocks(seed);
  if (b < hist) {
    const span = HISTORY_DAYS * DAY;
    const from = startedAt - span;
    const start = from + Math.floor((b * span) / hist);
    const end = from + Math.floor(((b + 1) * span) / hist);
    return { start, length: end - start };
  }
  const length = BLOCK * meanGapSeconds(seed) * 1000;
  return { start: startedAt + (b - hist) * length, length };
}

/** When message i was written. Strictly increasing in i. */
export function timeAt(seed: number, network: Network, i: number, startedAt: number): number {
  const b = Math.floor(i / BLOCK);
  const block = blockAt(seedOf(seed), network, b, historyBlocks(seed));
  const w = windowOf(seed, b, startedAt);
  return w.start + Math.floor((block.frac[i % BLOCK] ?? 0) * w.length);
}

/** The kind of message i, cheaply (the poller's stream filter needs no text). */
export function kindAt(seed: number, network: Network, i: number): ThreadKind {
  const b = Math.floor(i / BLOCK);
  const block = blockAt(seedOf(seed), network, b, historyBlocks(seed));
  return block.threads[block.threadOf[i % BLOCK] ?? 0]?.kind ?? 'dm';
}

/** The highest index written at or before `now`; -1 when none. */
export function lastIndexAt(seed: number, network: Network, startedAt: number, now: number): number {
  const hist = historyBlocks(seed);
  const from = startedAt - HISTORY_DAYS * DAY;
  if (now < from) return -1;
  let b: number;
  if (now < startedAt) b = Math.min(hist - 1, Math.floor(((now - from) * hist) / (HISTORY_DAYS * DAY)));
  else b = hist + Math.floor((now - startedAt) / (BLOCK * meanGapSeconds(seed) * 1000));
  // The window arithmetic can land one block late at an edge; step back until the block starts in time.
  while (b > 0 && windowOf(seed, b, startedAt).start > now) b--;
  for (let j = BLOCK - 1; j >= 0; j--) {
    if (timeAt(seed, network, b * BLOCK + j, startedAt) <= now) return b * BLOCK + j;
  }
  return b * BLOCK - 1;
}

// ---------------------------------------------------------------------------------------------
// The brand on each network

interface BrandAccount {
  id: string;
  username: string;
  name: string;
}
const BRAND: Readonly<Record<Network, BrandAccount>> = {
  x: { id: '1587390245617065985', username: 'harborcoffee', name: BRAND_NAME },
  facebook: { id: '104728395061847', username: BRAND_NAME, name: BRAND_NAME },
  instagram: { id: '17841405309211844', username: 'harbor.coffee', name: BRAND_NAME },
  telegram: { id: '6123498765', username: 'HarborCoffeeBot', name: BRAND_SHORT },
  mastodon: { id: '109382762345123456', username: 'harbor', name: BRAND_NAME },
  bluesky: { id: 'did:plc:hcr4bq7ozt5j2wfxmxk3l6aa', username: 'harborcoffee.bsky.social', name: BRAND_NAME },
};
const DEFAULT_HANDLE: Readonly<Record<Network, string>> = {
  x: '@harborcoffee',
  facebook: BRAND_NAME,
  instagram: '@harbor.coffee',
  telegram: '@HarborCoffeeBot',
  mastodon: '@harbor@mastodon.social',
  bluesky: '@harborcoffee.bsky.social',
};

/** How customers name the brand inside a message on this network. */
function brandMention(network: Network, kind: ThreadKind, handle: string): string {
  // A Mastodon DM is a status addressed by mention, so it names the handle too.
  if (network === 'facebook' || (kind === 'dm' && network !== 'mastodon')) return BRAND_SHORT;
  return handle.startsWith('@') ? handle : `@${handle}`;
}

// ---------------------------------------------------------------------------------------------
// Ids in each platform's own style; the number n is always recoverable so ids never collide

const X_EPOCH = 1288834974657;
const BIG_2_21 = 2 ** 21;

type Ns = 'g' | 'f';

/** `post`: the Facebook post a comment thread hangs under (comment ids start with it). */
function messageId(network: Network, kind: ThreadKind, ns: Ns, n: number, ms: number, customer: Person, out: boolean, seedN: number, post: string): string {
  const r = rng(hash(seedN, n, ns === 'g' ? 1 : 2, 0x1d));
  switch (network) {
    case 'x': {
      const low = (ns === 'f' ? BIG_2_21 : 0) + (n % BIG_2_21);
      return ((BigInt(ms - X_EPOCH) << 22n) | BigInt(low)).toString();
    }
    case 'mastodon': {
      const low = (ns === 'f' ? 0x8000 : 0) + (n % 0x8000);
      return ((BigInt(ms) << 16n) | BigInt(low)).toString();
    }
    case 'bluesky': {
      const micros = BigInt(ms) * 1000n + BigInt(n % 1000);
      const clock = BigInt((Math.floor(r() * 512) << 1) | (ns === 'f' ? 1 : 0));
      const tid = tidString((micros << 10n) | clock);
      if (kind === 'dm') return tid;
      return `at://${out ? BRAND.bluesky.id : customer.identity.externalId}/app.bsky.feed.post/${tid}`;
    }
    case 'telegram':
      // A private chat's id is the person's id; message ids are per chat.
      return `${customer.identity.externalId}:${telegramMessageId(ns, n)}`;
    case 'facebook':
      if (kind === 'dm') return `m_${token(r, 22)}${ns === 'f' ? 'F' : 'G'}${n.toString(36)}`;
      return `${post}_${ns === 'f' ? '9' : '1'}${String(n).padStart(9, '0')}${digits(r, 4)}`;
    case 'instagram':
      if (kind === 'dm') return `aWdfZAGl0ZAW1fZAG${token(r, 26)}${ns === 'f' ? 'F' : 'G'}${n.toString(36)}`;
      return `17${ns === 'f' ? '9' : '8'}${String(n).padStart(9, '0')}${digits(r, 5)}`;
  }
}

function telegramMessageId(ns: Ns, n: number): number {
  return ns === 'f' ? 1_000_000_000 + n : n + 1;
}

const FB_POSTS = ['812093745561290', '812771283390154', '813402918876233'];
function fbPostOf(threadExternalId: string): string {
  return /^(\d+)_/.exec(threadExternalId)?.[1] ?? FB_POSTS[0] ?? '';
}
const IG_MEDIA = ['17912837465012398', '18023746512093847', '17998273645102938'];

const TID_ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';
function tidString(v: bigint): string {
  let s = '';
  for (let i = 0; i < 13; i++) {
    s = (TID_ALPHABET[Number(v & 31n)] ?? '2') + s;
    v >>= 5n;
  }
  return s;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
function token(r: Rand, len: number): string {
  let s = '';
  for (let i = 0; i < len; i++) s += B64[Math.floor(r() * 64)] ?? 'A';
  return s;
}

// ---------------------------------------------------------------------------------------------
// Text

/** What one conversation settles once: its facts, and the order its details come out in. */
interface Plan {
  vars: Record<string, string>;
  /** The topic's details, shuffled: the opener uses the first `openMore`, later nudges the rest. */
  more: string[];
  openMore: number;
  chase: string[];
  orderTopic: boolean;
}

interface TextCtx {
  network: Network;
  kind: ThreadKind;
  thread: Thread;
  k: number;
  person: Person;
  pack: LangPack;
  plan: Plan;
  r: Rand;
  /** Hours since the conversation began: a nudge only says "it has been N hours" once it has. */
  elapsedHours: number;
}

const ORDER_TOPICS: ReadonlySet<Topic> = new Set<Topic>(['late_delivery', 'wrong_grind', 'charged_twice', 'broken_grinder', 'stale_beans', 'influencer']);
/** Lines that only make sense when an order is involved. */
const ABOUT_ORDER = /\{order\}|order number|refund|tracking|reembols|rembours|erstatt/i;

function shuffled<T>(r: Rand, arr: readonly T[]): T[] {
  const out = [...arr];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    const a = out[i];
    const b = out[j];
    if (a !== undefined && b !== undefined) {
      out[i] = b;
      out[j] = a;
    }
  }
  return out;
}

function planFor(thread: Thread, person: Person, pack: LangPack, brand: string, network: Network): Plan {
  const r = rng(thread.h);
  // What was ordered, and the (wrong) grind that came: never the same, and never "got whole bean".
  const grindA = pick(r, GRINDS.filter((g) => g !== 'espresso'));
  const grindB = pick(r, GRINDS.filter((g) => g !== 'whole bean' && g !== grindA));
  const price = pick(r, PRICES);
  const agent = pick(r, AGENTS);
  const cafeName = pick(r, CAFE_NAMES);
  // A name shown in its own script, or an answer written in Arabic, uses the name in that script;
  // Japanese answers use the family name (+ 様).
  const ownScript = person.nativeName || thread.lang === 'ar';
  const greetName = thread.lang === 'ja' ? (person.lastNative ?? person.last) : ownScript && person.firstNative ? person.firstNative : person.first;
  const vars: Record<string, string> = {
    order: `#HC-${10000 + (thread.h % 90000)}`,
    item: pick(r, ITEMS),
    cafeName,
    cafe: fill(pick(r, pack.vars.cafe), { name: cafeName }),
    barista: pick(r, BARISTAS),
    grindA,
    grindB,
    price: pack.euro ? `${price.replace('.', ',')} €` : `$${price}`,
    days: String(int(r, 3, 12)),
    weeks: String(int(r, 2, 10)),
    dayref: pick(r, pack.vars.dayref),
    weekday: pick(r, pack.vars.weekday),
    time: pick(r, pack.vars.time),
    holiday: pick(r, pack.vars.holiday),
    place: pick(r, pack.vars.place),
    first: greetName,
    full: `${person.first} ${person.last}`,
    agent,
    sig: network === 'x' ? `^${agent.charAt(0)}${pick(r, ['', 'K', 'M', 'R', 'T'])}` : `– ${agent}`,
    brand,
  };
  const topic = thread.topic === 'influencer' || thread.topic === 'spam' ? undefined : (pack.topics[thread.topic] ?? LANGS.en.topics[thread.topic]);
  const orderTopic = ORDER_TOPICS.has(thread.topic);
  return {
    vars,
    // "@ my sister ..." tags a friend under a post; it makes no sense in a private chat.
    more: shuffled(r, (topic?.more ?? []).filter((l) => thread.kind !== 'dm' || !l.startsWith('@'))),
    openMore: thread.rant ? int(r, 3, 5) : (r() < 0.45 ? 1 : 0) + (r() < 0.15 ? 1 : 0),
    chase: shuffled(r, pack.chase.filter((l) => orderTopic || !ABOUT_ORDER.test(l))),
    orderTopic,
  };
}

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
}

/** Fills a customer's line: order numbers as people type them, hours as they really passed. */
function fillCustomer(c: TextCtx, template: string): string {
  const v = c.r();
  const order = c.plan.vars.order ?? '';
  const digitsOnly = order.replace(/\D/g, '');
  const typed = v < 0.6 ? order : v < 0.75 ? `HC-${digitsOnly}` : v < 0.85 ? `HC${digitsOnly}` : `#${digitsOnly}`;
  const text = fill(template, { ...c.plan.vars, order: typed, hours: String(Math.round(c.elapsedHours)) });
  // A slot such as "your Old Town shop" may open a sentence.
  return text.replace(/([.!?]\s+)(\p{Ll})/gu, (_, gap: string, ch: string) => gap + ch.toUpperCase());
}

function usableFor(plan: Plan, list: readonly string[]): readonly string[] {
  const ok = list.filter((l) => plan.orderTopic || !ABOUT_ORDER.test(l));
  return ok.length > 0 ? ok : list;
}

/** Lines of `list` this moment allows: no "N hours" before hours passed, no order talk without an order. */
function usable(c: TextCtx, list: readonly string[]): readonly string[] {
  // Nobody writes the brand's name at it in a private chat.
  const ok = list.filter(
    (l) => (c.elapsedHours >= 2 || !l.includes('{hours}')) && (c.plan.orderTopic || !ABOUT_ORDER.test(l)) && (c.kind !== 'dm' || !l.includes('{brand}')),
  );
  return ok.length > 0 ? ok : list.filter((l) => !l.includes('{hours}'));
}

type Mood = keyof typeof EMOJI;

function customerText(c: TextCtx, body: string, mood: Mood): string {
  const { r, person, thread } = c;
  let text = body;
  const latin = thread.lang !== 'ja' && thread.lang !== 'ar';
  if (thread.category !== 'spam' && thread.topic !== 'influencer') {
    if (mood === 'angry' && thread.lang === 'en' && r() < 0.25) text = text.replace(/\b(still|again|twice|never)\b/i, (w) => w.toUpperCase());
    if (person.style === 'lower' && latin) {
      text = text.toLowerCase().replace(/\.$/, '');
      if (r() < 0.4) text = text.replace(/\bi'm\b/g, 'im').replace(/\byou\b/g, 'u');
    } else if (person.style === 'excited') {
      text = text.replace(/\.$/, '!!');
    }
    const emojiChance = person.style === 'excited' ? 0.7 : person.style === 'formal' ? 0 : 0.18;
    if (r() < emojiChance && !PICTOGRAPHIC.test(text.slice(-3))) {
      text += ` ${pick(r, EMOJI[mood])}`;
      if (person.style === 'excited' && mood === 'happy' && r() < 0.5) text += pick(r, EMOJI.happy);
    }
  }
  // Public posts name the brand: X and Mastodon put the handle first in every reply, Bluesky only in the root post.
  const brand = c.plan.vars.brand ?? '';
  const mentions = (c.kind === 'mention' && (c.network !== 'bluesky' || c.k === 0)) || (c.kind === 'dm' && c.network === 'mastodon');
  if (mentions && !text.includes(brand)) text = r() < 0.8 || c.k > 0 ? `${brand} ${text}` : `${text} ${brand}`;
  return text;
}

function moodOf(category: Category, r: Rand): Mood {
  return category === 'praise' ? 'happy' : category === 'question' ? 'ask' : r() < 0.6 ? 'angry' : 'sad';
}

/** "Hi, the new roast..." and "Hiya! Wrong grind..."; names, "I" and slots keep their case. */
function afterGreeting(greet: string, template: string): string {
  if (/[.!?]$/.test(greet)) return template.charAt(0).toUpperCase() + template.slice(1);
  if (/^(\{|I\b|I['’])/.test(template)) return template;
  return template.charAt(0).toLowerCase() + template.slice(1);
}

/** Pieces joined into one message: a casual piece without a full stop gets one before the next. */
function joinSentences(parts: readonly string[]): string {
  return parts.reduce((acc, p) => (acc === '' ? p : /[.!?…)\p{Extended_Pictographic}]$/u.test(acc) ? `${acc} ${p}` : `${acc}. ${p}`), '');
}

function opener(c: TextCtx, withGreeting: boolean): string {
  const { r, thread, pack, person, plan } = c;
  if (thread.topic === 'spam') return pick(r, SPAM);
  const topic = thread.topic === 'influencer' ? undefined : (pack.topics[thread.topic] ?? LANGS.en.topics[thread.topic]);
  if (!topic) return fillCustomer(c, pick(r, usable(c, pack.chase)));
  // Letter-style greetings and sign-offs belong in private messages and comments, not in a tweet.
  const formal = person.style === 'formal' && thread.lang === 'en' && c.kind !== 'mention';
  let open = pick(r, topic.open);
  let greet = '';
  if (withGreeting && person.style !== 'curt' && (formal || r() < 0.4)) {
    greet = formal ? pick(r, ['Dear Harbor Coffee team,', 'Hello,', 'To whom it may concern,']) : pick(r, pack.greet);
    open = formal ? afterGreeting('.', open) : afterGreeting(greet, open);
  }
  const parts: string[] = [open, ...plan.more.slice(0, plan.openMore)];
  if (thread.rant && thread.lang === 'en') {
    const rant = shuffled(r, RANT_EN);
    for (let n = int(r, 1, 2); n > 0; n--) parts.splice(Math.max(1, parts.length - 1), 0, rant.pop() ?? '');
  }
  let close = '';
  if (formal) close = `\n${pick(r, ['Kind regards,', 'Best regards,', 'Thank you for your time.'])}\n{full}`;
  else if (person.style !== 'curt' && r() < 0.5) close = ` ${pick(r, pack.close[thread.category])}`;
  let body = thread.rant && parts.length > 3 && r() < 0.5 ? `${joinSentences(parts.slice(0, 2))}\n\n${joinSentences(parts.slice(2))}` : joinSentences(parts);
  if (greet) body = `${greet}${formal ? '\n' : ' '}${body}`;
  return fillCustomer(c, body + close).trim();
}

function brandReply(c: TextCtx, nth: number): string {
  const { thread, r, kind, plan } = c;
  const own = c.pack.reply;
  const replies = own ?? LANGS.en.reply;
  if (!replies) throw new Error('demo corpus: English replies missing');
  // Topic-specific answers exist in English only; other languages get their own general ones.
  const topicReply = thread.topic === 'influencer' || thread.topic === 'spam' || (own !== undefined && thread.lang !== 'en') ? undefined : LANGS.en.topics[thread.topic]?.reply;
  let t: string;
  if (nth > 0) {
    const again = replies.again.filter((l) => plan.orderTopic || !ABOUT_ORDER.test(l));
    t = again[(thread.h + nth) % again.length] ?? pick(r, replies.again);
  } else if (thread.topic === 'influencer') t = pick(r, INFLUENCER_REPLY);
  else if (thread.category === 'complaint') t = pick(r, kind === 'dm' ? (topicReply ?? usableFor(plan, replies.complaintDm)) : usableFor(plan, replies.complaintPublic));
  else if (thread.category === 'praise') t = pick(r, topicReply ?? replies.praise);
  else t = pick(r, topicReply ?? replies.question);
  const text = fill(t, plan.vars);
  // A public answer addresses the person by handle, as the platforms' reply buttons do.
  return kind === 'mention' || c.network === 'mastodon' ? `${c.person.identity.handle} ${text}` : text;
}

function afterReply(c: TextCtx): [string, Mood] {
  const { r, thread, pack } = c;
  if (thread.topic === 'influencer') return [fill(pick(r, INFLUENCER_AFTER), c.plan.vars), 'happy'];
  const nextIsBrand = thread.roles[c.k + 1] === 'b';
  const x = r();
  let list: readonly string[];
  let mood: Mood;
  if (thread.category !== 'complaint') [list, mood] = x < 0.85 ? [pack.good, 'happy'] : [pack.bad, 'sad'];
  else if (nextIsBrand) [list, mood] = x < 0.5 && c.plan.orderTopic ? [pack.info, 'sad'] : [pack.bad, 'angry'];
  else [list, mood] = x < 0.65 ? [pack.good, 'happy'] : [pack.bad, 'angry'];
  return [fillCustomer(c, pick(r, usable(c, list))), mood];
}

/** The customer again before anyone answered: a nudge, another detail, or both. */
function nudge(c: TextCtx, ordinal: number): [string, Mood] {
  const { r, thread, plan } = c;
  if (thread.topic === 'influencer') {
    const step = thread.live ? (LIVE_INFLUENCER_STEPS[c.k] ?? 3) : Math.min(c.k, INFLUENCER_STEPS.length - 1);
    return [fill(pick(r, INFLUENCER_STEPS[step] ?? []), plan.vars), 'angry'];
  }
  if (thread.topic === 'spam') return [pick(r, SPAM), 'happy'];
  const detail = plan.more[plan.openMore + ordinal];
  if (thread.category === 'praise') return [fillCustomer(c, detail ?? pick(r, c.pack.close.praise)), 'happy'];
  const chase = usable(c, plan.chase);
  const poke = chase[ordinal % chase.length] ?? '??';
  const x = r();
  const text = detail === undefined || x < 0.45 ? poke : x < 0.8 ? detail : joinSentences([poke, detail]);
  return [fillCustomer(c, text), thread.category === 'question' ? 'ask' : moodOf(thread.category, r)];
}

/** How a DM often starts: a hello on its own, the actual message a moment later. */
const HELLO_EN = ['hi', 'hello?', 'Hi, is anyone there?', 'hey', 'Hello', 'hi there', 'Good morning', 'hiii', 'Hello, quick question'];

function textFor(c: TextCtx): string {
  const { thread, k, r } = c;
  const role = thread.roles[k] ?? 'c';
  if (role === 'b') {
    let nth = 0;
    for (let j = 0; j < k; j++) if (thread.roles[j] === 'b') nth++;
    return brandReply(c, nth);
  }
  if (thread.topic === 'influencer' && k === 0) return customerText(c, fill(pick(r, INFLUENCER_STEPS[0] ?? []), c.plan.vars), 'angry');
  if (k === 0 && thread.greetFirst) {
    return customerText(c, pick(r, thread.lang === 'en' ? HELLO_EN : c.pack.greet.map((g) => g.replace(/[,،、:]$/, ''))), thread.category === 'complaint' ? 'sad' : 'ask');
  }
  if (k === 0 || (k === 1 && thread.greetFirst)) return customerText(c, opener(c, k === 0), moodOf(thread.category, r));
  if (thread.roles.slice(0, k).includes('b')) return customerText(c, ...afterReply(c));
  return customerText(c, ...nudge(c, k - (thread.greetFirst ? 2 : 1)));
}

// ---------------------------------------------------------------------------------------------
// Raw payloads in each platform's shape

interface RawCtx {
  network: Network;
  kind: ThreadKind;
  out: boolean;
  id: string;
  threadId: string;
  parentId: string | null;
  /** The message answered was the brand's (decides whom a reply is addressed to). */
  parentOut: boolean;
  person: Person;
  text: string;
  createdAt: number;
  lang: Lang;
  n: number;
  ns: Ns;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\n/g, '<br>');
}

function rawFor(c: RawCtx): unknown {
  const p = c.person;
  const brand = BRAND[c.network];
  const iso = new Date(c.createdAt).toISOString();
  switch (c.network) {
    case 'x': {
      const xUser = { id: p.identity.externalId, name: p.identity.displayName, username: p.username ?? '', public_metrics: { followers_count: p.identity.followerCount ?? 0 } };
      const brandUser = { id: brand.id, name: brand.name, username: brand.username };
      const author = c.out ? brandUser : xUser;
      if (c.kind === 'dm') {
        return { data: { id: c.id, event_type: 'MessageCreate', text: c.text, sender_id: author.id, dm_conversation_id: c.threadId, created_at: iso }, includes: { users: [author] } };
      }
      return {
        data: {
          id: c.id,
          text: c.text,
          author_id: author.id,
          conversation_id: c.threadId,
          created_at: iso,
          lang: c.lang,
          ...(c.parentId ? { in_reply_to_user_id: c.parentOut ? brand.id : xUser.id, referenced_tweets: [{ type: 'replied_to', id: c.parentId }] } : {}),
        },
        includes: { users: [author] },
      };
    }
    case 'facebook': {
      const fbTime = iso.replace(/\.\d{3}Z$/, '+0000');
      const user = { name: p.identity.displayName, id: p.identity.externalId };
      const page = { name: brand.name, id: brand.id };
      if (c.kind === 'dm') return { id: c.id, created_time: fbTime, from: c.out ? page : user, to: { data: [c.out ? user : page] }, message: c.text };
      return { id: c.id, message: c.text, created_time: fbTime, from: c.out ? page : user, ...(c.parentId ? { parent: { id: c.threadId } } : {}) };
    }
    case 'instagram': {
      const user = { username: p.username ?? '', id: p.identity.externalId };
      const acct = { username: brand.username, id: brand.id };
      if (c.kind === 'dm') return { id: c.id, created_time: iso.replace(/\.\d{3}Z$/, '+0000'), from: c.out ? acct : user, to: { data: [c.out ? user : acct] }, message: c.text };
      const media = IG_MEDIA[hashString(c.threadId) % IG_MEDIA.length] ?? '';
      const from = c.out ? acct : user;
      return { id: c.id, text: c.text, timestamp: iso.replace(/\.\d{3}Z$/, '+0000'), username: from.username, from, media: { id: media }, ...(c.parentId ? { parent_id: c.threadId } : {}), like_count: 0 };
    }
    case 'telegram': {
      const [firstName, ...rest] = p.identity.displayName.split(' ');
      const tgUser = { id: Number(p.identity.externalId), is_bot: false, first_name: firstName ?? '', ...(rest.length ? { last_name: rest.join(' ') } : {}), ...(p.username ? { username: p.username } : {}), language_code: c.lang };
      const business = { id: Number(brand.id), is_bot: false, first_name: brand.name, username: brand.username.replace(/Bot$/, '') };
      const parent = c.parentId?.split(':')[1];
      return {
        update_id: 400_000_000 + (c.ns === 'f' ? 50_000_000 : 0) + c.n,
        business_message: {
          business_connection_id: 'AAHcr4bqDemoConnection',
          message_id: telegramMessageId(c.ns, c.n),
          from: c.out ? business : tgUser,
          chat: { id: tgUser.id, type: 'private', first_name: tgUser.first_name, ...(p.username ? { username: p.username } : {}) },
          date: Math.floor(c.createdAt / 1000),
          text: c.text,
          ...(parent ? { reply_to_message: { message_id: Number(parent) } } : {}),
        },
      };
    }
    case 'mastodon': {
      const acct = (username: string | null, instance: string | null) => (instance && instance !== 'mastodon.social' ? `${username}@${instance}` : (username ?? ''));
      const account = { id: p.identity.externalId, username: p.username ?? '', acct: acct(p.username, p.instance), display_name: p.identity.displayName, followers_count: p.identity.followerCount ?? 0, url: `https://${p.instance ?? 'mastodon.social'}/@${p.username ?? ''}` };
      const brandAccount = { id: brand.id, username: brand.username, acct: brand.username, display_name: brand.name, url: `https://mastodon.social/@${brand.username}` };
      const author = c.out ? brandAccount : account;
      const status = {
        id: c.id,
        created_at: iso,
        in_reply_to_id: c.parentId,
        in_reply_to_account_id: c.parentId ? (c.parentOut ? brand.id : account.id) : null,
        visibility: c.kind === 'dm' ? 'direct' : 'public',
        language: c.lang,
        uri: `https://${c.out ? 'mastodon.social' : (p.instance ?? 'mastodon.social')}/users/${author.username}/statuses/${c.id}`,
        content: `<p>${escapeHtml(c.text)}</p>`,
        account: author,
        mentions: [c.out ? { id: account.id, username: account.username, acct: account.acct, url: account.url } : { id: brand.id, username: brand.username, acct: brand.username, url: brandAccount.url }],
      };
      return c.out ? status : { id: String(BigInt(c.id) + 7n), type: 'mention', created_at: iso, account, status };
    }
    case 'bluesky': {
      const author = c.out ? { did: brand.id, handle: brand.username, displayName: brand.name } : { did: p.identity.externalId, handle: p.username ?? '', displayName: p.identity.displayName };
      if (c.kind === 'dm') {
        return { $type: 'chat.bsky.convo.defs#logCreateMessage', rev: c.id, convoId: c.threadId, message: { $type: 'chat.bsky.convo.defs#messageView', id: c.id, rev: c.id, text: c.text, sender: { did: author.did }, sentAt: iso } };
      }
      const cid = `bafyrei${b32(rng(hashString(c.id)), 52)}`;
      const record = {
        $type: 'app.bsky.feed.post',
        text: c.text,
        createdAt: iso,
        langs: [c.lang],
        ...(c.parentId ? { reply: { root: { uri: c.threadId, cid: `bafyrei${b32(rng(hashString(c.threadId)), 52)}` }, parent: { uri: c.parentId, cid: `bafyrei${b32(rng(hashString(c.parentId)), 52)}` } } } : {}),
      };
      const post = { uri: c.id, cid, author, record, indexedAt: iso };
      return c.out ? post : { ...post, reason: c.parentId ? 'reply' : 'mention', isRead: false, labels: [] };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Message i

export interface GenerateOptions {
  /** The instant the account went live; history is the 14 days before it. */
  startedAt?: number;
  /** The account's own handle, as customers type it. */
  brandHandle?: string;
}

/** Message number i of the demo account (seed, network): the same arguments, the same message. */
export function generateMessage(seed: number, network: Network, i: number, opts: GenerateOptions = {}): NormalisedMessage {
  const startedAt = opts.startedAt ?? DEFAULT_STARTED_AT;
  const seedN = seedOf(seed);
  const hist = historyBlocks(seed);
  const b = Math.floor(i / BLOCK);
  const block = blockAt(seedN, network, b, hist);
  const j = i % BLOCK;
  const thread = block.threads[block.threadOf[j] ?? 0];
  if (!thread) throw new Error(`demo: no thread for message ${i}`);
  const k = block.posOf[j] ?? 0;
  const person = personAt(seed, network, thread.person);
  const pack = LANGS[thread.lang];
  const brand = brandMention(network, thread.kind, opts.brandHandle ?? DEFAULT_HANDLE[network]);
  const out = thread.roles[k] === 'b';
  const plan = planFor(thread, person, pack, brand, network);
  const r = rng(hash(seedN, NET_CODE[network], i, 0x7e47));
  const rule = lengthRule(network, thread.kind);
  const createdAt = timeAt(seed, network, i, startedAt);
  const root = thread.idx[0] ?? i;
  const elapsedHours = (createdAt - timeAt(seed, network, root, startedAt)) / 3_600_000;
  const text = fit(textFor({ network, kind: thread.kind, thread, k, person, pack, plan, r, elapsedHours }), rule);

  const post = FB_POSTS[thread.h % FB_POSTS.length] ?? '';
  // Root and parent are messages of the same thread, so their role is known here.
  const idOf = (index: number, pos: number): string =>
    messageId(network, thread.kind, 'g', index, timeAt(seed, network, index, startedAt), person, thread.roles[pos] === 'b', seedN, post);
  const externalId = idOf(i, k);
  const threadExternalId = root === i ? externalId : idOf(root, 0);
  const prev = k > 0 ? thread.idx[k - 1] : undefined;
  const parentId = prev === undefined ? null : idOf(prev, k - 1);
  return {
    externalId,
    threadExternalId,
    kind: thread.kind,
    direction: out ? 'out' : 'in',
    customer: person.identity,
    ...(out ? { authorName: `${plan.vars.agent ?? 'Sam'} (${BRAND_SHORT})` } : {}),
    text,
    createdAt,
    raw: rawFor({ network, kind: thread.kind, out, id: externalId, threadId: threadExternalId, parentId, parentOut: thread.roles[k - 1] === 'b', person, text, createdAt, lang: thread.lang, n: i, ns: 'g' }),
  };
}

// ---------------------------------------------------------------------------------------------
// Follow-ups: a customer answering the agent's reply

/** A guess at the language of a reply, so the customer answers in the one the agent used. */
export function guessLang(text: string): Lang {
  if (/[\u3040-\u30ff\u4e00-\u9fff]/.test(text)) return 'ja';
  if (/[\u0600-\u06ff]/.test(text)) return 'ar';
  if (/[\u0900-\u097f]/.test(text)) return 'hi';
  const t = text.toLowerCase();
  if (/(?<!\p{L})(você|obrigad[oa]|desculpe|oi|vocês|pedido .* verifiquei)(?!\p{L})/u.test(t)) return 'pt';
  if (/[¿¡]|(?<!\p{L})(hola|gracias|pedido|lamentamos|sentimos)(?!\p{L})/u.test(t)) return 'es';
  if (/(?<!\p{L})(bonjour|merci|commande|désolés?|vous)(?!\p{L})/u.test(t)) return 'fr';
  if (/(?<!\p{L})(hallo|danke|bestellung|leid|bitte|ich|dir|dich)(?!\p{L})/u.test(t)) return 'de';
  return 'en';
}

export interface FollowUpInput {
  threadExternalId: string;
  kind: ThreadKind;
  customerExternalId: string;
  /** The agent's reply being answered: its text and the id the channel gave it. */
  replyText: string;
  replyExternalId: string;
}

/** The customer's answer to an agent's reply, as follow-up number n written at `at`; null for a stranger. */
export function generateFollowUp(seed: number, network: Network, input: FollowUpInput, n: number, at: number, brandHandle?: string): NormalisedMessage | null {
  const person = personByExternalId(seed, network, input.customerExternalId);
  if (!person) return null;
  const seedN = seedOf(seed);
  const r = rng(hash(seedN, NET_CODE[network], n, 0xf011));
  const lang = guessLang(input.replyText);
  const set = AFTER_SEND[lang];
  const agent = /(?:–|\^)\s*([A-Z][a-z]+)\s*$/.exec(input.replyText)?.[1] ?? 'team';
  let text = fill(pick(r, r() < 0.6 ? set.good : set.bad), { agent });
  if (input.kind === 'mention' && network !== 'bluesky') text = `${brandMention(network, input.kind, brandHandle ?? DEFAULT_HANDLE[network])} ${text}`;
  const id = messageId(network, input.kind, 'f', n, at, person, false, seedN, fbPostOf(input.threadExternalId));
  return {
    externalId: id,
    threadExternalId: input.threadExternalId,
    kind: input.kind,
    direction: 'in',
    customer: person.identity,
    text,
    createdAt: at,
    raw: rawFor({ network, kind: input.kind, out: false, id, threadId: input.threadExternalId, parentId: input.replyExternalId, parentOut: true, person, text, createdAt: at, lang, n, ns: 'f' }),
  };
}
