/**
 * What every channel adapter implements, and the normalised shapes it hands to the poller.
 * Adapters know the platform's API; they never touch the database. The poller stores what they
 * return; the outbox calls `send`.
 */
import type { Channel, LengthRule, Network, ThreadKind } from '../../preload/contract';

/** A person on a platform, as the platform describes them. */
export interface NormalisedIdentity {
  externalId: string;
  handle: string;
  displayName: string;
  followerCount: number | null;
}

/** One message seen on a channel, customer's or the brand's own. */
export interface NormalisedMessage {
  /** The platform's id of this message; unique per account. */
  externalId: string;
  /** The platform's id of the conversation this belongs to (DM conversation, root post ...). */
  threadExternalId: string;
  kind: ThreadKind;
  /** `out`: the brand's own message seen on the channel (sent from elsewhere). */
  direction: 'in' | 'out';
  /** The customer of the conversation (for `out`, the person the brand answered). */
  customer: NormalisedIdentity;
  /** Who wrote it, when it is not the customer (the brand account, a colleague). */
  authorName?: string;
  text: string;
  createdAt: number;
  /** The platform's own object, kept beside the row for later re-parsing. */
  raw: unknown;
}

/** A payload the adapter could not understand: recorded with its raw body, polling goes on. */
export interface RejectedItem {
  reason: string;
  raw: unknown;
}

export interface PollResult {
  items: NormalisedMessage[];
  rejected: RejectedItem[];
  /** Cursor to store once the items are committed; null keeps the old one. */
  nextCursor: string | null;
  /** True when the platform has more right away (the poller asks again without waiting). */
  more: boolean;
}

/** What the outbox asks an adapter to send. */
export interface OutgoingReply {
  /** The outbox's idempotency key; adapters pass it on where the platform accepts one. */
  idempotencyKey: string;
  threadExternalId: string;
  kind: ThreadKind;
  /** The customer message being answered (for public replies). */
  inReplyToExternalId: string | null;
  customerExternalId: string;
  /** When the customer last wrote (messaging windows: Meta's 24 h / HUMAN_AGENT 7 days). */
  customerLastMessageAt: number | null;
  text: string;
}

export interface SentReceipt {
  externalId: string;
  sentAt: number;
}

/** A platform's messaging window for one conversation. */
export interface ReplyWindow {
  /** Standard replies are allowed until then (ms since epoch). */
  standardUntil: number;
  /** A human agent's reply (e.g. Meta's HUMAN_AGENT tag) is allowed until then; null: no such extension. */
  humanAgentUntil: number | null;
}

export interface ChannelLimits {
  lengthRule(kind: ThreadKind): LengthRule;
  /** Null when the channel has no window for this kind of thread (public posts, most networks). */
  replyWindow?(kind: ThreadKind, customerLastMessageAt: number | null): ReplyWindow | null;
}

/** Small persistent key/value store the adapter may keep state in (per account). */
export interface AdapterState {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

export interface ChannelAdapter {
  readonly channel: Channel;
  /** The network the threads are shown as (a demo account imitates a real one). */
  readonly network: Network;
  /** The streams this account polls, e.g. ['mentions', 'dms']. */
  readonly streams: readonly string[];
  /** Seconds between polls of a stream when nothing is wrong. */
  readonly pollIntervalSeconds: number;
  readonly limits: ChannelLimits;
  poll(stream: string, cursor: string | null): Promise<PollResult>;
  send(reply: OutgoingReply): Promise<SentReceipt>;
  /**
   * Looks on the channel for a reply sent with this idempotency key, after a crash left its
   * outcome unknown. `undefined` when the platform offers no way to tell.
   */
  findSent?(reply: OutgoingReply): Promise<SentReceipt | null>;
}

/** Typed failures; the poller and the outbox decide by `kind`, and show `message` to people. */
export type ChannelErrorKind = 'rate_limited' | 'auth_failed' | 'transient' | 'bad_payload' | 'refused';

export class ChannelError extends Error {
  readonly kind: ChannelErrorKind;
  /** For rate_limited (and transient with Retry-After): when to try again, ms since epoch. */
  readonly retryAt: number | null;
  /** True when the request may have reached the platform (timeout after sending, reset mid-response). */
  readonly mayHaveLeft: boolean;

  constructor(
    kind: ChannelErrorKind,
    message: string,
    opts: { retryAt?: number | null; mayHaveLeft?: boolean; cause?: unknown } = {},
  ) {
    super(message, { cause: opts.cause });
    this.name = 'ChannelError';
    this.kind = kind;
    this.retryAt = opts.retryAt ?? null;
    this.mayHaveLeft = opts.mayHaveLeft ?? false;
  }
}

export interface AccountRecord {
  id: number;
  channel: Channel;
  network: Network;
  name: string;
  handle: string;
  /** Non-secret settings (base URL, page id ...). Secrets live in the OS keychain only. */
  config: Record<string, unknown>;
}

/**
 * The account's secrets (tokens, app passwords, sessions), kept in the OS keychain only. An
 * adapter reads them when it needs them and may replace them (a refreshed session).
 */
export interface SecretStore {
  get(name: string): Promise<string | null>;
  set(name: string, value: string): Promise<void>;
}

export interface AdapterContext {
  account: AccountRecord;
  state: AdapterState;
  secrets: SecretStore;
  now: () => number;
  /** Injected so tests can count and fault requests; the global fetch in the app. */
  fetch: typeof fetch;
}

/** What connecting an account asks of a person, shown in the connect dialog. */
export interface ChannelSetup {
  channel: Channel;
  label: string;
  /** Plain words: what to create where, which permissions. */
  help: string;
  docsUrl: string;
  fields: Array<{ key: string; label: string; secret: boolean; placeholder?: string; optional?: boolean }>;
}

export type AdapterFactory = (ctx: AdapterContext) => ChannelAdapter;

/**
 * Checks freshly pasted credentials against the platform and says who they belong to, before
 * anything is stored. Config holds the non-secret fields of the form, secrets the secret ones.
 */
export type AccountVerifier = (input: {
  config: Record<string, unknown>;
  secrets: Record<string, string>;
  fetch: typeof fetch;
}) => Promise<{ name: string; handle: string; externalId: string; config?: Record<string, unknown> }>;

/** Everything the app knows about one channel: how to build its adapter, check credentials, ask for them. */
export interface ChannelModule {
  create: AdapterFactory;
  verify?: AccountVerifier;
  setup?: ChannelSetup;
  /** Channel-specific repairs the agent can trigger (Telegram's webhook removal). */
  removeWebhook?: (ctx: AdapterContext) => Promise<void>;
}
