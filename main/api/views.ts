/** Database rows → the contract's shapes. The one place where stored strings become typed unions. */
import type { AccountRow } from '../../db/accounts';
import type { CursorRow } from '../../db/cursors';
import type { MessageRow } from '../../db/messages';
import type { ThreadRow } from '../../db/threads';
import type { AccountSummary, Channel, Message, Network, ThreadKind, ThreadStatus, ThreadSummary } from '../../preload/contract';

export function threadView(t: ThreadRow): ThreadSummary {
  return {
    id: t.id,
    accountId: t.accountId,
    accountName: t.accountName,
    channel: t.channel as Channel,
    network: t.network as Network,
    kind: t.kind as ThreadKind,
    status: t.status as ThreadStatus,
    priority: t.priority,
    priorityReasons: t.priorityReasons,
    unread: t.unread,
    customerId: t.customerId,
    customerName: t.customerName,
    customerHandle: t.customerHandle,
    followerCount: t.followerCount,
    snippet: t.snippet,
    lastDirection: t.lastDirection,
    lastMessageAt: t.lastMessageAt,
    lastInboundAt: t.lastInboundAt,
    lastOutboundAt: t.lastOutboundAt,
    messageCount: t.messageCount,
  };
}

export function messageView(m: MessageRow): Message {
  return { ...m };
}

export function accountView(a: AccountRow, cursors: CursorRow[]): AccountSummary {
  const successes = cursors.map((c) => c.lastSuccessAt).filter((t): t is number => t !== null);
  const nexts = cursors.map((c) => c.nextPollAt).filter((t): t is number => t !== null && t < Number.MAX_SAFE_INTEGER);
  return {
    id: a.id,
    channel: a.channel as Channel,
    network: a.network as Network,
    name: a.name,
    handle: a.handle,
    state: a.state,
    lastPollAt: successes.length ? Math.max(...successes) : null,
    nextPollAt: a.state === 'active' && nexts.length ? Math.min(...nexts) : null,
    lastError: cursors.find((c) => c.lastError)?.lastError ?? null,
  };
}
