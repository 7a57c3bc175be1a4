/** Database rows → the contract's shapes. The one place where stored strings become typed unions. */
import { adapterState, type AccountRow } from '../../db/accounts';
import { cursorsOf, type CursorRow } from '../../db/cursors';
import type { Db } from '../../db/open';
import type { MessageRow } from '../../db/messages';
import type { ThreadRow } from '../../db/threads';
import { getSetting } from '../../db/settings';
import { labelsOfThreads } from '../../db/workflow';
import { slaClock, targetsWithDefaults } from '../services/sla';
import type { AccountSummary, Channel, Label, Message, Network, SlaTargets, ThreadKind, ThreadStatus, ThreadSummary } from '../../preload/contract';

export const SLA_KEY = 'sla';

/** Inbox rows for many threads at once: labels in one query, SLA targets read once. */
export function threadViews(db: Db, rows: ThreadRow[], now: number): ThreadSummary[] {
  const labels = labelsOfThreads(db, rows.map((r) => r.id));
  const targets = targetsWithDefaults(getSetting<SlaTargets>(db, SLA_KEY, {}));
  return rows.map((t) => threadView(t, labels.get(t.id) ?? [], targets, now));
}

export function threadView(t: ThreadRow, labels: Label[], targets: ReturnType<typeof targetsWithDefaults>, now: number): ThreadSummary {
  const waiting = t.awaitingSince !== null && t.status === 'open' ? now - t.awaitingSince : 0;
  return {
    id: t.id,
    accountId: t.accountId,
    accountName: t.accountName,
    channel: t.channel as Channel,
    network: t.network as Network,
    kind: t.kind as ThreadKind,
    status: t.status as ThreadStatus,
    priority: t.priority,
    priorityReasons: waiting >= 30 * 60_000 ? [...t.priorityReasons, `waiting ${formatDuration(waiting)}`] : t.priorityReasons,
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
    assignee: t.assignee,
    labels,
    snoozedUntil: t.snoozedUntil,
    awaitingSince: t.awaitingSince,
    sla: slaClock(t, targets, now),
  };
}

/** "45 min", "3 h", "2 d": how people say how long someone has waited. */
export function formatDuration(ms: number): string {
  const min = Math.floor(ms / 60_000);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return `${h} h`;
  return `${Math.floor(h / 24)} d`;
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
 * Adapters keep the platform's last budget as JSON in their state, in one of two shapes: counts
 * ({ limit, remaining, resetAt } — X, Mastodon, Bluesky) or Meta's usage percentages
 * ({ maxPercent, blockedUntil }). Anything else shows nothing.
 */
export function describeBudget(raw: string | null, now = Date.now()): string | null {
  if (!raw) return null;
  let v: Record<string, unknown>;
  try {
    v = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return null;
  }
  const num = (k: string) => (typeof v[k] === 'number' && Number.isFinite(v[k]) ? (v[k] as number) : null);
  const time = (ms: number) => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  const blockedUntil = num('blockedUntil');
  if (blockedUntil !== null && blockedUntil > now) return `paused by the platform until ${time(blockedUntil)}`;
  const remaining = num('remaining');
  const limit = num('limit');
  if (remaining !== null && limit !== null) {
    const reset = num('resetAt');
    return `${remaining} of ${limit} requests left${reset !== null && reset > now ? ` until ${time(reset)}` : ''}`;
  }
  const percent = num('maxPercent');
  return percent !== null ? `${Math.round(percent)}% of the API budget used` : null;
}
