// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Arg, CrisisStatus, CustomerProfile, RequestKey, ThreadDetail } from '../../preload/contract';
import { createAppStore } from '../../renderer/src/store';
import { profileRows } from '../../renderer/src/store/customer';
import { thread, installFakeCare, type FakeCall, type FakeHandlers } from './fixtures';

let handlers: FakeHandlers;
let calls: FakeCall[];

beforeEach(() => {
  ({ handlers, calls } = installFakeCare());
  vi.useFakeTimers();
  vi.setSystemTime(new Date(2026, 3, 14, 10, 0));
});

afterEach(() => {
  vi.useRealTimers();
});

const argsOf = <K extends RequestKey>(key: K) => calls.filter((c) => c.key === key).map((c) => c.arg as Arg<K>);

/** A store showing an Open list of threads 1..n, thread 1 selected and shown. */
async function inbox(n = 3, filter: 'open' | 'all' = 'open') {
  const items = Array.from({ length: n }, (_, i) => thread(i + 1));
  handlers['threads.list'] = (a) => {
    const arg = a as Arg<'threads.list'>;
    return arg.filter === filter ? { items, total: n } : { items: [], total: 0 };
  };
  handlers['threads.get'] = () => new Promise(() => {});
  const s = createAppStore();
  await s.getState().inboxStarted();
  await s.getState().filterChosen(filter);
  return s;
}

function crisis(active: boolean, spike: number[] = []): CrisisStatus {
  return { active, manual: active, since: active ? 0 : null, recentNegative: 0, baseline: 0, windowMinutes: 30, reason: '', spikeThreadIds: spike };
}

describe('snooze, pending, assign, label, note on one thread', () => {
  it('s: "in 3 hours" + Enter snoozes the shown thread; it leaves Open and says until when', async () => {
    const s = await inbox();
    handlers['threads.snooze'] = (a) => thread((a as { threadId: number }).threadId, { status: 'snoozed', snoozedUntil: (a as { until: number }).until });
    s.getState().snoozeOpened();
    expect(s.getState().overlay).toBe('snooze');
    s.getState().triageTyped('in 3 hours');
    await s.getState().triageChosen();
    expect(argsOf('threads.snooze')).toEqual([{ threadId: 1, until: new Date(2026, 3, 14, 13, 0).getTime() }]);
    expect(s.getState().overlay).toBeNull();
    expect(s.getState().inbox.ids).toEqual([2, 3]);
    expect(s.getState().toasts.at(-1)?.text).toMatch(/Snoozed Customer 1 until today 0?1:00.*PM|Snoozed Customer 1 until today 13:00/);
  });

  it('s: an unreadable time offers the quick choices; Enter takes the highlighted one', async () => {
    const s = await inbox();
    handlers['threads.snooze'] = (a) => thread(1, { status: 'snoozed', snoozedUntil: (a as { until: number }).until });
    s.getState().snoozeOpened();
    s.getState().triageTyped('whenever');
    s.getState().triageMoved(1);
    await s.getState().triageChosen();
    // Quick choices: later today, tomorrow morning (highlighted), next week.
    expect(argsOf('threads.snooze')[0]!.until).toBe(new Date(2026, 3, 15, 9, 0).getTime());
  });

  it('p marks pending; p again reopens', async () => {
    const s = await inbox(3, 'all');
    handlers['threads.setStatus'] = (a) => thread(1, { status: (a as { status: 'open' }).status });
    await s.getState().pendingToggled();
    expect(argsOf('threads.setStatus')).toEqual([{ threadId: 1, status: 'pending' }]);
    s.getState().threadShown(1, true);
    await s.getState().pendingToggled();
    expect(argsOf('threads.setStatus')[1]).toEqual({ threadId: 1, status: 'open' });
  });

  it('a: hands over with the private note; a new name is created by the server', async () => {
    const s = await inbox();
    handlers['assignees.list'] = () => [{ id: 1, name: 'Billing team', kind: 'queue' }];
    handlers['labels.list'] = () => [];
    handlers['threads.assign'] = (a) => thread(1, { assignee: (a as { assignee: string }).assignee });
    s.getState().assignOpened();
    await vi.runAllTimersAsync();
    s.getState().triageTyped('Billing team');
    s.getState().triageNoteTyped('  Refund one of the two charges.  ');
    await s.getState().triageChosen();
    expect(argsOf('threads.assign')).toEqual([{ threadId: 1, assignee: 'Billing team', note: 'Refund one of the two charges.' }]);
    expect(s.getState().inbox.byId[1]?.assignee).toBe('Billing team');
    expect(s.getState().overlay).toBeNull();

    s.getState().assignOpened();
    await vi.runAllTimersAsync();
    // Assigned: with nothing typed, "Take back" is the last line; ↑ from the top wraps to it.
    s.getState().triageMoved(-1);
    await s.getState().triageChosen();
    expect(argsOf('threads.assign')[1]).toEqual({ threadId: 1, assignee: null });
  });

  it('l: Enter creates a new label, toggles an existing one off, and stays open', async () => {
    const s = await inbox();
    const refund = { id: 4, name: 'refund', color: '#2f80ed' };
    let labels: (typeof refund)[] = [];
    handlers['labels.list'] = () => labels;
    handlers['assignees.list'] = () => [];
    handlers['threads.label'] = (a) => {
      const arg = a as Arg<'threads.label'>;
      if (arg.add?.length) labels = [refund];
      return thread(1, { labels: arg.add?.length ? [refund] : [] });
    };
    s.getState().labelOpened();
    await vi.runAllTimersAsync();
    s.getState().triageTyped('refund');
    await s.getState().triageChosen();
    expect(argsOf('threads.label')[0]).toEqual({ threadId: 1, add: ['refund'] });
    expect(s.getState().overlay).toBe('label');
    expect(s.getState().workflowLabels).toEqual([refund]);
    // The thread has it now: the same line takes it off.
    await s.getState().triageChosen();
    expect(argsOf('threads.label')[1]).toEqual({ threadId: 1, remove: [4] });
  });

  it('n: a private note is added and shows in the thread at once', async () => {
    const s = await inbox();
    const detail = { thread: thread(1), messages: [], notes: [], events: [] } as unknown as ThreadDetail;
    s.setState({ detail });
    handlers['notes.add'] = (a) => ({ id: 9, threadId: 1, author: 'Sam', text: (a as { text: string }).text, createdAt: 5 });
    s.getState().noteOpened();
    await s.getState().noteSaved('   ');
    expect(argsOf('notes.add')).toEqual([]);
    await s.getState().noteSaved('Called back, refund approved.');
    expect(argsOf('notes.add')).toEqual([{ threadId: 1, text: 'Called back, refund approved.' }]);
    expect(s.getState().detail?.notes.map((n) => n.text)).toEqual(['Called back, refund approved.']);
    expect(s.getState().overlay).toBeNull();
  });
});

describe('bulk selection', () => {
  it('x toggles, Shift+J extends, and e-style actions go to threads.bulk for all of them', async () => {
    const s = await inbox(5);
    handlers['threads.bulk'] = (a) => ({ changed: (a as Arg<'threads.bulk'>).threadIds.length });
    s.getState().bulkToggled();
    s.getState().bulkExtended(1);
    s.getState().bulkExtended(1);
    expect(s.getState().bulkIds).toEqual([1, 2, 3]);
    s.getState().bulkToggled();
    expect(s.getState().bulkIds).toEqual([1, 2]);
    await s.getState().bulkRequested({ kind: 'status', status: 'resolved' }, 'Resolved {n}');
    expect(argsOf('threads.bulk')).toEqual([{ threadIds: [1, 2], action: { kind: 'status', status: 'resolved' }, confirmCrisis: false }]);
    expect(s.getState().bulkIds).toEqual([]);
    expect(s.getState().toasts.at(-1)?.text).toBe('Resolved 2 threads.');
  });

  it('during a crisis it asks first, then passes confirmCrisis', async () => {
    const s = await inbox(3);
    handlers['threads.bulk'] = () => ({ changed: 3 });
    s.getState().crisisChanged(crisis(true));
    s.getState().bulkAllSelected();
    await s.getState().bulkRequested({ kind: 'snooze', until: Date.now() + 3_600_000 }, 'Snoozed {n}');
    expect(argsOf('threads.bulk')).toEqual([]);
    expect(s.getState().overlay).toBe('confirm-bulk');
    await s.getState().bulkConfirmed();
    expect(argsOf('threads.bulk')).toEqual([{ threadIds: [1, 2, 3], action: { kind: 'snooze', until: Date.now() + 3_600_000 }, confirmCrisis: true }]);
  });

  it('a crisis the renderer had not heard of yet: the server refuses, we ask, then confirm', async () => {
    const s = await inbox(2);
    handlers['crisis.status'] = () => crisis(true);
    handlers['threads.bulk'] = (a) => {
      if (!(a as Arg<'threads.bulk'>).confirmCrisis) throw new Error('Crisis mode is on: bulk actions are paused. Confirm to apply this one anyway.');
      return { changed: 2 };
    };
    s.getState().bulkAllSelected();
    await s.getState().bulkRequested({ kind: 'label', name: 'outage' }, 'Labelled {n}');
    expect(s.getState().overlay).toBe('confirm-bulk');
    await s.getState().bulkConfirmed();
    expect(argsOf('threads.bulk').map((a) => a.confirmCrisis)).toEqual([false, true]);
  });

  it('with a selection the pickers act on the selection', async () => {
    const s = await inbox(3);
    handlers['assignees.list'] = () => [{ id: 1, name: 'Tier 2 support', kind: 'queue' }];
    handlers['labels.list'] = () => [];
    handlers['threads.bulk'] = () => ({ changed: 2 });
    s.getState().bulkToggled();
    s.getState().bulkExtended(1);
    s.getState().assignOpened();
    await vi.runAllTimersAsync();
    expect(s.getState().triageBulk).toBe(true);
    s.getState().triageTyped('tier');
    await s.getState().triageChosen();
    expect(argsOf('threads.bulk')[0]).toEqual({ threadIds: [1, 2], action: { kind: 'assign', assignee: 'Tier 2 support' }, confirmCrisis: false });
  });
});

describe('crisis mode groups the spike at the top', () => {
  it('spike threads come first, the selection stays on its thread, a filter change keeps the grouping', async () => {
    const s = await inbox(5);
    s.getState().selectionMoved(1);
    s.getState().crisisChanged(crisis(true, [4, 99, 2]));
    expect(s.getState().inbox.ids).toEqual([2, 4, 1, 3, 5]);
    expect(s.getState().inbox.pinned).toBe(2);
    expect(s.getState().inbox.selectedId).toBe(2);
    expect(s.getState().inbox.selectedIndex).toBe(0);
    s.getState().crisisChanged(crisis(false));
    expect(s.getState().inbox.ids).toEqual([1, 2, 3, 4, 5]);
    expect(s.getState().inbox.pinned).toBe(0);
  });
});

describe('the composer’s guard', () => {
  const detail = (patch: Partial<ThreadDetail>) => ({ thread: thread(7), answeredElsewhere: false, replyWindow: null, ...patch }) as ThreadDetail;

  it('someone else answered: the first press arms, the second sends, a late second asks again', () => {
    const s = createAppStore();
    const d = detail({ answeredElsewhere: true });
    expect(s.getState().sendGuarded(7, d)).toBe(true);
    expect(s.getState().sendConfirmArmed?.threadId).toBe(7);
    expect(s.getState().sendGuarded(7, d)).toBe(false);
    expect(s.getState().sendGuarded(7, d)).toBe(true);
    vi.advanceTimersByTime(9000);
    expect(s.getState().sendConfirmArmed).toBeNull();
    expect(s.getState().sendGuarded(7, d)).toBe(true);
  });

  it('a closed window refuses; an open one or none lets it go', () => {
    const s = createAppStore();
    const now = Date.now();
    expect(s.getState().sendGuarded(7, detail({ replyWindow: { standardUntil: now - 10, humanAgentUntil: now - 5 } }))).toBe(true);
    expect(s.getState().toasts.at(-1)?.text).toMatch(/window has closed/);
    expect(s.getState().sendGuarded(7, detail({ replyWindow: { standardUntil: now - 10, humanAgentUntil: now + 1000 } }))).toBe(false);
    expect(s.getState().sendGuarded(7, detail({}))).toBe(false);
  });

  it('send goes through the guard: nothing is sent on the first press of a collision', async () => {
    handlers['reply.send'] = vi.fn(() => ({ id: 1, threadId: 7, direction: 'out', authorName: 'Sam', authorHandle: null, text: 'x', createdAt: 0, sendState: 'queued', sendError: null, externalId: null }));
    const s = createAppStore();
    s.setState({ shownId: 7, detail: { ...detail({ answeredElsewhere: true }), messages: [], notes: [], events: [], lengthRule: { count: 'utf16', max: 280 } } as unknown as ThreadDetail });
    s.getState().draftEdited(7, { text: 'Hello', selectionStart: 5, selectionEnd: 5 });
    await s.getState().replySendRequested();
    expect(handlers['reply.send']).not.toHaveBeenCalled();
    await s.getState().replySendRequested();
    expect(handlers['reply.send']).toHaveBeenCalledTimes(1);
  });
});

describe('customer profile', () => {
  const profile = (patch: Partial<CustomerProfile> = {}): CustomerProfile => ({
    id: 1,
    displayName: 'Jade Okafor',
    note: '',
    vip: false,
    identities: [{ id: 50, network: 'bluesky', handle: '@jade', displayName: 'Jade Okafor', followerCount: 10 }],
    threads: [thread(1)],
    timeline: [{ messageId: 11, threadId: 1, network: 'bluesky', kind: 'mention', direction: 'in', authorName: 'Jade', text: 'hi', createdAt: 1 }],
    suggestions: [{ customerId: 6, displayName: 'Jade Okafor', handle: '@jade', network: 'telegram', reason: 'same handle jade' }],
    ...patch,
  });

  it('rows: identities only when one can be unlinked, then suggestions, then the timeline', () => {
    expect(profileRows(profile()).map((r) => r.kind)).toEqual(['suggestion', 'entry']);
    const two = profile({ identities: [...profile().identities, { id: 60, network: 'telegram', handle: '@jade', displayName: 'Jade', followerCount: null }] });
    expect(profileRows(two).map((r) => r.kind)).toEqual(['identity', 'identity', 'suggestion', 'entry']);
  });

  it('Enter on a suggestion links it; Delete on an identity unlinks it; v toggles VIP', async () => {
    const s = await inbox(1);
    const linked = profile({ suggestions: [], identities: [...profile().identities, { id: 60, network: 'telegram', handle: '@jade', displayName: 'Jade', followerCount: null }] });
    handlers['customers.get'] = () => profile();
    handlers['customers.link'] = () => linked;
    handlers['customers.unlink'] = () => profile({ suggestions: [] });
    handlers['customers.update'] = (a) => ({ ...linked, vip: (a as { vip: boolean }).vip });
    s.getState().profileOpened();
    await vi.runAllTimersAsync();
    expect(s.getState().overlay).toBe('customer');
    await s.getState().profileRowChosen();
    expect(argsOf('customers.link')).toEqual([{ customerId: 1, otherCustomerId: 6 }]);
    s.getState().profileMoved(1);
    await s.getState().identityUnlinkRequested();
    expect(argsOf('customers.unlink')).toEqual([{ identityId: 60 }]);
    await s.getState().vipToggled();
    expect(argsOf('customers.update')).toEqual([{ customerId: 1, vip: true }]);
  });

  it('Enter on a timeline entry opens that thread and closes the profile', async () => {
    const s = await inbox(3);
    handlers['customers.get'] = () => profile({ suggestions: [], timeline: [{ messageId: 11, threadId: 3, network: 'x', kind: 'dm', direction: 'in', authorName: 'Jade', text: 'hi', createdAt: 1 }] });
    s.getState().profileOpened();
    await vi.runAllTimersAsync();
    await s.getState().profileRowChosen();
    expect(s.getState().overlay).toBeNull();
    expect(s.getState().shownId).toBe(3);
    expect(s.getState().inbox.selectedId).toBe(3);
  });
});
