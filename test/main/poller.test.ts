import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getAccount } from '../../db/accounts';
import { getCursor } from '../../db/cursors';
import { listThreads } from '../../db/threads';
import { ChannelError } from '../../main/channels/types';
import type { ManualClock } from '../support/clock';
import { flush, freshScriptedCore, type TestCore } from '../support/core';
import { msg, page, type ScriptedAdapter } from '../fakes/scripted-adapter';

let t: TestCore;
let adapter: ScriptedAdapter;
let clock: ManualClock;
let cleanup: () => Promise<void>;
beforeEach(() => void ({ t, adapter, clock, cleanup } = freshScriptedCore()));
afterEach(() => cleanup());


const stored = () => (t.core.db.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n;

describe('poller', () => {
  it('follows pages until the platform has no more, then stores the last cursor', async () => {
    const shared = msg();
    adapter.queuePoll(page([msg(), shared], 'c1', true), page([shared, msg()], 'c2', false));
    const r = await t.core.poller.pollNow(t.accountId, 'mentions');
    expect(r.error).toBeNull();
    expect(adapter.polls).toEqual([null, 'c1']);
    expect(stored()).toBe(3); // the item repeated across pages is stored once
    expect(getCursor(t.core.db, t.accountId, 'mentions')!.cursor).toBe('c2');
    const changed = t.events.filter((e) => e.event === 'threads.changed');
    expect(changed).toHaveLength(1);
    expect((changed[0]!.payload as { threadIds: number[] }).threadIds).toHaveLength(3);
  });

  it('does not advance the cursor when the page could not be stored, and stores nothing of it', async () => {
    adapter.queuePoll(page([msg()], 'c1'));
    await t.core.poller.pollNow(t.accountId, 'mentions');
    // A value SQLite's STRICT table refuses makes the whole page's transaction fail.
    adapter.queuePoll(page([msg(), msg({ createdAt: Number.NaN })], 'c2'));
    const r = await t.core.poller.pollNow(t.accountId, 'mentions');
    expect(r.error).not.toBeNull();
    expect(stored()).toBe(1);
    expect(getCursor(t.core.db, t.accountId, 'mentions')!.cursor).toBe('c1');
  });

  it('records items it could not understand with their raw body and stores the rest', async () => {
    adapter.queuePoll({ items: [msg()], rejected: [{ reason: 'missing author', raw: { id: 'weird', text: 42 } }], nextCursor: 'c1', more: false });
    await t.core.poller.pollNow(t.accountId, 'mentions');
    expect(stored()).toBe(1);
    const bad = t.core.db.prepare('SELECT reason, raw FROM rejected_items').all();
    expect(bad).toEqual([{ reason: 'missing author', raw: '{"id":"weird","text":42}' }]);
  });

  it('waits until the time a rate limit names, and says so in words', async () => {
    const until = clock.now() + 15 * 60_000;
    adapter.queuePoll(new ChannelError('rate_limited', '429', { retryAt: until }));
    await t.core.poller.pollNow(t.accountId, 'mentions');
    const c = getCursor(t.core.db, t.accountId, 'mentions')!;
    expect(c.nextPollAt).toBe(until);
    expect(c.lastError).toMatch(/^Rate limited until \d\d:\d\d/);
  });

  it('backs off exponentially (full jitter, capped) on transient failures, and resets after a success', async () => {
    const waits: number[] = [];
    for (let i = 0; i < 9; i++) {
      adapter.queuePoll(new ChannelError('transient', 'ECONNRESET'));
      await t.core.poller.pollNow(t.accountId, 'mentions');
      waits.push(getCursor(t.core.db, t.accountId, 'mentions')!.nextPollAt! - clock.now());
    }
    // random() = 1 gives the ceiling: 5 s · 2^n, capped at 15 min.
    expect(waits).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 320_000, 640_000, 900_000, 900_000]);
    adapter.queuePoll(page([msg()], 'c1'));
    await t.core.poller.pollNow(t.accountId, 'mentions');
    const c = getCursor(t.core.db, t.accountId, 'mentions')!;
    expect(c.failures).toBe(0);
    expect(c.lastError).toBeNull();
  });

  it('pauses an account whose credentials are refused, keeping everything it had', async () => {
    adapter.queuePoll(page([msg(), msg()], 'c1'));
    await t.core.poller.pollNow(t.accountId, 'mentions');
    adapter.queuePoll(new ChannelError('auth_failed', 'Invalid or expired token'));
    await t.core.poller.pollNow(t.accountId, 'mentions');
    expect(getAccount(t.core.db, t.accountId)!.state).toBe('needs_reauth');
    expect(stored()).toBe(2);
    const accounts = await t.core.handlers['accounts.list']({});
    expect(accounts[0]!.lastError).toMatch(/refused the credentials.*Reconnect/);
    expect(accounts[0]!.nextPollAt).toBeNull();
    // Started again, the poller leaves the paused account alone.
    const before = adapter.polls.length;
    t.core.poller.start();
    clock.advance(3600_000);
    await flush();
    expect(adapter.polls.length).toBe(before);
  });

  it('polls on its own schedule once started', async () => {
    adapter.queuePoll(page([msg()], 'c1'), page([msg()], 'c2'), page([msg()], 'c3'));
    t.core.poller.start();
    clock.advance(0);
    await flush();
    expect(adapter.polls).toEqual([null]);
    clock.advance(37_000); // interval 30 s · (0.8 + 0.4 · random=1) = 36 s
    await flush();
    expect(adapter.polls).toEqual([null, 'c1']);
    expect(listThreads(t.core.db, 'open', 0, 10).total).toBe(2);
  });
});
