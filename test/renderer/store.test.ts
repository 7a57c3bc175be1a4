// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Arg } from '../../preload/contract';
import { createAppStore } from '../../renderer/src/store';
import { page, thread, installFakeCare, type FakeCall, type FakeHandlers } from './fixtures';

let handlers: FakeHandlers;
let calls: FakeCall[];

beforeEach(() => {
  ({ handlers, calls } = installFakeCare());
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

const listCalls = () => calls.filter((c) => c.key === 'threads.list').map((c) => c.arg as Arg<'threads.list'>);

describe('inbox slice', () => {
  it('loads page 0, then the next page when the selection nears the end of what is loaded', async () => {
    handlers['threads.list'] = (a) => {
      const { offset = 0, limit = 100 } = a as Arg<'threads.list'>;
      return page(offset, offset + limit, 250);
    };
    handlers['threads.get'] = () => new Promise(() => {});
    const s = createAppStore();
    await s.getState().inboxStarted();
    expect(s.getState().inbox.total).toBe(250);
    expect(listCalls().filter((a) => a.limit === 100).map((a) => a.offset)).toEqual([0]);
    for (let i = 0; i < 70; i++) s.getState().selectionMoved(1);
    await vi.runAllTimersAsync();
    expect(listCalls().filter((a) => a.limit === 100).map((a) => a.offset)).toContain(100);
    expect(s.getState().inbox.ids[100]).toBe(101);
  });

  it('a filter change drops a late answer for the old filter', async () => {
    let release: (v: unknown) => void = () => {};
    handlers['threads.list'] = (a) => {
      const arg = a as Arg<'threads.list'>;
      if (arg.filter === 'open' && arg.limit === 100) return new Promise((r) => (release = () => r(page(0, 100, 3))));
      return { items: [thread(99)], total: 1 };
    };
    const s = createAppStore();
    const first = s.getState().inboxStarted();
    await s.getState().filterChosen('resolved');
    release(null);
    await first;
    expect(s.getState().inbox.filter).toBe('resolved');
    expect(s.getState().inbox.ids).toEqual([99]);
  });

  it('resolving in Open removes the thread and shows the next one', async () => {
    handlers['threads.list'] = () => page(0, 3, 3);
    handlers['threads.get'] = () => new Promise(() => {});
    handlers['threads.setStatus'] = (a) => thread((a as { threadId: number }).threadId, { status: 'resolved' });
    const s = createAppStore();
    await s.getState().inboxStarted();
    s.getState().selectionMoved(1);
    expect(s.getState().shownId).toBe(2);
    await s.getState().statusToggled();
    expect(calls.find((c) => c.key === 'threads.setStatus')?.arg).toEqual({ threadId: 2, status: 'resolved' });
    expect(s.getState().inbox.ids).toEqual([1, 3]);
    expect(s.getState().inbox.selectedId).toBe(3);
    expect(s.getState().shownId).toBe(3);
    expect(s.getState().toasts.at(-1)?.text).toMatch(/Resolved Customer 2 .*z to undo/);
  });
});

describe('composer slice', () => {
  const detail = () => ({
    thread: thread(7),
    messages: [],
    customer: { id: 7, displayName: 'Ana Souza', handle: '@ana', network: 'x' as const, followerCount: null, firstSeenAt: 0, otherThreads: [] },
    account: { id: 1, channel: 'demo' as const, network: 'x' as const, name: 'Acme', handle: '@acme', state: 'active' as const, lastPollAt: null, nextPollAt: null, lastError: null, rateBudget: null, fix: null },
    lengthRule: { count: 'utf16' as const, max: 20 },
    replyWindow: null,
    notes: [],
    events: [],
    answeredElsewhere: false,
  });

  it('a double press sends once; a retry after a failure reuses the idempotency key', async () => {
    const keys: string[] = [];
    let fail = true;
    handlers['reply.send'] = async (a) => {
      const arg = a as Arg<'reply.send'>;
      keys.push(arg.idempotencyKey);
      await new Promise((r) => setTimeout(r, 10));
      if (fail) throw new Error('The host did not answer.');
      return { id: 1, threadId: 7, direction: 'out', authorName: 'Sam', authorHandle: null, text: arg.text, createdAt: 0, sendState: 'queued', sendError: null, externalId: null };
    };
    const s = createAppStore();
    s.setState({ shownId: 7, detail: detail() as never });
    s.getState().draftEdited(7, { text: 'Hello Ana', selectionStart: 9, selectionEnd: 9 });
    const a = s.getState().replySendRequested();
    const b = s.getState().replySendRequested();
    await vi.runAllTimersAsync();
    await Promise.all([a, b]);
    expect(keys.length).toBe(1);
    expect(s.getState().drafts[7]?.sendError).toMatch(/did not answer/);
    fail = false;
    const c = s.getState().replySendRequested();
    await vi.runAllTimersAsync();
    await c;
    expect(keys).toEqual([keys[0], keys[0]]);
    expect(s.getState().drafts[7]).toBeUndefined();
  });

  it('refuses to send an unfilled blank or an over-long reply, and says why', async () => {
    handlers['reply.send'] = vi.fn();
    const s = createAppStore();
    s.setState({ shownId: 7, detail: detail() as never });
    s.getState().draftEdited(7, { text: 'Order ⟦number⟧', selectionStart: 0, selectionEnd: 0 });
    await s.getState().replySendRequested();
    s.getState().draftEdited(7, { text: 'x'.repeat(25), selectionStart: 0, selectionEnd: 0 });
    await s.getState().replySendRequested();
    expect(handlers['reply.send']).not.toHaveBeenCalled();
    expect(s.getState().drafts[7]?.attempted).toBe(true);
  });

  it('a changed text gets a new key', async () => {
    const keys: string[] = [];
    handlers['reply.send'] = (a) => {
      keys.push((a as Arg<'reply.send'>).idempotencyKey);
      throw new Error('nope');
    };
    const s = createAppStore();
    s.setState({ shownId: 7, detail: detail() as never });
    s.getState().draftEdited(7, { text: 'Hello', selectionStart: 5, selectionEnd: 5 });
    await s.getState().replySendRequested();
    s.getState().draftEdited(7, { text: 'Hello!', selectionStart: 6, selectionEnd: 6 });
    await s.getState().replySendRequested();
    expect(keys.length).toBe(2);
    expect(keys[0]).not.toBe(keys[1]);
  });

  it('drafts are kept per thread', () => {
    const s = createAppStore();
    s.getState().draftEdited(7, { text: 'for seven', selectionStart: 0, selectionEnd: 0 });
    s.getState().draftEdited(8, { text: 'for eight', selectionStart: 0, selectionEnd: 0 });
    expect(s.getState().drafts[7]?.text).toBe('for seven');
    expect(s.getState().drafts[8]?.text).toBe('for eight');
  });
});
