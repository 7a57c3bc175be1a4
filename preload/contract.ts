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
export const INBOX_FILTERS = ['open', 'pending', 'snoozed', 'resolved', 'all'] as const;
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
  /** The colleague or queue the thread was handed to. */
  assignee: string | null;
  labels: Label[];
  snoozedUntil: number | null;
  /** The oldest customer message not answered yet. */
  awaitingSince: number | null;
  sla: SlaClock | null;
}

export interface Label {
  id: number;
  name: string;
  /** A CSS colour (#rrggbb). */
  color: string;
}

/** The response-time target of a thread waiting for us. Null when nothing waits. */
export interface SlaClock {
  kind: 'first' | 'next';
  /** When the target is breached (already moved on by any time spent paused). */
  dueAt: number;
  state: 'ok' | 'warning' | 'breached' | 'paused';
}

/** A private note on a thread: never sent to the customer. */
export interface Note {
  id: number;
  threadId: number;
  author: string;
  text: string;
  createdAt: number;
}

/** One entry of a thread's event log, in words. */
export interface ThreadEventView {
  id: number;
  at: number;
  actor: string;
  kind: string;
  summary: string;
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
  notes: Note[];
  events: ThreadEventView[];
  /** Someone else (another device, a colleague) answered after the customer's last message. */
  answeredElsewhere: boolean;
}

export interface Identity {
  id: number;
  network: Network;
  handle: string;
  displayName: string;
  followerCount: number | null;
}

export interface TimelineEntry {
  messageId: number;
  threadId: number;
  network: Network;
  kind: ThreadKind;
  direction: Direction;
  authorName: string;
  text: string;
  createdAt: number;
}

/** One customer across networks: linked identities, every thread, one timeline. */
export interface CustomerProfile {
  id: number;
  displayName: string;
  note: string;
  vip: boolean;
  identities: Identity[];
  threads: ThreadSummary[];
  timeline: TimelineEntry[];
  /** Other customers who look like the same person (same handle or name on another network). */
  suggestions: Array<{ customerId: number; displayName: string; handle: string; network: Network; reason: string }>;
}

export interface Assignee {
  id: number;
  name: string;
  kind: 'person' | 'queue';
}

export interface SearchFilters {
  networks?: Network[];
  accountIds?: number[];
  statuses?: ThreadStatus[];
  labelIds?: number[];
  assignee?: string;
  /** ms since epoch, inclusive. */
  from?: number;
  /** ms since epoch, exclusive. */
  to?: number;
  direction?: Direction;
  customerId?: number;
}

export interface SavedSearch {
  id: number;
  name: string;
  query: string;
  filters: SearchFilters;
}

export interface Stat {
  count: number;
  medianMs: number | null;
  p90Ms: number | null;
}

export interface Report {
  from: number;
  to: number;
  /** Customer messages per day and network; days are local dates (YYYY-MM-DD). */
  volume: Array<{ day: string; network: Network; count: number }>;
  firstResponse: Stat;
  resolution: Stat;
  sla: { met: number; breached: number; waitingBreached: number };
  byLabel: Array<{ label: string; color: string; threads: number; firstResponse: Stat }>;
  byNetwork: Array<{ network: Network; threads: number; firstResponse: Stat }>;
}

export interface ExportFile {
  filename: string;
  mimeType: string;
  content: string;
}

export interface CrisisStatus {
  active: boolean;
  /** Switched on by an agent (stays on until switched off) rather than detected. */
  manual: boolean;
  since: number | null;
  /** Negative customer messages in the current window, and the usual number for such a window. */
  recentNegative: number;
  baseline: number;
  windowMinutes: number;
  reason: string;
  spikeThreadIds: number[];
}

export interface SlaTargets {
  /** Minutes, per network: to the first reply, and to each next reply. */
  [network: string]: { firstMinutes: number; nextMinutes: number };
}

export interface CannedResponse {
  id: number;
  title: string;
  /** Part of the crisis set: listed first while crisis mode is on. */
  crisis: boolean;
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
const timestamp = z.number().int().min(0).max(8_640_000_000_000_000);
const searchFilters = z
  .object({
    networks: z.array(z.enum(CHANNELS).exclude(['demo'])).max(10).optional(),
    accountIds: z.array(id).max(100).optional(),
    statuses: z.array(z.enum(THREAD_STATUSES)).max(4).optional(),
    labelIds: z.array(id).max(100).optional(),
    assignee: z.string().max(100).optional(),
    from: timestamp.optional(),
    to: timestamp.optional(),
    direction: z.enum(['in', 'out']).optional(),
    customerId: id.optional(),
  })
  .strict();
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
        crisis: z.boolean().default(false),
      })
      .strict(),
  ),
  'canned.delete': request<null>()(z.object({ id }).strict()),
  'search.messages': request<Page<SearchHit>>()(
    z
      .object({ query: z.string().max(1000), limit: z.number().int().min(1).max(200).default(50), filters: searchFilters.default({}) })
      .strict(),
  ),
  'searches.list': request<SavedSearch[]>()(none),
  'searches.save': request<SavedSearch>()(
    z.object({ name: z.string().trim().min(1).max(100), query: z.string().max(1000), filters: searchFilters }).strict(),
  ),
  'searches.delete': request<null>()(z.object({ id }).strict()),
  'threads.snooze': request<ThreadSummary>()(z.object({ threadId: id, until: timestamp }).strict()),
  /** Hands the thread to a colleague or queue (null: take it back), with an optional private note. */
  'threads.assign': request<ThreadSummary>()(
    z.object({ threadId: id, assignee: z.string().trim().min(1).max(100).nullable(), note: z.string().max(10_000).optional() }).strict(),
  ),
  /** Adds labels by name (created on the fly) and removes labels by id. */
  'threads.label': request<ThreadSummary>()(
    z
      .object({
        threadId: id,
        add: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
        remove: z.array(id).max(50).default([]),
      })
      .strict(),
  ),
  'threads.bulk': request<{ changed: number }>()(
    z
      .object({
        threadIds: z.array(id).min(1).max(1000),
        action: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('status'), status: z.enum(THREAD_STATUSES) }).strict(),
          z.object({ kind: z.literal('label'), name: z.string().trim().min(1).max(60) }).strict(),
          z.object({ kind: z.literal('assign'), assignee: z.string().trim().min(1).max(100).nullable() }).strict(),
          z.object({ kind: z.literal('snooze'), until: timestamp }).strict(),
        ]),
        /** During a crisis, bulk actions wait for this explicit confirmation. */
        confirmCrisis: z.boolean().default(false),
      })
      .strict(),
  ),
  'notes.add': request<Note>()(z.object({ threadId: id, text: longText.trim().min(1) }).strict()),
  'labels.list': request<Label[]>()(none),
  'labels.save': request<Label>()(
    z.object({ id: id.optional(), name: z.string().trim().min(1).max(60), color: z.string().regex(/^#[0-9a-fA-F]{6}$/) }).strict(),
  ),
  'labels.delete': request<null>()(z.object({ id }).strict()),
  'assignees.list': request<Assignee[]>()(none),
  'assignees.save': request<Assignee>()(z.object({ name: z.string().trim().min(1).max(100), kind: z.enum(['person', 'queue']) }).strict()),
  'customers.get': request<CustomerProfile>()(z.object({ customerId: id }).strict()),
  'customers.update': request<CustomerProfile>()(
    z.object({ customerId: id, note: z.string().max(20_000).optional(), vip: z.boolean().optional() }).strict(),
  ),
  /** Links two customers as one person: the other's identities and threads move to this one. */
  'customers.link': request<CustomerProfile>()(z.object({ customerId: id, otherCustomerId: id }).strict()),
  /** Splits an identity off into a customer of its own (undoes a wrong link). */
  'customers.unlink': request<CustomerProfile>()(z.object({ identityId: id }).strict()),
  'reports.get': request<Report>()(z.object({ from: timestamp, to: timestamp }).strict()),
  'export.thread': request<ExportFile>()(z.object({ threadId: id, format: z.enum(['html', 'json']) }).strict()),
  'export.period': request<ExportFile>()(z.object({ from: timestamp, to: timestamp, format: z.enum(['csv', 'json']) }).strict()),
  'canned.export': request<ExportFile>()(z.object({ format: z.enum(['csv', 'json']) }).strict()),
  'canned.import': request<{ added: number; updated: number; skipped: string[] }>()(
    z.object({ format: z.enum(['csv', 'json']), content: z.string().max(5_000_000) }).strict(),
  ),
  'crisis.status': request<CrisisStatus>()(none),
  'crisis.set': request<CrisisStatus>()(z.object({ on: z.boolean() }).strict()),
  'sla.get': request<SlaTargets>()(none),
  'sla.save': request<SlaTargets>()(
    z.partialRecord(z.enum(CHANNELS), z.object({ firstMinutes: z.number().int().min(1).max(100_000), nextMinutes: z.number().int().min(1).max(100_000) }).strict()),
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
  'threads.changed': { threadIds: number[]; reason: 'poll' | 'status' | 'reply' | 'read' | 'workflow' };
  'outbox.changed': { messageId: number; threadId: number; state: SendState; error: string | null };
  'accounts.changed': { accounts: AccountSummary[] };
  'crisis.changed': CrisisStatus;
}
export type EventKey = keyof Events;
export const EVENT_KEYS: EventKey[] = ['threads.changed', 'outbox.changed', 'accounts.changed', 'crisis.changed'];

/** What both preloads put on `window.care`. */
export interface CareApi {
  invoke<K extends RequestKey>(key: K, arg: Arg<K>): Promise<Reply<Result<K>>>;
  on<E extends EventKey>(event: E, listener: (payload: Events[E]) => void): () => void;
}

/** Prefix for Electron IPC channel names, derived from the keys above, never written by hand. */
export const IPC_PREFIX = 'care:';
