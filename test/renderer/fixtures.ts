/** Small builders shared by the renderer tests. */
import type { CareApi, RequestKey, ThreadSummary } from '../../preload/contract';

export function thread(id: number, patch: Partial<ThreadSummary> = {}): ThreadSummary {
  return {
    id,
    accountId: 1,
    accountName: 'Acme on X',
    channel: 'demo',
    network: 'x',
    kind: 'mention',
    status: 'open',
    priority: 10,
    priorityReasons: [],
    unread: true,
    customerId: id,
    customerName: `Customer ${id}`,
    customerHandle: `@c${id}`,
    followerCount: null,
    snippet: `message ${id}`,
    lastDirection: 'in',
    lastMessageAt: 1_700_000_000_000 - id * 1000,
    lastInboundAt: null,
    lastOutboundAt: null,
    messageCount: 1,
    assignee: null,
    labels: [],
    snoozedUntil: null,
    awaitingSince: null,
    sla: null,
    ...patch,
  };
}

/** Threads `from`..`to-1` as a page of a list of `total`. */
export function page(from: number, to: number, total: number) {
  const items: ThreadSummary[] = [];
  for (let i = from; i < Math.min(to, total); i++) items.push(thread(i + 1));
  return { items, total };
}

export type FakeHandler = (arg: unknown) => unknown;
export type FakeHandlers = Partial<Record<RequestKey, FakeHandler>>;
export interface FakeCall {
  key: RequestKey;
  arg: unknown;
}

/**
 * Puts a fake `window.care` in place: each request goes to the handler a test set for its key
 * (a thrown error becomes a refusal), and every call is recorded.
 */
export function installFakeCare(): { handlers: FakeHandlers; calls: FakeCall[] } {
  const handlers: FakeHandlers = {};
  const calls: FakeCall[] = [];
  const care: CareApi = {
    async invoke(key, arg) {
      calls.push({ key, arg });
      const h = handlers[key];
      if (!h) return { ok: false, error: { code: 'internal', message: `no fake for ${key}` } };
      try {
        return { ok: true, value: (await h(arg)) as never };
      } catch (e) {
        return { ok: false, error: { code: 'refused', message: (e as Error).message } };
      }
    },
    on: () => () => {},
  };
  Object.defineProperty(window, 'care', { value: care, configurable: true });
  return { handlers, calls };
}
