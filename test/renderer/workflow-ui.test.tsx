// @vitest-environment jsdom
import { act, cleanup, render, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ThreadDetail } from '../../preload/contract';
import type { CommandContext } from '../../renderer/src/commands/context';
import { registry } from '../../renderer/src/commands/defaults';
import { parseKeys } from '../../renderer/src/commands/keys';
import { ComposerNotices } from '../../renderer/src/components/ComposerNotices';
import { InboxRow } from '../../renderer/src/components/InboxRow';
import { TimelineItems } from '../../renderer/src/components/Timeline';
import { SnoozePicker } from '../../renderer/src/components/TriagePickers';
import { store } from '../../renderer/src/store';
import { emptyList, withPage } from '../../renderer/src/store/inboxModel';
import { thread } from './fixtures';

Element.prototype.scrollIntoView = function scrollIntoView() {};

afterEach(() => {
  cleanup();
  act(() => {
    store.getState().overlayClosed();
    store.setState({ bulkIds: [], detail: null, shownId: null, inbox: emptyList('open') });
  });
});

/** The first command the dispatcher would run for `key` here (registry order, first match wins). */
function firstFor(key: string, ctx: CommandContext): string | undefined {
  const chord = parseKeys(key, 'other').join(' ');
  return registry.all().find((c) => c.keys.some((k) => parseKeys(k, 'other').join(' ') === chord) && c.when(ctx))?.id;
}

describe('keys of the care workflow', () => {
  const ctx = (patch: Partial<ReturnType<typeof store.getState>>, region: CommandContext['region'] = 'inbox'): CommandContext => ({
    s: { ...store.getState(), view: 'inbox', overlay: null, shownId: 1, ...patch },
    region,
  });

  it('with a selection, e resolves the selection; without, the thread; Esc in the list clears it', () => {
    expect(firstFor('e', ctx({ bulkIds: [1, 2] }))).toBe('bulk.resolve');
    expect(firstFor('e', ctx({ bulkIds: [] }))).toBe('thread.resolve');
    // Esc is one command everywhere; in the list, with a selection, it clears the selection first.
    act(() => store.setState({ bulkIds: [1, 2] }));
    expect(firstFor('Escape', ctx({}))).toBe('nav.back');
    act(() => void registry.byId('nav.back')!.run(ctx({})));
    expect(store.getState().bulkIds).toEqual([]);
  });

  it('each single key means one thing on the inbox screen', () => {
    const here = ctx({ bulkIds: [], inbox: { ...emptyList('open'), selectedId: 1 } });
    expect(['p', 's', 'a', 'l', 'n', 'c', 'x', 'Shift+J', 'Mod+a'].map((k) => firstFor(k, here))).toEqual([
      'thread.pending',
      'thread.snooze',
      'thread.assign',
      'thread.label',
      'thread.note',
      'customer.open',
      'bulk.toggle',
      'bulk.extend-down',
      'bulk.all',
    ]);
  });

  it('in the customer profile j, Enter and v belong to it, not to the inbox', () => {
    const here = ctx({ overlay: 'customer', profileCustomerId: 1, customerProfiles: {} }, 'customer');
    expect(firstFor('j', here)).toBe('customer.down');
    expect(firstFor('v', here)).toBe('customer.vip');
    expect(firstFor('e', here)).toBeUndefined();
  });

  it('crisis mode on/off are palette commands, offered one at a time', () => {
    const off = ctx({ crisis: null });
    expect(registry.byId('crisis.on')!.when(off)).toBe(true);
    expect(registry.byId('crisis.off')!.when(off)).toBe(false);
  });
});

describe('what the agent sees', () => {
  it('the snooze picker reads the typed time live', () => {
    act(() => {
      store.setState({ triageTargets: [1], triageBulk: false, triageQuery: '', triageIndex: 0, inbox: withPage(emptyList('open'), 0, { items: [thread(1, { customerName: 'Ana' })], total: 1 }) });
      store.getState().overlayOpened('snooze', 'inbox');
    });
    const { getByTestId } = render(<SnoozePicker />);
    expect(getByTestId('snooze-picker').textContent).toContain('Snooze Ana until');
    expect(within(getByTestId('snooze-picker')).getAllByTestId('snooze-option').length).toBe(3);
    act(() => store.getState().triageTyped('in 3 hours'));
    expect(getByTestId('snooze-parsed').textContent).toMatch(/Comes back .* · in 3 h/);
    expect(within(getByTestId('snooze-picker')).getAllByTestId('snooze-option')[0]!.textContent).toContain('“in 3 hours”');
    act(() => store.getState().triageTyped('someday maybe'));
    expect(getByTestId('snooze-parsed').textContent).toMatch(/Not a time I can read/);
  });

  it('a row shows its labels, assignee, SLA clock; a snoozed one when it wakes', () => {
    const now = Date.now();
    const t = thread(1, { labels: [{ id: 1, name: 'refund', color: '#2f80ed' }], assignee: 'Billing team', sla: { kind: 'first', dueAt: now - 3 * 3_600_000, state: 'breached' } });
    const z = thread(2, { status: 'snoozed', snoozedUntil: now + 3_600_000 });
    act(() => store.setState({ inbox: withPage(emptyList('all'), 0, { items: [t, z], total: 2 }), bulkIds: [2] }));
    const { container } = render(
      <>
        <InboxRow index={0} start={0} />
        <InboxRow index={1} start={64} />
      </>,
    );
    const [row, snoozed] = [...container.querySelectorAll<HTMLElement>('[data-testid="thread-row"]')];
    expect(within(row!).getByTestId('label-chip').textContent).toBe('refund');
    expect(within(row!).getByTestId('assignee-chip').textContent).toContain('Billing team');
    expect(within(row!).getByTestId('sla').dataset['state']).toBe('breached');
    expect(within(row!).getByTestId('sla').textContent).toContain('late 3h');
    expect(within(snoozed!).getByTestId('snoozed-until')).toBeTruthy();
    // Bulk mode: every row has a checkbox, the picked one is ticked.
    expect(row!.getAttribute('aria-checked')).toBe('false');
    expect(snoozed!.getAttribute('aria-checked')).toBe('true');
  });

  it('notes and log entries are text, never markup, and a note says it is never sent', () => {
    const d = {
      thread: thread(1),
      messages: [{ id: 1, threadId: 1, direction: 'in', authorName: 'Ana', authorHandle: null, text: 'hi', createdAt: 1, sendState: null, sendError: null, externalId: null }],
      notes: [{ id: 2, threadId: 1, author: 'Sam', text: '<img src=x onerror=alert(1)>', createdAt: 2 }],
      events: [{ id: 3, at: 3, actor: 'Sam', kind: 'assigned', summary: 'handed to <b>Billing</b>' }],
    } as unknown as ThreadDetail;
    const { container, getByTestId } = render(<TimelineItems detail={d} />);
    expect(container.querySelector('img, b')).toBeNull();
    expect(getByTestId('note').textContent).toContain('Private note · never sent');
    expect(getByTestId('note').textContent).toContain('<img src=x onerror=alert(1)>');
    expect(getByTestId('event').textContent).toContain('Sam handed to <b>Billing</b>');
  });

  it('the composer shows the window left, and warns when someone else answered', () => {
    const now = Date.now();
    const d = { thread: thread(1), answeredElsewhere: true, replyWindow: { standardUntil: now - 10_000, humanAgentUntil: now + (5 * 24 + 3) * 3_600_000 + 60_000 } } as unknown as ThreadDetail;
    const { getByTestId } = render(<ComposerNotices detail={d} />);
    expect(getByTestId('reply-window').dataset['phase']).toBe('human-agent');
    expect(getByTestId('reply-window').textContent).toContain('Human agent reply: 5 d 3 h left');
    expect(getByTestId('collision-warning').textContent).toMatch(/already answered/);
  });
});
