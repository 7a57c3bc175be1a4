/**
 * The benchmark's dataset: a deterministic function of (seed, size). Nothing is cached on disk;
 * the texts come from the demo channel's generator (realistic conversations in eight languages)
 * mixed with sentences drawn from a Zipf-distributed vocabulary, so that a "common word" matches
 * a large share of the messages and a "rare word" a few dozen.
 *
 * Layout: `threads` threads over six networks, sizes log-normal (mean ≈ messages/threads) with a
 * few threads of exactly 200 messages for the thread-open measurement; two years of history
 * ending at END_AT; customers per network with a Zipf-like reuse (some write many threads) and
 * Zipf-like follower counts. Messages are delivered in time order per account, except ~3% that
 * arrive late (a backfill), as a real poller sees them.
 */
import { generateMessage, hash, rng, type Rand } from '../../main/channels/demo/generate';
import type { AccountRecord, NormalisedMessage } from '../../main/channels/types';
import type { Network, ThreadKind } from '../../preload/contract';

export const NETWORKS: readonly Network[] = ['x', 'facebook', 'instagram', 'telegram', 'mastodon', 'bluesky'];
const NETWORK_WEIGHT = [25, 20, 20, 10, 10, 15];
const KINDS: Readonly<Record<Network, ReadonlyArray<[ThreadKind, number]>>> = {
  x: [['mention', 65], ['dm', 35]],
  facebook: [['dm', 50], ['comment', 50]],
  instagram: [['dm', 45], ['comment', 55]],
  telegram: [['dm', 1]],
  mastodon: [['mention', 75], ['dm', 25]],
  bluesky: [['mention', 75], ['dm', 25]],
};
export const END_AT = Date.UTC(2025, 5, 1, 12, 0, 0);
export const SPAN_DAYS = 730;
const DAY = 86_400_000;

export interface DatasetSize {
  messages: number;
  threads: number;
  /** Threads of exactly this many messages (thread-open measurement). */
  bigThreadSize: number;
  bigThreads: number;
  /** Demo texts per network in the pool. */
  poolPerNetwork: number;
}
export const FULL: DatasetSize = { messages: 1_000_000, threads: 100_000, bigThreadSize: 200, bigThreads: 20, poolPerNetwork: 1500 };
export const SMALL: DatasetSize = { messages: 50_000, threads: 5_000, bigThreadSize: 200, bigThreads: 10, poolPerNetwork: 300 };

// ---------------------------------------------------------------------------------------------
// Vocabulary: real words at the head of each language's list, a shared tail of invented words.

const HEAD: Readonly<Record<string, readonly string[]>> = {
  en: ('the i my to and order a is it you for of not still coffee was this on have me with in but no your just please ' +
    'delivery refund when been waiting why can what beans app again today we at are so get do days week help there an ' +
    'grinder subscription charged account email back time how card shipping would love thanks one now store number ' +
    'tracking package wrong cold late broken problem support anyone answer ever days they will could really never ' +
    'great cafe barista morning cup latte espresso decaf roast bag box sent received paid price customer service').split(' '),
  es: 'el la de que mi pedido no es y en un por favor café todavía gracias hola cuando reembolso entrega tarde ayuda cuenta tienda'.split(' '),
  fr: 'le la de mon commande pas est et un pour merci café toujours bonjour quand remboursement livraison retard aide compte'.split(' '),
  de: 'die der und ich meine bestellung nicht ist ein für danke kaffee immer noch hallo wann erstattung lieferung spät hilfe konto'.split(' '),
  pt: 'o a de meu pedido não é e um para obrigado café ainda olá quando reembolso entrega atraso ajuda conta loja'.split(' '),
  ja: '注文 まだ 届きません コーヒー ありがとう 返金 配送 遅い 問題 アプリ 豆 お願いします 確認 してください 今日'.split(' '),
  ar: 'طلبي لم يصل بعد القهوة شكرا استرداد التوصيل متأخر مشكلة التطبيق الحساب من فضلك اليوم مرحبا'.split(' '),
  hi: 'मेरा ऑर्डर अभी तक नहीं आया कॉफी धन्यवाद रिफंड डिलीवरी देर समस्या ऐप खाता कृपया आज नमस्ते'.split(' '),
};
const LANG_WEIGHT: ReadonlyArray<[string, number]> = [['en', 55], ['es', 10], ['fr', 7], ['de', 7], ['pt', 6], ['ja', 6], ['ar', 5], ['hi', 4]];
const TAIL = 30_000;
const EMOJI = ['☕', '😡', '🙏', '😞', '👍', '❤️', '🤬', '😍', '👩‍👩‍👧', '🇩🇪', '🔥', '💩', '🥲', '✨', '🫠'];
const SYL_C = ['b', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'st', 'kr', 'pl', 'tr', 'sh'];
const SYL_V = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou', 'ea'];

/** Invented word number n of the tail: pronounceable, unique (the number is spelled in syllables). */
function tailWord(n: number): string {
  let s = '';
  let x = n + 401; // never a one-syllable word
  while (x > 0) {
    s += (SYL_C[x % SYL_C.length] ?? 'b') + (SYL_V[Math.floor(x / SYL_C.length) % SYL_V.length] ?? 'a');
    x = Math.floor(x / (SYL_C.length * SYL_V.length));
  }
  return `${s}n`;
}

class Zipf {
  readonly words: string[];
  private readonly cum: Float64Array;
  constructor(head: readonly string[], s = 1.0) {
    this.words = [...head];
    for (let i = 0; i < TAIL; i++) this.words.push(tailWord(i));
    this.cum = new Float64Array(this.words.length);
    let acc = 0;
    for (let r = 0; r < this.words.length; r++) {
      acc += 1 / Math.pow(r + 1, s);
      this.cum[r] = acc;
    }
  }
  pick(r: Rand): string {
    const x = r() * this.cum[this.cum.length - 1]!;
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cum[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return this.words[lo]!;
  }
}

/** The words the search benchmark looks for, chosen from the same vocabulary. */
export const QUERY_WORDS = {
  common: 'order',
  rare: tailWord(12_000),
  phrase: '"still waiting"',
  prefix: 'refun*',
};

// ---------------------------------------------------------------------------------------------

function weighted<T>(r: Rand, entries: ReadonlyArray<readonly [T, number]>): T {
  let total = 0;
  for (const [, w] of entries) total += w;
  let x = r() * total;
  for (const [v, w] of entries) {
    x -= w;
    if (x < 0) return v;
  }
  return entries[entries.length - 1]![0];
}

export interface ThreadPlan {
  network: Network;
  kind: ThreadKind;
  lang: string;
  person: number;
  size: number;
  start: number;
}

export interface Dataset {
  size: DatasetSize;
  seed: number;
  threads: ThreadPlan[];
  /** Ingest order: per message its thread, position and time. */
  order: { thread: Int32Array; pos: Int32Array; at: Float64Array };
  /** Indices (into threads) of the threads of exactly bigThreadSize messages. */
  bigThreads: number[];
  accounts: AccountRecord[];
  message(k: number): NormalisedMessage;
  /** The account index (0..5) of message k. */
  accountOf(k: number): number;
}

const FIRST = ['Ana', 'Liam', 'Noah', 'Mia', 'Kenji', 'Yuki', 'Omar', 'Layla', 'Priya', 'Arjun', 'Lucas', 'Chloé', 'Jonas', 'Lena', 'João', 'Sofía', 'Mateo', 'Fatima', 'Emma', 'Oliver', 'Zoë', 'Hugo', 'Aiko', 'Ravi'];
const LAST = ['Ruiz', 'Smith', 'Tanaka', 'Haddad', 'Sharma', 'Müller', 'Dubois', 'Silva', 'García', 'Nguyen', 'Kowalski', 'Brown', 'Rossi', 'Sato', 'Khan', 'Okafor', 'Jensen', 'Costa'];

export function makeDataset(size: DatasetSize, seed = 42): Dataset {
  const r = rng(hash(seed, 0xda7a));
  // Threads: sizes log-normal around the mean, then nudged so the total is exact.
  const n = size.threads;
  const sizes = new Int32Array(n);
  const bigEvery = Math.floor(n / size.bigThreads);
  const bigThreads: number[] = [];
  let total = 0;
  const mean = size.messages / n;
  const mu = Math.log(mean) - 0.405;
  for (let i = 0; i < n; i++) {
    if (i % bigEvery === bigEvery - 1 && bigThreads.length < size.bigThreads) {
      sizes[i] = size.bigThreadSize;
      bigThreads.push(i);
    } else {
      const g = Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
      sizes[i] = Math.max(1, Math.min(150, Math.round(Math.exp(mu + 0.9 * g))));
    }
    total += sizes[i]!;
  }
  const isBig = new Set(bigThreads);
  let guard = 0;
  while (total !== size.messages && guard++ < 50_000_000) {
    const i = Math.floor(r() * n);
    if (isBig.has(i)) continue;
    if (total < size.messages && sizes[i]! < 150) {
      sizes[i]!++;
      total++;
    } else if (total > size.messages && sizes[i]! > 1) {
      sizes[i]!--;
      total--;
    }
  }
  const span = SPAN_DAYS * DAY;
  const threads: ThreadPlan[] = [];
  const peoplePerNetwork = Math.ceil(n * 0.7 / NETWORKS.length);
  for (let i = 0; i < n; i++) {
    const tr = rng(hash(seed, i, 0x7e));
    const network = weighted(tr, NETWORKS.map((net, k) => [net, NETWORK_WEIGHT[k]!] as const));
    const kind = weighted(tr, KINDS[network]);
    const lang = weighted(tr, LANG_WEIGHT);
    // Zipf-like reuse: the low person numbers write many threads.
    const person = Math.floor(peoplePerNetwork * Math.pow(tr(), 1.6));
    // Busier lately: more threads near the end of the span.
    const start = END_AT - span * Math.pow(tr(), 1.3) - DAY;
    threads.push({ network, kind, lang, person, size: sizes[i]!, start });
  }
  // Message times: gaps of minutes to hours; a thread of 200 lasts days.
  const msgThread = new Int32Array(size.messages);
  const msgPos = new Int32Array(size.messages);
  const msgAt = new Float64Array(size.messages);
  const key = new Float64Array(size.messages);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const t = threads[i]!;
    const mr = rng(hash(seed, i, 0x71));
    let at = t.start;
    for (let p = 0; p < t.size; p++) {
      if (p > 0) at += Math.min(3 * DAY, 60_000 * Math.exp(2 + 1.6 * Math.sqrt(-2 * Math.log(1 - mr())) * Math.cos(2 * Math.PI * mr())));
      const when = Math.min(Math.round(at), END_AT - 1000 - (t.size - p));
      msgThread[k] = i;
      msgPos[k] = p;
      msgAt[k] = when;
      // ~3% arrive late: a backfill a few hours to three days later.
      key[k] = when + (mr() < 0.03 ? mr() * 3 * DAY : 0);
      k++;
    }
  }
  const idx = new Uint32Array(size.messages);
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  idx.sort((a, b) => key[a]! - key[b]! || a - b);
  const order = { thread: new Int32Array(size.messages), pos: new Int32Array(size.messages), at: new Float64Array(size.messages) };
  for (let i = 0; i < idx.length; i++) {
    const j = idx[i]!;
    order.thread[i] = msgThread[j]!;
    order.pos[i] = msgPos[j]!;
    order.at[i] = msgAt[j]!;
  }
  const accounts: AccountRecord[] = NETWORKS.map((network, i) => ({
    id: i + 1,
    channel: 'demo',
    network,
    name: `Harbor Coffee · ${network}`,
    handle: '@harborcoffee',
    config: {},
  }));

  // The demo generator's texts, by network and direction.
  const pool = new Map<string, Array<{ text: string }>>();
  for (const net of NETWORKS) {
    const ins: Array<{ text: string }> = [];
    const outs: Array<{ text: string }> = [];
    for (let i = 0; i < size.poolPerNetwork; i++) {
      const m = generateMessage(seed, net, i);
      (m.direction === 'in' ? ins : outs).push({ text: m.text });
    }
    pool.set(`${net}:in`, ins);
    pool.set(`${net}:out`, outs);
  }
  const zipf = new Map<string, Zipf>();
  for (const [lang] of LANG_WEIGHT) zipf.set(lang, new Zipf(HEAD[lang]!));

  const textOf = (t: ThreadPlan, thread: number, pos: number, out: boolean): string => {
    const tr = rng(hash(seed, thread, pos, 0x7e27));
    const list = pool.get(`${t.network}:${out ? 'out' : 'in'}`)!;
    if (tr() < (out ? 0.7 : 0.5) && list.length) return list[Math.floor(tr() * list.length)]!.text;
    const z = zipf.get(t.lang)!;
    const shape = tr();
    const words = shape < 0.05 ? 1 : shape < 0.65 ? 4 + Math.floor(tr() * 11) : shape < 0.95 ? 15 + Math.floor(tr() * 31) : 60 + Math.floor(tr() * 190);
    const parts: string[] = [];
    for (let w = 0; w < words; w++) {
      parts.push(z.pick(tr));
      if (words > 8 && tr() < 0.08) parts[parts.length - 1] += tr() < 0.7 ? '.' : tr() < 0.5 ? '!' : '?';
    }
    if (tr() < 0.1) parts.splice(Math.floor(tr() * parts.length), 0, `#HC-${10000 + Math.floor(tr() * 89999)}`);
    if (!out && tr() < 0.2) for (let e = 1 + Math.floor(tr() * 3); e > 0; e--) parts.push(EMOJI[Math.floor(tr() * EMOJI.length)]!);
    let text = parts.join(t.lang === 'ja' ? '' : ' ');
    if (tr() < 0.15 && t.lang !== 'ja') text = text.toUpperCase();
    return out ? `${text} ^${'SPJLMN'[thread % 6]}` : text;
  };

  const personOf = (t: ThreadPlan) => {
    const pr = rng(hash(seed, NETWORKS.indexOf(t.network), t.person, 0x9e));
    const first = FIRST[Math.floor(pr() * FIRST.length)]!;
    const last = LAST[Math.floor(pr() * LAST.length)]!;
    const u = pr();
    const followerCount =
      t.network === 'telegram' || t.kind === 'dm' && t.network === 'facebook'
        ? null
        : t.person < 5
          ? 100_000 + Math.floor(pr() * 900_000)
          : Math.min(2_000_000, Math.floor(20 * Math.pow(1 - u, -1 / 0.9)) - 12);
    const handle = `${first}_${last}${t.person}`.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
    return { externalId: `${t.network}-u${t.person}`, handle: `@${handle}`, displayName: `${first} ${last}`, followerCount };
  };

  return {
    size,
    seed,
    threads,
    order,
    bigThreads,
    accounts,
    accountOf: (k) => NETWORKS.indexOf(threads[order.thread[k]!]!.network),
    message(k: number): NormalisedMessage {
      const ti = order.thread[k]!;
      const pos = order.pos[k]!;
      const t = threads[ti]!;
      const dr = rng(hash(seed, ti, pos, 0xd1));
      const out = pos > 0 && dr() < 0.45;
      const text = textOf(t, ti, pos, out);
      const customer = personOf(t);
      const createdAt = order.at[k]!;
      const externalId = `${t.network}-${ti}-${pos}`;
      const threadExternalId = `${t.network}-t${ti}`;
      return {
        externalId,
        threadExternalId,
        kind: t.kind,
        direction: out ? 'out' : 'in',
        customer,
        ...(out ? { authorName: 'Sam (Harbor Coffee)' } : {}),
        text,
        createdAt,
        raw: {
          id: externalId,
          conversation_id: threadExternalId,
          text,
          created_at: new Date(createdAt).toISOString(),
          author: out ? { id: 'brand', username: 'harborcoffee' } : { id: customer.externalId, username: customer.handle.slice(1), followers_count: customer.followerCount },
          lang: t.lang,
        },
      };
    },
  };
}
