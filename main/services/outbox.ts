/**
 * The outbox worker: sends queued replies with retries and backoff, at a pace no customer could
 * mistake for spam, and never sends blindly twice. A reply whose request may have left (a crash
 * mid-send, a timeout after sending) is reconciled against the channel when the adapter can look
 * it up, and otherwise put to the agent as "may have been sent".
 */
import {
  dueOutbox,
  inFlightOutbox,
  nextDueAt,
  setOutboxState,
  type OutboxRow,
} from '../../db/outbox';
import type { Db } from '../../db/open';
import type { EventBus } from '../api/events';
import { ChannelError, type ChannelAdapter, type OutgoingReply } from '../channels/types';
import { fullJitter } from './backoff';
import type { Clock } from './clock';

export interface OutboxDeps {
  db: Db;
  clock: Clock;
  bus: EventBus;
  adapterFor: (accountId: number) => ChannelAdapter | null;
  onAuthFailed?: (accountId: number) => void;
  random?: () => number;
  log?: (msg: string) => void;
  /** Least time between two sends on one account. */
  minGapMs?: number;
}

const MAX_ATTEMPTS = 6;
const RETRY_BASE_MS = 2_000;
const RETRY_CAP_MS = 5 * 60_000;
export const UNKNOWN_OUTCOME =
  'The app stopped or lost the connection while sending, so this reply may have been sent. Check the channel, then send it again or mark it as sent.';

export class OutboxWorker {
  private timer: { cancel(): void } | null = null;
  private draining: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private readonly lastSendAt = new Map<number, number>();

  constructor(private readonly deps: OutboxDeps) {}

  /** Settles what a previous run left mid-send, then works the queue. */
  async start(): Promise<void> {
    this.stopped = false;
    for (const row of inFlightOutbox(this.deps.db)) await this.reconcile(row);
    this.kick();
  }

  stop(): void {
    this.stopped = true;
    this.timer?.cancel();
    this.timer = null;
  }

  /** Something was queued or became due: work the queue (once at a time). */
  kick(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain().finally(() => {
      this.draining = null;
      if (this.again) {
        this.again = false;
        this.kick();
      } else this.armTimer();
    });
  }

  /** Resolves when the queue has no due work left (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private armTimer(): void {
    if (this.stopped) return;
    this.timer?.cancel();
    const due = nextDueAt(this.deps.db);
    if (due === null) return;
    this.timer = this.deps.clock.setTimeout(() => this.kick(), due - this.deps.clock.now());
  }

  private async drain(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      const rows = dueOutbox(this.deps.db, this.deps.clock.now(), 20);
      if (rows.length === 0) return;
      for (const row of rows) await this.sendOne(row);
    }
  }

  private async sendOne(row: OutboxRow): Promise<void> {
    const { db, clock } = this.deps;
    const adapter = this.deps.adapterFor(row.accountId);
    if (!adapter) {
      this.update(row, 'failed', { error: 'The account of this thread is disconnected. Reconnect it, then send again.' });
      return;
    }
    const gap = this.deps.minGapMs ?? 1500;
    const last = this.lastSendAt.get(row.accountId);
    if (last !== undefined && clock.now() - last < gap) {
      // Pace per account: the brand never fires replies in a burst.
      setOutboxState(db, row, 'queued', { now: clock.now(), nextAttemptAt: last + gap });
      return;
    }
    const reply = JSON.parse(row.payload) as OutgoingReply;
    // Written before the request leaves: if we die now, the next start knows the outcome is unknown.
    this.update(row, 'sending', { countAttempt: true });
    this.lastSendAt.set(row.accountId, clock.now());
    try {
      const receipt = await adapter.send(reply);
      this.update(row, 'sent', { externalId: receipt.externalId });
    } catch (err) {
      await this.handleFailure(row, adapter, reply, err);
    }
  }

  private async handleFailure(row: OutboxRow, adapter: ChannelAdapter, reply: OutgoingReply, err: unknown): Promise<void> {
    const now = this.deps.clock.now();
    const error = err instanceof ChannelError ? err : null;
    if (!error || error.mayHaveLeft) {
      // The request may have reached the platform: look before sending again.
      this.deps.log?.(`[outbox] ${row.idempotencyKey}: outcome unknown (${(err as Error).message})`);
      await this.reconcile({ ...row, attempts: row.attempts + 1 }, reply, adapter);
      return;
    }
    const attempts = row.attempts + 1;
    switch (error.kind) {
      case 'rate_limited':
        this.update(row, 'queued', { error: error.message, nextAttemptAt: error.retryAt ?? now + 60_000 });
        return;
      case 'transient':
        if (attempts >= MAX_ATTEMPTS) {
          this.update(row, 'failed', { error: `Gave up after ${attempts} tries: ${error.message}` });
        } else {
          const wait = Math.max(500, fullJitter(attempts, RETRY_BASE_MS, RETRY_CAP_MS, this.deps.random));
          this.update(row, 'queued', { error: error.message, nextAttemptAt: error.retryAt ?? now + wait });
        }
        return;
      case 'auth_failed':
        this.deps.onAuthFailed?.(row.accountId);
        this.update(row, 'failed', { error: `The channel refused the credentials: reconnect the account, then send again. (${error.message})` });
        return;
      case 'refused':
      case 'bad_payload':
        this.update(row, 'failed', { error: error.message });
        return;
    }
  }

  /** After an unknown outcome: sent (found on the channel), back in the queue (known not sent), or put to the agent. */
  private async reconcile(row: OutboxRow, reply?: OutgoingReply, adapter?: ChannelAdapter | null): Promise<void> {
    const a = adapter ?? this.deps.adapterFor(row.accountId);
    const r = reply ?? (JSON.parse(row.payload) as OutgoingReply);
    if (a?.findSent) {
      try {
        const receipt = await a.findSent(r);
        if (receipt) this.update(row, 'sent', { externalId: receipt.externalId });
        else if (row.attempts >= MAX_ATTEMPTS) this.update(row, 'failed', { error: `Gave up after ${row.attempts} tries.` });
        else {
          // Known not to have arrived: safe to send again, after the usual backoff.
          const wait = fullJitter(row.attempts, RETRY_BASE_MS, RETRY_CAP_MS, this.deps.random);
          this.update(row, 'queued', { error: null, nextAttemptAt: this.deps.clock.now() + wait });
        }
        return;
      } catch (err) {
        this.deps.log?.(`[outbox] ${row.idempotencyKey}: could not reconcile (${(err as Error).message})`);
      }
    }
    this.update(row, 'unknown', { error: UNKNOWN_OUTCOME });
  }

  private update(
    row: OutboxRow,
    state: OutboxRow['state'],
    opts: { error?: string | null; nextAttemptAt?: number; externalId?: string; countAttempt?: boolean },
  ): void {
    setOutboxState(this.deps.db, row, state, { now: this.deps.clock.now(), ...opts });
    const error = state === 'sent' || state === 'sending' ? null : (opts.error ?? null);
    this.deps.bus.emit('outbox.changed', { messageId: row.messageId, threadId: row.threadId, state, error });
  }
}
