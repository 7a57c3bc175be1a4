/** Small builders shared by the renderer tests. */
import type { ThreadSummary } from '../../preload/contract';

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
