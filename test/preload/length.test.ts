import { describe, expect, it } from 'vitest';
import type { LengthRule } from '../../preload/contract';
import { countLength, findUrls, lengthStatus, NETWORK_RULES } from '../../preload/shared/length';

const X: LengthRule = { count: 'x-weighted', max: 280 };
const rule = (count: LengthRule['count'], max = 1000): LengthRule => ({ count, max });

const FAMILY = '👨\u200D👩\u200D👧\u200D👦';
const FLAG_FR = '🇫🇷';
const FLAG_ENGLAND = '🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}';
const KEYCAP_ONE = '1\uFE0F\u20E3';
const WAVE_DARK = '👋🏿';

describe('countLength: X weighted (twitter-text v3)', () => {
  it.each<[string, string, number]>([
    ['plain ASCII counts one each', 'Hello, world', 12],
    ['CJK counts two each', '你好世界', 8],
    ['Latin with accents is light (U+0000–U+10FF)', 'Ça va très bien', 15],
    ['Arabic and Hebrew are light', 'مرحبا שלום', 10],
    ['general punctuation U+2010–U+201F is light', '“quoted” — dash', 15],
    ['primes U+2032–U+2037 are light', '5′ 11″ ‷', 8],
    ['U+2038 just past the primes is heavy', '‸', 2],
    ['U+10FF is the last light code point of the first range', '\u10FF\u1100', 3],
    ['an arrow outside the ranges is heavy', '→', 2],
    ['a lone emoji counts two', '😀', 2],
    ['a ZWJ family counts two, not 7 code points', FAMILY, 2],
    ['a flag (regional indicator pair) counts two', FLAG_FR, 2],
    ['a subdivision flag (tag sequence) counts two', FLAG_ENGLAND, 2],
    ['a keycap counts two', KEYCAP_ONE, 2],
    ['a skin-tone modifier sequence counts two', WAVE_DARK, 2],
    ['a text-default symbol without VS16 keeps its code point weight', '©', 1],
    // Cases from twitter-text's conformance suite (validate.yml, discounted-emoji section).
    ['conformance: mixed emoji', 'H🐱☺' + FAMILY, 7],
    ['conformance: skin tone + ZWJ profession', '🙋🏽👨\u200D🎤', 4],
    ['conformance: Unicode 10 emoji', `Unicode 10.0 emoji: 🤪; 🧕; 🧕🏾; ${FLAG_ENGLAND}`, 34],
    ['conformance: NFC makes A + combining acute one character', 'A\u0301B', 2],
    ['conformance: Hebrew presentation form decomposes into 3 light code points', 'A\uFB2C', 4],
    ['conformance: directional isolates are heavy, the URL inside counts 23', '\u2066\u202Ahttp://foobar.پاکستان/\u202C\u2069', 31],
  ])('%s', (_, text, expected) => {
    expect(countLength(text, X)).toBe(expected);
  });

  it('fits 280 ASCII characters exactly and goes over at 281', () => {
    expect(lengthStatus('a'.repeat(280), X)).toEqual({ length: 280, max: 280, remaining: 0, over: false });
    expect(lengthStatus('a'.repeat(281), X).over).toBe(true);
  });

  it('counts 141 CJK characters as 282, over the limit', () => {
    expect(lengthStatus('字'.repeat(141), X)).toEqual({ length: 282, max: 280, remaining: -2, over: true });
    expect(lengthStatus('字'.repeat(140), X).over).toBe(false);
  });

  it('counts 140 family emoji as exactly 280', () => {
    expect(countLength(FAMILY.repeat(140), X)).toBe(280);
  });

  it('does not let a made-up ZWJ chain pass as one emoji', () => {
    // 😀‍😀‍😀 is not a recommended sequence; X draws three faces and counts the joiners.
    expect(countLength('😀\u200D😀\u200D😀', X)).toBe(8);
  });

  it('counts a 100-character URL as 23', () => {
    const url = 'https://example.com/' + 'p'.repeat(80);
    expect(url).toHaveLength(100);
    expect(countLength(url, X)).toBe(23);
    expect(countLength(`See ${url} now`, X)).toBe(4 + 23 + 4);
  });

  it.each<[string, string, number]>([
    ['a short URL is padded up to 23', 'http://t.co', 23],
    ['a bare domain with a known TLD', 'example.com', 23],
    ['a bare domain with a path', 'Go to example.com/orders/42 please', 6 + 23 + 7],
    ['two URLs count 23 each', 'https://a.example.org x.com/y', 23 + 1 + 23],
    ['sentence punctuation after a URL is text', 'Visit https://example.com.', 6 + 23 + 1],
    ['a URL path stops where X stops it (CJK stays text)', 'https://example.com/日本', 23 + 4],
    ['unbalanced closing brackets after a URL are text', 'x.com/a))', 23 + 2],
    ['an unknown TLD without protocol is not a URL', 'file.txt', 8],
    ['an e-mail address is not a URL', 'me@example.com', 14],
    ['a word glued before the protocol is not a URL', 'xhttp://example.com', 19],
    ['a 64-character label is not a valid host', 'a'.repeat(60) + 'bcde.com', 68],
  ])('URLs: %s', (_, text, expected) => {
    expect(countLength(text, X)).toBe(expected);
  });

  it('keeps a balanced closing parenthesis inside a URL and drops an unbalanced one', () => {
    const wiki = 'https://en.wikipedia.org/wiki/Mercury_(planet)';
    expect(findUrls(`(${wiki})`)).toEqual([{ start: 1, end: 1 + wiki.length }]);
    expect(findUrls('(see https://example.com/a)')).toEqual([{ start: 5, end: 26 }]);
  });
});

describe('countLength: other channels', () => {
  it.each<[LengthRule['count'], string, number]>([
    ['bytes', 'abc', 3],
    ['bytes', 'é', 2],
    ['bytes', '€', 3],
    ['bytes', '😀', 4],
    ['bytes', FAMILY, 25],
    ['bytes', '\uD800', 3], // a lone surrogate travels as U+FFFD
    ['utf16', '😀', 2],
    ['utf16', 'é', 1],
    ['utf16', FAMILY, 11],
    ['codepoints', '😀', 1],
    ['codepoints', FAMILY, 7],
    ['codepoints', 'e\u0301', 2],
    ['graphemes', FAMILY, 1],
    ['graphemes', FLAG_FR + FLAG_ENGLAND, 2],
    ['graphemes', 'e\u0301', 1],
    ['graphemes', 'ok 👋🏿!', 5],
  ])('%s: %j → %i', (count, text, expected) => {
    expect(countLength(text, rule(count))).toBe(expected);
  });

  it('holds Instagram to 1000 bytes: 500 × é fits, 251 emoji do not', () => {
    const ig = NETWORK_RULES.instagram.dm;
    expect(lengthStatus('é'.repeat(500), ig)).toMatchObject({ length: 1000, over: false });
    expect(lengthStatus('😀'.repeat(251), ig)).toMatchObject({ length: 1004, remaining: -4, over: true });
  });

  it('counts Bluesky posts in graphemes: 300 family emoji fit, 301 do not', () => {
    const post = NETWORK_RULES.bluesky.public;
    expect(lengthStatus(FAMILY.repeat(300), post).over).toBe(false);
    expect(lengthStatus(FAMILY.repeat(301), post)).toMatchObject({ length: 301, over: true });
  });

  it('counts Telegram in UTF-16 units: 2048 emoji reach 4096 exactly', () => {
    const tg = NETWORK_RULES.telegram.dm;
    expect(lengthStatus('😀'.repeat(2048), tg)).toMatchObject({ length: 4096, remaining: 0, over: false });
    expect(lengthStatus('😀'.repeat(2048) + '!', tg).over).toBe(true);
  });
});

describe('NETWORK_RULES', () => {
  it.each<[keyof typeof NETWORK_RULES, string, LengthRule, LengthRule]>([
    ['x', 'X', { count: 'x-weighted', max: 280 }, { count: 'utf16', max: 10_000 }],
    ['facebook', 'Facebook', { count: 'utf16', max: 8_000 }, { count: 'utf16', max: 2_000 }],
    ['instagram', 'Instagram', { count: 'bytes', max: 1_000 }, { count: 'bytes', max: 1_000 }],
    ['telegram', 'Telegram', { count: 'utf16', max: 4_096 }, { count: 'utf16', max: 4_096 }],
    ['mastodon', 'Mastodon', { count: 'codepoints', max: 500 }, { count: 'codepoints', max: 500 }],
    ['bluesky', 'Bluesky', { count: 'graphemes', max: 300 }, { count: 'graphemes', max: 1_000 }],
  ])('%s is "%s" with its documented limits', (network, label, pub, dm) => {
    expect(NETWORK_RULES[network]).toEqual({ label, public: pub, dm });
  });
});

describe('hostile input', () => {
  const COUNTS: LengthRule['count'][] = ['utf16', 'codepoints', 'graphemes', 'bytes', 'x-weighted'];
  const pieces = [
    FAMILY, FLAG_FR, FLAG_ENGLAND, KEYCAP_ONE, WAVE_DARK, 'مرحبا', 'שלום', '\u200D', '\u200C',
    '\uD83D', '\uDE00', 'e\u0301\u0302\u0303', ' ', 'https://example.com/x', 'a.b.', '字', '{{', '⟦',
  ];
  // Deterministic pseudo-random mix so a failure reproduces.
  let seed = 42;
  const pick = (): string => pieces[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % pieces.length] ?? '';
  let mixed = '';
  while (mixed.length < 10_000) mixed += pick();
  mixed = mixed.slice(0, 10_000);

  it('counts 10,000 characters of mixed scripts, emoji, joiners and lone surrogates sanely', () => {
    const [utf16, codepoints, graphemes, bytes, weighted] = COUNTS.map((c) => countLength(mixed, rule(c))) as [
      number, number, number, number, number,
    ];
    expect(utf16).toBe(10_000);
    expect(codepoints).toBeGreaterThan(5_000);
    expect(codepoints).toBeLessThanOrEqual(utf16);
    expect(graphemes).toBeGreaterThan(0);
    expect(graphemes).toBeLessThan(codepoints);
    expect(bytes).toBeGreaterThan(codepoints);
    expect(bytes).toBeLessThanOrEqual(4 * codepoints);
    expect(Number.isInteger(weighted)).toBe(true);
    expect(weighted).toBeGreaterThan(graphemes);
    expect(weighted).toBeLessThanOrEqual(2 * codepoints);
  });

  it.each<[string, string]>([
    ['dotted labels', 'a.'.repeat(5000)],
    ['protocols', 'http://'.repeat(1430)],
    ['one huge label', 'a'.repeat(10_000) + '.com'],
    ['joiners only', '\u200D'.repeat(10_000)],
    ['combining marks', 'e' + '\u0301'.repeat(9_999)],
    ['regional indicators', '🇺'.repeat(5_000)],
    ['lone surrogates', '\uDC00\uD800'.repeat(5_000)],
    ['unbalanced brackets after a URL', 'x.com/' + ')'.repeat(9_994)],
  ])('returns quickly and finitely on %s', (_, text) => {
    for (const count of COUNTS) {
      const n = countLength(text, rule(count));
      expect(Number.isFinite(n)).toBe(true);
      expect(n).toBeGreaterThan(0);
    }
  });
});
