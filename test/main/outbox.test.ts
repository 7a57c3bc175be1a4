import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outboxByMessage } from '../../db/outbox';
import { ChannelError } from '../../main/channels/types';
import { UNKNOWN_OUTCOME } from '../../main/services/outbox';
import { ManualClock } from '../support/clock';
import { coreWith, flush, type TestCore } from '../support/core';
import { tempDbPath } from '../support/db';
import { msg, page, ScriptedAdapter } from '../fakes/scripted-adapter';

let dbPath: string;
let cleanup: () => void;
let clock: ManualClock;
let adapter: ScriptedAdapter;
const open: TestCore[] = [];

beforeEach(() => {
  const p = tempDbPath();
  dbPath = p.path;
  cleanup = p.cleanup;
  clock = new ManualClock();
  adapter = new ScriptedAdapter();
});
afterEach(async () => {
  for (const t of open.splice(0)) {
    if (t.core.db.open) await t.core.stop();
  }
  cleanup();
});

async function boot(opts: { start?: boolean; gap?: number } = {}): Promise<TestCore> {
  const t = coreWith(dbPath, adapter, clock, { outboxGapMs: opts.gap ?? 0 });
  open.push(t);
  if (opts.start ?? true) await t.core.outbox.start();
  return t;
}

/** A process that dies: no orderly shutdown, the database handle just goes away. */
function crash(t: TestCore): void {
  t.core.poller.stop();
  t.core.outbox.stop();
  t.core.db.close();
}

async function threadOf(t: TestCore): Promise<number> {
  adapter.queuePoll(page([msg()], 'c'));
  await t.core.poller.pollNow(t.accountId, 'mentions');
  return (t.core.db.prepare('SELECT id FROM threads ORDER BY id DESC LIMIT 1').get() as { id: number }).id;
}

const send = (t: TestCore, threadId: number, key = `key-${Math.random()}`) =>
  t.core.handlers['reply.send']({ threadId, text: 'Sorry about that, sending a new bag today.', idempotencyKey: key, cannedIds: [] });

async function settle(t: TestCore): Promise<void> {
  await flush();
  await t.core.outbox.idle();
}

describe('outbox', () => {
  it('sends a queued reply and shows each state on the message', async () => {
    const t = await boot();
    const threadId = await threadOf(t);
    const m = await send(t, threadId);
    expect(m.sendState).toBe('queued');
    await settle(t);
    const detail = await t.core.handlers['threads.get']({ threadId });
    const out = detail.messages.find((x) => x.id === m.id)!;
    expect(out.sendState).toBe('sent');
    expect(out.externalId).toBe('out-1');
    const states = t.events.filter((e) => e.event === 'outbox.changed').map((e) => (e.payload as { state: string }).state);
    expect(states).toEqual(['sending', 'sent']);
    expect(adapter.delivered.size).toBe(1);
  });

  it('a double press (same idempotency key) is one reply, sent once', async () => {
    const t = await boot();
    const threadId = await threadOf(t);
    const a = await send(t, threadId, 'same-key-1');
    const b = await send(t, threadId, 'same-key-1');
    expect(b.id).toBe(a.id);
    await settle(t);
    expect(adapter.sendAttempts).toBe(1);
  });

  it('retries transient failures with backoff, then sends once', async () => {
    const t = await boot();
    const threadId = await threadOf(t);
    adapter.queueSend(new ChannelError('transient', 'ECONNRESET'), new ChannelError('transient', '503'), 'ok');
    const m = await send(t, threadId);
    await settle(t);
    expect(outboxByMessage(t.core.db, m.id)!.state).toBe('queued');
    clock.advance(10 * 60_000);
    await settle(t);
    clock.advance(10 * 60_000);
    await settle(t);
    const row = outboxByMessage(t.core.db, m.id)!;
    expect(row.state).toBe('sent');
    expect(row.attempts).toBe(3);
    expect(adapter.delivered.size).toBe(1);
  });

  it('fails for good on a refusal, with the channel’s reason, and sends again only when the agent asks', async () => {
    const t = await boot();
    const threadId = await threadOf(t);
    adapter.queueSend(new ChannelError('refused', 'This message is outside the 24-hour window.'));
    const m = await send(t, threadId);
    await settle(t);
    let row = outboxByMessage(t.core.db, m.id)!;
    expect(row.state).toBe('failed');
    expect(row.lastError).toBe('This message is outside the 24-hour window.');
    clock.advance(3600_000);
    await settle(t);
    expect(adapter.sendAttempts).toBe(1);
    await t.core.handlers['reply.retry']({ messageId: m.id });
    await settle(t);
    row = outboxByMessage(t.core.db, m.id)!;
    expect(row.state).toBe('sent');
    expect(adapter.delivered.size).toBe(1);
  });

  it('crash between enqueue and send: after restart the reply is sent, exactly once', async () => {
    const first = await boot({ start: false }); // never starts: the process dies before the worker runs
    const threadId = await threadOf(first);
    const m = await send(first, threadId);
    crash(first);
    expect(adapter.sendAttempts).toBe(0);

    const second = await boot();
    await settle(second);
    expect(adapter.sendAttempts).toBe(1);
    expect(adapter.delivered.size).toBe(1);
    expect(outboxByMessage(second.core.db, m.id)!.state).toBe('sent');
  });

  it('crash after the request left: reconciled against the channel, not resent', async () => {
    const first = await boot();
    const threadId = await threadOf(first);
    adapter.queueSend('hang');
    // The platform received it; we died before hearing back.
    adapter.delivered.set('left-key-1', { externalId: 'out-77', sentAt: 0 });
    await send(first, threadId, 'left-key-1');
    await flush();
    expect(outboxByMessage(first.core.db, (first.core.db.prepare('SELECT id FROM messages WHERE direction = ? ').get('out') as { id: number }).id)!.state).toBe('sending');
    crash(first);

    const second = await boot();
    await settle(second);
    const row = second.core.db.prepare(`SELECT state, m.external_id AS ext FROM outbox o JOIN messages m ON m.id = o.message_id`).get();
    expect(row).toEqual({ state: 'sent', ext: 'out-77' });
    expect(adapter.sendAttempts).toBe(1);
  });

  it('crash after the request left on a channel that cannot look replies up: put to the agent, never resent blindly', async () => {
    adapter.canLookUp = false;
    const first = await boot();
    const threadId = await threadOf(first);
    adapter.queueSend('hang');
    const m = await send(first, threadId);
    await flush();
    crash(first);

    const second = await boot();
    await settle(second);
    clock.advance(24 * 3600_000);
    await settle(second);
    const row = outboxByMessage(second.core.db, m.id)!;
    expect(row.state).toBe('unknown');
    expect(row.lastError).toBe(UNKNOWN_OUTCOME);
    expect(adapter.sendAttempts).toBe(1);
    // The agent checked the channel and it was not there: send again.
    await second.core.handlers['reply.retry']({ messageId: m.id });
    await settle(second);
    expect(outboxByMessage(second.core.db, m.id)!.state).toBe('sent');
    expect(adapter.sendAttempts).toBe(2);
  });

  it('a timeout after sending is reconciled in the same run', async () => {
    const t = await boot();
    const threadId = await threadOf(t);
    adapter.queueSend('arrive-then-timeout');
    const m = await send(t, threadId);
    await settle(t);
    expect(outboxByMessage(t.core.db, m.id)!.state).toBe('sent');
    expect(adapter.sendAttempts).toBe(1);
    expect(adapter.delivered.size).toBe(1);
  });

  it('the agent can confirm a "may have been sent" reply as sent', async () => {
    adapter.canLookUp = false;
    const t = await boot();
    const threadId = await threadOf(t);
    adapter.queueSend(new Error('socket hang up'));
    const m = await send(t, threadId);
    await settle(t);
    expect(outboxByMessage(t.core.db, m.id)!.state).toBe('unknown');
    const confirmed = await t.core.handlers['reply.confirmSent']({ messageId: m.id });
    expect(confirmed.sendState).toBe('sent');
  });

  it('paces sends per account', async () => {
    const t = await boot({ gap: 5000 });
    const threadId = await threadOf(t);
    await send(t, threadId);
    await send(t, threadId);
    await settle(t);
    expect(adapter.sendAttempts).toBe(1);
    clock.advance(4000);
    await settle(t);
    expect(adapter.sendAttempts).toBe(1);
    clock.advance(1500);
    await settle(t);
    expect(adapter.sendAttempts).toBe(2);
  });
});
