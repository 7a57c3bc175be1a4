/**
 * The built-in Demo channel: an adapter like any other, with no credentials and no network.
 * Each demo account imitates one real network and plays back a stream of customer messages
 * (generate.ts) laid out in time: 14 days of history before `startedAt`, then a new message
 * every 25–75 s on average. Polling only reveals what is due by `ctx.now()`.
 *
 * Cursor of a stream: "<g>:<f>".
 *   g: the highest generated message index this stream has looked at; every message of the
 *      stream with an index <= g has been delivered. -1 before the first poll.
 *   f: how many of this stream's follow-ups (customer answers to the agent's replies, kept in
 *      ctx.state as fu:<stream>:1, fu:<stream>:2, ...) have been delivered.
 * Both parts only grow, and the same cursor always yields the same items, so a poll whose
 * commit was lost is simply repeated.
 */
import type { Network, ThreadKind } from '../../../preload/contract';
import {
  ChannelError,
  type AdapterFactory,
  type AdapterState,
  type NormalisedMessage,
  type OutgoingReply,
  type PollResult,
  type ReplyWindow,
  type SentReceipt,
} from '../types';
import { KIND_STREAM, NETWORK_KINDS, generateFollowUp, generateMessage, hash, hashString, kindAt, lastIndexAt, lengthRule, measure, seedOf } from './generate';

export { generateMessage } from './generate';

/** What a demo account keeps in `accounts.config`. */
export interface DemoConfig {
  /** Informational: the account's own `network` decides. */
  network?: Network;
  seed: number;
  /** When the account went live (ms); history is the 14 days before. */
  startedAt: number;
  /** Every nth send fails with a transient error, to exercise the outbox's retries. */
  failEveryNth?: number;
}

const PAGE = 200;
const HOUR = 3_600_000;
/** About one reply in six gets a customer answer a minute or two later. */
const FOLLOW_UP_ONE_IN = 6;

export const createDemoAdapter: AdapterFactory = (ctx) => {
  const { account, state } = ctx;
  const network = account.network;
  const config = account.config as Partial<DemoConfig>;
  const seed = typeof config.seed === 'number' && Number.isFinite(config.seed) ? config.seed : account.id;
  const startedAt = resolveStartedAt(config.startedAt, state, ctx.now);
  const failEveryNth = typeof config.failEveryNth === 'number' && config.failEveryNth >= 1 ? Math.floor(config.failEveryNth) : 0;
  const brandHandle = account.handle.trim() || undefined;
  const genOpts = { startedAt, brandHandle };
  const kinds = NETWORK_KINDS[network];
  const streams = kinds.map((k) => KIND_STREAM[k]);

  const kindOfStream = (stream: string): ThreadKind => {
    const kind = kinds.find((k) => KIND_STREAM[k] === stream);
    if (!kind) throw new ChannelError('bad_payload', `Demo channel: ${network} has no stream "${stream}"`);
    return kind;
  };

  const followUp = (stream: string, n: number): NormalisedMessage | null => {
    const json = state.get(`fu:${stream}:${n}`);
    return json === null ? null : (JSON.parse(json) as NormalisedMessage);
  };

  return {
    channel: 'demo',
    network,
    streams,
    pollIntervalSeconds: 15,
    limits: {
      lengthRule: (kind) => lengthRule(network, kind),
      replyWindow: (kind, customerLastMessageAt) => replyWindow(network, kind, customerLastMessageAt),
    },

    async poll(stream: string, cursor: string | null): Promise<PollResult> {
      const kind = kindOfStream(stream);
      const now = ctx.now();
      let { g, f } = parseCursor(cursor);
      const items: NormalisedMessage[] = [];

      // Follow-ups first: they answer the agent, and must not wait behind a page of history.
      // They are taken in order; one not yet due holds back those scheduled after it (by seconds).
      const fuCount = readInt(state, `fu:${stream}:count`);
      while (f < fuCount && items.length < PAGE) {
        const m = followUp(stream, f + 1);
        if (m && m.createdAt > now) break;
        if (m) items.push(m);
        f++;
      }

      const last = lastIndexAt(seed, network, startedAt, now);
      while (g < last && items.length < PAGE) {
        g++;
        if (kindAt(seed, network, g) === kind) items.push(generateMessage(seed, network, g, genOpts));
      }

      let more = false;
      if (f < fuCount) {
        const m = followUp(stream, f + 1);
        more = m !== null && m.createdAt <= now;
      }
      for (let x = g + 1; !more && x <= last; x++) if (kindAt(seed, network, x) === kind) more = true;

      return { items, rejected: [], nextCursor: `${g}:${f}`, more };
    },

    async send(reply: OutgoingReply): Promise<SentReceipt> {
      const known = findReceipt(state, reply.idempotencyKey);
      // Like a platform honouring Idempotency-Key: the same key gets the first receipt back.
      if (known) return known;
      const window = replyWindow(network, reply.kind, reply.customerLastMessageAt);
      const closesAt = window ? (window.humanAgentUntil ?? window.standardUntil) : null;
      if (closesAt !== null && ctx.now() > closesAt) {
        throw new ChannelError('refused', `Demo channel: ${network} accepts no replies more than 7 days after the customer's last message`);
      }
      const rule = lengthRule(network, reply.kind);
      const length = measure(reply.text, rule.count);
      if (reply.text.trim() === '') throw new ChannelError('refused', 'Demo channel: the reply is empty');
      if (length > rule.max) {
        throw new ChannelError('refused', `Demo channel: the reply is ${length} long (${rule.count}); ${network} accepts at most ${rule.max}`);
      }
      const attempt = readInt(state, 'send.attempts') + 1;
      state.set('send.attempts', String(attempt));
      if (failEveryNth > 0 && attempt % failEveryNth === 0) throw new ChannelError('transient', 'Demo channel: simulated network error');

      const n = readInt(state, 'send.count') + 1;
      state.set('send.count', String(n));
      const receipt: SentReceipt = { externalId: `demo-out-${n}`, sentAt: ctx.now() };
      state.set(`sent:${reply.idempotencyKey}`, JSON.stringify(receipt));

      const h = hash(seedOf(seed), hashString(reply.idempotencyKey));
      const stream = KIND_STREAM[reply.kind];
      if (h % FOLLOW_UP_ONE_IN === 0 && streams.includes(stream)) {
        const id = readInt(state, 'fu.total') + 1;
        const dueAt = receipt.sentAt + 60_000 + (Math.floor(h / FOLLOW_UP_ONE_IN) % 90_000);
        const m = generateFollowUp(
          seed,
          network,
          { threadExternalId: reply.threadExternalId, kind: reply.kind, customerExternalId: reply.customerExternalId, replyText: reply.text, replyExternalId: receipt.externalId },
          id,
          dueAt,
          brandHandle,
        );
        if (m) {
          const count = readInt(state, `fu:${stream}:count`) + 1;
          state.set('fu.total', String(id));
          state.set(`fu:${stream}:${count}`, JSON.stringify(m));
          state.set(`fu:${stream}:count`, String(count));
        }
      }
      return receipt;
    },

    async findSent(reply: OutgoingReply): Promise<SentReceipt | null> {
      return findReceipt(state, reply.idempotencyKey);
    },
  };
};

/**
 * A demo Facebook or Instagram account keeps Meta's messaging window, like the real ones, so the
 * console's window handling can be seen without a Page: standard replies for 24 hours after the
 * customer's last message, a human agent's for 7 days.
 */
function replyWindow(network: Network, kind: ThreadKind, customerLastMessageAt: number | null): ReplyWindow | null {
  if ((network !== 'facebook' && network !== 'instagram') || kind !== 'dm' || customerLastMessageAt === null) return null;
  return { standardUntil: customerLastMessageAt + 24 * HOUR, humanAgentUntil: customerLastMessageAt + 7 * 24 * HOUR };
}

/**
 * Without a recorded start the stream would shift at every launch and nothing would match
 * what is stored; the first adapter made for the account pins one in its state instead.
 */
function resolveStartedAt(configured: unknown, state: AdapterState, now: () => number): number {
  if (typeof configured === 'number' && Number.isFinite(configured)) return configured;
  const kept = Number(state.get('demo.startedAt'));
  if (Number.isFinite(kept) && kept > 0) return kept;
  const at = now();
  state.set('demo.startedAt', String(at));
  return at;
}

/** An unreadable cursor starts the stream over: upserts make the repeat harmless. */
function parseCursor(cursor: string | null): { g: number; f: number } {
  const m = cursor === null ? null : /^(-1|\d+)(?::(\d+))?$/.exec(cursor);
  if (!m) return { g: -1, f: 0 };
  return { g: Number(m[1]), f: Number(m[2] ?? 0) };
}

function readInt(state: AdapterState, key: string): number {
  const n = Number(state.get(key) ?? 0);
  return Number.isSafeInteger(n) && n > 0 ? n : 0;
}

function findReceipt(state: AdapterState, idempotencyKey: string): SentReceipt | null {
  const json = state.get(`sent:${idempotencyKey}`);
  return json === null ? null : (JSON.parse(json) as SentReceipt);
}
