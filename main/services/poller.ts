/**
 * The poller owns scheduling: per account and stream, a jittered interval when all is well,
 * exponential backoff with full jitter on failures, the platform's own retry time when it gives
 * one, and a stop on refused credentials. Cursors advance only in the transaction that stored the
 * items they cover.
 */
import { setAccountState } from '../../db/accounts';
import { getCursor, recordPollFailure, recordPollSuccess, recordRejected } from '../../db/cursors';
import type { Db } from '../../db/open';
import type { EventBus } from '../api/events';
import { ChannelError, type AccountRecord, type ChannelAdapter } from '../channels/types';
import { fullJitter, jittered } from './backoff';
import type { Clock } from './clock';
import { ingest } from './ingest';

export interface PolledAccount {
  account: AccountRecord;
  adapter: ChannelAdapter;
}

export interface PollerDeps {
  db: Db;
  clock: Clock;
  bus: EventBus;
  accounts: () => PolledAccount[];
  onAccountsChanged: () => void;
  random?: () => number;
  log?: (msg: string) => void;
}

/** Pages fetched back-to-back in one round before yielding to other streams. */
const MAX_PAGES_PER_ROUND = 50;
const BACKOFF_BASE_MS = 5_000;
const BACKOFF_CAP_MS = 15 * 60_000;

export class Poller {
  private readonly timers = new Map<string, { cancel(): void }>();
  private readonly running = new Set<string>();
  private stopped = true;

  constructor(private readonly deps: PollerDeps) {}

  start(): void {
    this.stopped = false;
    for (const { account, adapter } of this.deps.accounts()) {
      for (const stream of adapter.streams) {
        const due = getCursor(this.deps.db, account.id, stream)?.nextPollAt ?? 0;
        this.schedule(account.id, stream, Math.max(0, due - this.deps.clock.now()));
      }
    }
  }

  /** Starts polling one account now (just connected or reconnected). */
  watch(accountId: number): void {
    const entry = this.deps.accounts().find((a) => a.account.id === accountId);
    if (!entry) return;
    for (const stream of entry.adapter.streams) this.schedule(accountId, stream, 0);
  }

  /** Stops polling one account (disconnected); its data stays. */
  unwatch(accountId: number): void {
    for (const [key, timer] of this.timers) {
      if (key.startsWith(`${accountId}:`)) {
        timer.cancel();
        this.timers.delete(key);
      }
    }
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers.values()) t.cancel();
    this.timers.clear();
  }

  /** Polls every stream of every active account once, now (first launch, "refresh"). */
  async pollAll(): Promise<void> {
    // Accounts side by side (a long-polling channel must not hold up the others), streams in turn.
    await Promise.all(
      this.deps.accounts().map(async ({ account, adapter }) => {
        for (const stream of adapter.streams) await this.pollNow(account.id, stream);
      }),
    );
  }

  /** One round on one stream: pages until the platform has nothing more, then the next poll is scheduled. */
  async pollNow(accountId: number, stream: string): Promise<{ stored: number; error: ChannelError | null }> {
    const key = `${accountId}:${stream}`;
    const entry = this.deps.accounts().find((a) => a.account.id === accountId);
    if (!entry || this.running.has(key)) return { stored: 0, error: null };
    const { account, adapter } = entry;
    const { db, clock } = this.deps;
    const random = this.deps.random ?? Math.random;
    this.running.add(key);
    let stored = 0;
    const changed = new Set<number>();
    try {
      let cursor = getCursor(db, accountId, stream)?.cursor ?? null;
      for (let page = 0; page < MAX_PAGES_PER_ROUND; page++) {
        const result = await adapter.poll(stream, cursor);
        const now = clock.now();
        const nextPollAt = now + jittered(adapter.pollIntervalSeconds * 1000, random);
        const ids = ingest(db, account, result.items, now, () => {
          for (const bad of result.rejected) recordRejected(db, accountId, stream, bad.reason, safeJson(bad.raw), now);
          recordPollSuccess(db, accountId, stream, result.nextCursor, now, nextPollAt);
        });
        for (const id of ids) changed.add(id);
        stored += result.items.length;
        if (result.nextCursor !== null) cursor = result.nextCursor;
        if (!result.more) break;
      }
      this.reschedule(accountId, stream);
      return { stored, error: null };
    } catch (err) {
      const error = err instanceof ChannelError ? err : new ChannelError('transient', (err as Error).message, { cause: err });
      this.recordFailure(account, stream, error);
      return { stored, error };
    } finally {
      this.running.delete(key);
      if (changed.size > 0) this.deps.bus.emit('threads.changed', { threadIds: [...changed], reason: 'poll' });
      this.deps.onAccountsChanged();
    }
  }

  private recordFailure(account: AccountRecord, stream: string, error: ChannelError): void {
    const { db, clock } = this.deps;
    const now = clock.now();
    if (error.kind === 'auth_failed') {
      // Nothing more will work until a person reconnects: stop polling this account, keep its data.
      setAccountState(db, account.id, 'needs_reauth');
      recordPollFailure(db, account.id, stream, describe(error, now), Number.MAX_SAFE_INTEGER);
      this.deps.log?.(`[poller] ${account.name}/${stream}: credentials refused; polling paused`);
      return;
    }
    const failures = (getCursor(db, account.id, stream)?.failures ?? 0) + 1;
    const backoff = Math.max(1000, fullJitter(failures, BACKOFF_BASE_MS, BACKOFF_CAP_MS, this.deps.random));
    const next = error.retryAt !== null && error.retryAt > now ? error.retryAt : now + backoff;
    recordPollFailure(db, account.id, stream, describe(error, next), next);
    this.deps.log?.(`[poller] ${account.name}/${stream}: ${error.kind}: ${error.message}; next try in ${Math.round((next - now) / 1000)} s`);
    this.reschedule(account.id, stream);
  }

  private reschedule(accountId: number, stream: string): void {
    const next = getCursor(this.deps.db, accountId, stream)?.nextPollAt;
    if (next !== null && next !== undefined) this.schedule(accountId, stream, next - this.deps.clock.now());
  }

  private schedule(accountId: number, stream: string, delayMs: number): void {
    if (this.stopped) return;
    const key = `${accountId}:${stream}`;
    this.timers.get(key)?.cancel();
    this.timers.set(
      key,
      this.deps.clock.setTimeout(() => {
        this.timers.delete(key);
        void this.pollNow(accountId, stream);
      }, delayMs),
    );
  }
}

/** The error in words a person understands. */
export function describe(error: ChannelError, retryAt: number): string {
  const at = new Date(retryAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  switch (error.kind) {
    case 'auth_failed':
      return `The channel refused the credentials (expired or revoked). Reconnect the account. (${error.message})`;
    case 'rate_limited':
      return `Rate limited until ${at}.`;
    case 'transient':
      return `Could not reach the channel (${error.message}). Trying again at ${at}.`;
    case 'bad_payload':
      return `The channel answered with something unreadable (${error.message}). Trying again at ${at}.`;
    case 'refused':
      return `The channel refused the request: ${error.message}`;
  }
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? 'null';
  } catch {
    return JSON.stringify(String(v));
  }
}
