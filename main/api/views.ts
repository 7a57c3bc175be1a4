/** Database rows → the contract's shapes. The one place where stored strings become typed unions. */
import { adapterState, type AccountRow } from '../../db/accounts';
import { cursorsOf, type CursorRow } from '../../db/cursors';
import type { Db } from '../../db/open';
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

/** An account as the status bar shows it: poll health from the cursors, budget from the adapter's state. */
export function accountSummary(db: Db, a: AccountRow): AccountSummary {
  return accountView(a, cursorsOf(db, a.id), adapterState(db, a.id).get('rateLimit'));
}

export function accountView(a: AccountRow, cursors: CursorRow[], rateLimit: string | null = null): AccountSummary {
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
    rateBudget: describeBudget(rateLimit),
    fix: a.state === 'needs_reauth' ? 'reconnect' : cursors.some((c) => c.lastError?.includes('webhook')) ? 'remove_webhook' : null,
  };
}

/**
 * Adapters keep the platform's last budget as JSON in their state: counts
 * ({ remaining, limit, reset }) or usage percentages (Meta). Anything else shows nothing.
 */
export function describeBudget(raw: string | null): string | null {
  if (!raw) return null;
  let v: Record<string, unknown>;
  try {
    v = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return null;
  }
  const num = (k: string) => (typeof v[k] === 'number' && Number.isFinite(v[k]) ? (v[k] as number) : null);
  const remaining = num('remaining');
  const limit = num('limit');
  if (remaining !== null && limit !== null) {
    const reset = num('resetAt') ?? num('reset');
    const resetMs = reset === null ? null : reset < 1e12 ? reset * 1000 : reset;
    const until = resetMs ? ` until ${new Date(resetMs).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}` : '';
    return `${remaining} of ${limit} requests left${until}`;
  }
  const percents = Object.values(v).flatMap((x) => (typeof x === 'number' ? [x] : []));
  const usage = num('usagePercent') ?? (percents.length ? Math.max(...percents) : null);
  return usage !== null ? `API usage at ${Math.round(usage)}%` : null;
}
