import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAccount } from '../../db/accounts';
import { eventsOf, lastUndoableStatusChange, logEvent } from '../../db/events';
import { ingestBatch, messagesOf } from '../../db/messages';
import { openDatabase, type Db } from '../../db/open';
import { enqueueReply, outboxByKey } from '../../db/outbox';
import { HIGHLIGHT_END, HIGHLIGHT_START, searchMessages, toFtsQuery } from '../../db/search';
import { getThread, listThreads } from '../../db/threads';
import { applyStatus } from '../../db/workflow';
import * as shared from '../../preload/shared/highlight';
import { tempDbPath } from '../support/db';
import { item } from '../support/fixtures';

let db: Db;
let cleanup: () => void;
let accountId: number;
beforeEach(() => {
  const t = tempDbPath();
  cleanup = t.cleanup;
  db = openDatabase(t.path);
  accountId = createAccount(db, { channel: 'demo', network: 'x', name: 'Brand', handle: '@brand', config: {}, now: 1 });
});
afterEach(() => {
  db.close();
  cleanup();
});

describe('ingest', () => {
  it('is idempotent on (account, external id): a re-polled page stores nothing twice', () => {
    const page = [item({ accountId, threadExternalId: 'T', externalId: 'a' }), item({ accountId, threadExternalId: 'T', externalId: 'b' })];
    const first = ingestBatch(db, page, 5);
    const again = ingestBatch(db, page, 6);
    expect(first.map((o) => o.inserted)).toEqual([true, true]);
    expect(again.map((o) => o.inserted)).toEqual([false, false]);
    const t = getThread(db, first[0]!.threadId)!;
    expect(t.messageCount).toBe(2);
    expect(messagesOf(db, t.id)).toHaveLength(2);
  });

  it('keeps the newest message as snippet and marks the thread unread; our reply seen on the channel marks it answered', () => {
    const [a] = ingestBatch(db, [item({ accountId, threadExternalId: 'T', externalId: 'a', text: 'where is my order', createdAt: 1000 })], 1);
    ingestBatch(db, [item({ accountId, threadExternalId: 'T', externalId: 'old', text: 'earlier', createdAt: 500 })], 2);
    let t = getThread(db, a!.threadId)!;
    expect(t.snippet).toBe('where is my order');
    expect(t.unread).toBe(true);
    expect(t.lastInboundExternalId).toBe('a');
    ingestBatch(db, [item({ accountId, threadExternalId: 'T', externalId: 'ours', direction: 'out', text: 'on its way', createdAt: 2000 })], 3);
    t = getThread(db, a!.threadId)!;
    expect(t.lastDirection).toBe('out');
    expect(t.unread).toBe(false);
    expect(t.lastOutboundAt).toBe(2000);
  });

  it('reopens a resolved thread when the customer writes again', () => {
    const [a] = ingestBatch(db, [item({ accountId, threadExternalId: 'T', externalId: 'a', createdAt: 1000 })], 1);
    applyStatus(db, a!.threadId, 'resolved', 2000);
    const [b] = ingestBatch(db, [item({ accountId, threadExternalId: 'T', externalId: 'b', createdAt: 3000 })], 2);
    expect(b!.reopened).toBe(true);
    expect(getThread(db, a!.threadId)!.status).toBe('open');
  });

  it('stores a 10,000-character message with emoji, RTL and zero-width marks exactly', () => {
    const text = ('שלום 👩‍👩‍👧 مرحبا\u200d\u200c\u200f ok ').repeat(400).slice(0, 10_000);
    const [a] = ingestBatch(db, [item({ accountId, text })], 1);
    expect(messagesOf(db, a!.threadId)[0]!.text).toBe(text);
    expect(getThread(db, a!.threadId)!.snippet.length).toBeLessThanOrEqual(160);
  });
});

describe('inbox', () => {
  it('lists by priority, then recency, per filter, with totals', () => {
    ingestBatch(
      db,
      [
        item({ accountId, priority: 20, createdAt: 3000 }),
        item({ accountId, priority: 80, createdAt: 1000 }),
        item({ accountId, priority: 20, createdAt: 5000 }),
      ],
      1,
    );
    const all = listThreads(db, 'open', 0, 10);
    expect(all.total).toBe(3);
    expect(all.items.map((t) => [t.priority, t.lastMessageAt])).toEqual([
      [80, 1000],
      [20, 5000],
      [20, 3000],
    ]);
    applyStatus(db, all.items[0]!.id, 'resolved', 1);
    expect(listThreads(db, 'open', 0, 10).total).toBe(2);
    expect(listThreads(db, 'resolved', 0, 10).items.map((t) => t.id)).toEqual([all.items[0]!.id]);
    expect(listThreads(db, 'all', 1, 1).items).toHaveLength(1);
  });

  it('uses indexes for the inbox and the thread (no full scans)', () => {
    const plan = (sql: string, ...args: unknown[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as Array<{ detail: string }>).map((r) => r.detail).join(' | ');
    const inbox = plan(`SELECT id FROM threads WHERE status = ? ORDER BY priority DESC, last_message_at DESC LIMIT 50`, 'open');
    expect(inbox).toMatch(/USING (COVERING )?INDEX threads_inbox/);
    expect(inbox).not.toMatch(/TEMP B-TREE/);
    expect(plan(`SELECT id FROM messages WHERE thread_id = ? ORDER BY created_at`, 1)).toMatch(/USING (COVERING )?INDEX messages_thread/);
    expect(plan(`SELECT id FROM threads WHERE account_id = ? AND external_id = ?`, 1, 'x')).toMatch(/USING (COVERING )?INDEX sqlite_autoindex_threads/);
  });
});

describe('search', () => {
  beforeEach(() => {
    ingestBatch(
      db,
      [
        item({ accountId, text: 'My order #HC-48213 arrived late and the grinder is broken' }),
        item({ accountId, text: 'Café crème was lovely, merci!' }),
        item({ accountId, text: 'Do you ship to Canada? (asking for a friend)' }),
        item({ accountId, text: 'AND OR NOT are words too' }),
      ],
      1,
    );
  });

  it.each([
    ['"unbalanced quote', 0],
    ['(((', 0],
    ['order AND', 1],
    ['NOT', 1],
    ['-grinder', 1],
    ['grind*', 1],
    ['*', 0],
    ['near(order late)', 0],
    ['order) late(', 1],
    ['"arrived late"', 1],
    ['"late arrived"', 0],
    ['cafe', 1],
    ['CREME', 1],
    ['HC-48213', 1],
    ['canada) OR (', 0],
    ['canada)', 1],
    ["'; DROP TABLE messages; --", 0],
    ['', 0],
    ['   ', 0],
  ])('never fails on %j (finds %i)', (query, expected) => {
    expect(() => searchMessages(db, query, 50)).not.toThrow();
    expect(searchMessages(db, query, 50).total).toBe(expected);
  });

  it('turns input into quoted terms, phrases and prefixes', () => {
    expect(toFtsQuery('late order')).toBe('"late" "order"');
    expect(toFtsQuery('"arrived late" grind*')).toBe('"arrived late" "grind"*');
    expect(toFtsQuery('a"b')).toBe('"a" "b"');
    expect(toFtsQuery('-- () * "')).toBe('');
  });

  it('highlights matches with the shared private-use markers', () => {
    expect(HIGHLIGHT_START).toBe(shared.HIGHLIGHT_START);
    expect(HIGHLIGHT_END).toBe(shared.HIGHLIGHT_END);
    const hit = searchMessages(db, 'grinder', 5).items[0]!;
    expect(hit.snippet).toContain(`${HIGHLIGHT_START}grinder${HIGHLIGHT_END}`);
  });
});

describe('outbox and events', () => {
  it('writes the reply and its outbox row together; the same idempotency key twice is one reply', () => {
    const [a] = ingestBatch(db, [item({ accountId })], 1);
    const r = { threadId: a!.threadId, accountId, authorName: 'Sam', text: 'On it!', idempotencyKey: 'key-123456', payload: {}, now: 9000 };
    const first = enqueueReply(db, r);
    const second = enqueueReply(db, r);
    expect(first.created).toBe(true);
    expect(second).toEqual({ messageId: first.messageId, created: false });
    expect(outboxByKey(db, 'key-123456')!.state).toBe('queued');
    const msgs = messagesOf(db, a!.threadId);
    expect(msgs.filter((m) => m.direction === 'out')).toHaveLength(1);
    expect(msgs.find((m) => m.direction === 'out')!.sendState).toBe('queued');
  });

  it('finds the last status change that was not undone', () => {
    const [a, b] = ingestBatch(db, [item({ accountId }), item({ accountId })], 1);
    const e1 = logEvent(db, a!.threadId, 1, 'sam', 'status', { from: 'open', to: 'resolved' });
    const e2 = logEvent(db, b!.threadId, 2, 'sam', 'status', { from: 'open', to: 'resolved' });
    expect(lastUndoableStatusChange(db, 'sam')!.id).toBe(e2);
    logEvent(db, b!.threadId, 3, 'sam', 'status_undo', { of: e2 });
    expect(lastUndoableStatusChange(db, 'sam')!.id).toBe(e1);
    expect(lastUndoableStatusChange(db, 'someone else')).toBeNull();
    expect(eventsOf(db, b!.threadId).map((e) => e.kind)).toEqual(['status', 'status_undo']);
  });
});
