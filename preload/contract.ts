/**
 * The one contract between the renderer and main: every request with its argument schema and
 * result type, and every pushed event with its payload type. Both hosts (Electron IPC and the
 * headless HTTP host) carry exactly this; main validates each argument against its schema once,
 * at the boundary, and answers with a `Reply`.
 *
 * The renderer imports this file for types only.
 */
import { z } from 'zod';

// ---------------------------------------------------------------------------------------------
// Domain shapes shown on screen

/** Networks a thread can come from. `demo` is the built-in channel that needs no credentials. */
export const CHANNELS = ['demo', 'x', 'facebook', 'instagram', 'telegram', 'mastodon', 'bluesky'] as const;
export type Channel = (typeof CHANNELS)[number];
/** The network a thread looks like on screen; a demo account imitates one of the real ones. */
export type Network = Exclude<Channel, 'demo'>;

export const THREAD_STATUSES = ['open', 'pending', 'snoozed', 'resolved'] as const;
export type ThreadStatus = (typeof THREAD_STATUSES)[number];
export type ThreadKind = 'dm' | 'mention' | 'comment';
export type Direction = 'in' | 'out';
/** Where an outgoing message stands. `unknown`: the request may have left; the agent decides. */
export type SendState = 'queued' | 'sending' | 'sent' | 'failed' | 'unknown';
export const INBOX_FILTERS = ['open', 'resolved', 'all'] as const;
export type InboxFilter = (typeof INBOX_FILTERS)[number];

/** How a channel counts the length of a reply, and the most it takes. */
export interface LengthRule {
  /** utf16: JS string length (Telegram); codepoints; graphemes (Bluesky); bytes: UTF-8 (Instagram); x-weighted: X's weighted count. */
  count: 'utf16' | 'codepoints' | 'graphemes' | 'bytes' | 'x-weighted';
  max: number;
}

export interface ThreadSummary {
  id: number;
  accountId: number;
  accountName: string;
  channel: Channel;
  network: Network;
  kind: ThreadKind;
  status: ThreadStatus;
  /** 0..100, higher answers first. */
  priority: number;
  /** Why the thread ranks where it does, in words ("48.2k followers", "angry", "waiting 3 h"). */
  priorityReasons: string[];
  unread: boolean;
  customerId: number;
  customerName: string;
  customerHandle: string;
  followerCount: number | null;
  snippet: string;
  lastDirection: Direction;
  lastMessageAt: number;
  lastInboundAt: number | null;
  lastOutboundAt: number | null;
  messageCount: number;
}

export interface Message {
  id: number;
  threadId: number;
  direction: Direction;
  authorName: string;
  authorHandle: string | null;
  text: string;
  createdAt: number;
  /** Null for inbound messages and for outbound ones seen on the channel (sent elsewhere). */
  sendState: SendState | null;
  sendError: string | null;
  externalId: string | null;
}

export interface CustomerCard {
  id: number;
  displayName: string;
  handle: string;
  network: Network;
  followerCount: number | null;
  firstSeenAt: number;
  otherThreads: ThreadSummary[];
}

export interface AccountSummary {
  id: number;
  channel: Channel;
  network: Network;
  name: string;
  handle: string;
  state: 'active' | 'paused' | 'needs_reauth';
  lastPollAt: number | null;
  nextPollAt: number | null;
  lastError: string | null;
  /** The platform's rate-limit budget as last seen, in words ("412 of 450 left until 14:05"). */
  rateBudget: string | null;
  /** A problem the agent can fix from the app (e.g. a Telegram webhook blocking polling). */
  fix: 'remove_webhook' | 'reconnect' | null;
}

/** What connecting an account of a channel asks for, and where to get it. */
export interface ChannelSetupInfo {
  channel: Channel;
  label: string;
  help: string;
  docsUrl: string;
  fields: Array<{ key: string; label: string; secret: boolean; placeholder?: string; optional?: boolean }>;
}

/** A platform's messaging window for one conversation (Meta: 24 h, HUMAN_AGENT up to 7 days). */
export interface ReplyWindow {
  standardUntil: number;
  humanAgentUntil: number | null;
}

export interface ThreadDetail {
  thread: ThreadSummary;
  messages: Message[];
  customer: CustomerCard;
  account: AccountSummary;
  lengthRule: LengthRule;
  /** Null when the channel sets no window on this thread. */
  replyWindow: ReplyWindow | null;
}

export interface CannedResponse {
  id: number;
  title: string;
  /** Typed as `;shortcut` + Tab in the composer. Lower-case letters, digits, `-` and `_`. */
  shortcut: string;
  body: string;
  useCount: number;
  updatedAt: number;
}

export interface SearchHit {
  messageId: number;
  threadId: number;
  /** Message text around the match; matched terms are wrapped in HIGHLIGHT_START/END (shared/highlight). */
  snippet: string;
  direction: Direction;
  createdAt: number;
  customerName: string;
  network: Network;
  status: ThreadStatus;
}


export interface Settings {
  agentName: string;
  agentSignature: string;
}

export interface AppInfo {
  version: string;
  host: 'electron' | 'web';
  dbPath: string;
  platform: string;
}

export interface Page<T> {
  items: T[];
  total: number;
}

// ---------------------------------------------------------------------------------------------
// Requests

const id = z.number().int().positive();
const none = z.object({}).strict();
/** Text a person wrote: generous bound so a pasted essay is refused clearly, not truncated. */
const longText = z.string().max(100_000);

/** Pairs a request's argument schema with its result type; the result exists only as a type. */
function request<R>() {
  return <A extends z.ZodType>(arg: A) => ({ arg, result: undefined as unknown as R });
}

export const requests = {
  'app.info': request<AppInfo>()(none),
  'accounts.list': request<AccountSummary[]>()(none),
  /** The channels an account can be connected on, with the fields each asks for. */
  'channels.list': request<ChannelSetupInfo[]>()(none),
  /** Checks the credentials with the platform, keeps secrets in the OS keychain, starts polling. */
  'accounts.connect': request<AccountSummary>()(
    z
      .object({
        channel: z.enum(CHANNELS),
        fields: z.record(z.string().max(100), z.string().max(10_000)),
        /** Reconnects this account (new credentials) instead of adding one. */
        accountId: id.optional(),
      })
      .strict(),
  ),
  /** Forgets the account's credentials and stops polling; its conversations stay for review. */
  'accounts.disconnect': request<AccountSummary>()(z.object({ accountId: id }).strict()),
  'accounts.pollNow': request<AccountSummary>()(z.object({ accountId: id }).strict()),
  /** Telegram: removes the bot's webhook, which blocks polling. */
  'accounts.removeWebhook': request<AccountSummary>()(z.object({ accountId: id }).strict()),
  'threads.list': request<Page<ThreadSummary>>()(
    z
      .object({
        filter: z.enum(INBOX_FILTERS),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
  ),
  'threads.get': request<ThreadDetail>()(z.object({ threadId: id }).strict()),
  'threads.setStatus': request<ThreadSummary>()(
    z.object({ threadId: id, status: z.enum(THREAD_STATUSES) }).strict(),
  ),
  'threads.markUnread': request<ThreadSummary>()(z.object({ threadId: id, unread: z.boolean() }).strict()),
  /** Reverts the agent's most recent status change that has not been undone yet. */
  'threads.undo': request<{ threadId: number; status: ThreadStatus } | null>()(none),
  'reply.send': request<Message>()(
    z
      .object({
        threadId: id,
        text: longText.min(1),
        /** Made by the renderer when the agent presses send; a repeated press is the same reply. */
        idempotencyKey: z.string().min(8).max(100),
        cannedIds: z.array(id).max(50).default([]),
      })
      .strict(),
  ),
  /** Sends a failed or "may have been sent" reply again, on the agent's decision. */
  'reply.retry': request<Message>()(z.object({ messageId: id }).strict()),
  /** Marks a "may have been sent" reply as sent after the agent checked the channel. */
  'reply.confirmSent': request<Message>()(z.object({ messageId: id }).strict()),
  'canned.list': request<CannedResponse[]>()(none),
  'canned.save': request<CannedResponse>()(
    z
      .object({
        id: id.optional(),
        title: z.string().trim().min(1).max(200),
        shortcut: z
          .string()
          .trim()
          .max(40)
          .regex(/^[a-z0-9_-]*$/, 'shortcut: lower-case letters, digits, - and _ only'),
        body: longText.min(1),
      })
      .strict(),
  ),
  'canned.delete': request<null>()(z.object({ id }).strict()),
  'search.messages': request<Page<SearchHit>>()(
    z.object({ query: z.string().max(1000), limit: z.number().int().min(1).max(200).default(50) }).strict(),
  ),
  'settings.get': request<Settings>()(none),
  'settings.save': request<Settings>()(
    z.object({ agentName: z.string().trim().max(100), agentSignature: z.string().max(1000) }).strict(),
  ),
} as const;

export type Requests = typeof requests;
export type RequestKey = keyof Requests;
/** What a caller passes (defaults may be left out). */
export type Arg<K extends RequestKey> = z.input<Requests[K]['arg']>;
/** What a handler receives (after the schema filled the defaults). */
export type ParsedArg<K extends RequestKey> = z.output<Requests[K]['arg']>;
export type Result<K extends RequestKey> = Requests[K]['result'];
export const REQUEST_KEYS = Object.keys(requests) as RequestKey[];

export interface CareError {
  /** bad_request: the argument did not fit the schema; not_found; conflict; refused: a rule said no; internal. */
  code: 'bad_request' | 'not_found' | 'conflict' | 'refused' | 'unauthorized' | 'internal';
  message: string;
}
export type Reply<T> = { ok: true; value: T } | { ok: false; error: CareError };

/** main's handler object must `satisfies Handlers`: a missing or mistyped handler fails to compile. */
export type Handlers = {
  [K in RequestKey]: (arg: ParsedArg<K>) => Result<K> | Promise<Result<K>>;
};

// ---------------------------------------------------------------------------------------------
// Events pushed from main

export interface Events {
  /** Threads whose list row or content changed; the renderer re-reads what it shows. */
  'threads.changed': { threadIds: number[]; reason: 'poll' | 'status' | 'reply' | 'read' };
  'outbox.changed': { messageId: number; threadId: number; state: SendState; error: string | null };
  'accounts.changed': { accounts: AccountSummary[] };
}
export type EventKey = keyof Events;
export const EVENT_KEYS: EventKey[] = ['threads.changed', 'outbox.changed', 'accounts.changed'];

/** What both preloads put on `window.care`. */
export interface CareApi {
  invoke<K extends RequestKey>(key: K, arg: Arg<K>): Promise<Reply<Result<K>>>;
  on<E extends EventKey>(event: E, listener: (payload: Events[E]) => void): () => void;
}

/** Prefix for Electron IPC channel names, derived from the keys above, never written by hand. */
export const IPC_PREFIX = 'care:';
