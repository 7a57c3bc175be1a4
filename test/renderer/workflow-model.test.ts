import { describe, expect, it } from 'vitest';
import type { ThreadDetail } from '../../preload/contract';
import { shortSpan, slaText, windowText } from '../../renderer/src/lib/clocks';
import { emptyList, missingPages, moveSelection, removeThread, selectId, withPage, withSpike } from '../../renderer/src/store/inboxModel';
import { assignOptions, labelOptions, snoozeOptions } from '../../renderer/src/store/triageOptions';
import { timelineOf } from '../../renderer/src/components/Timeline';
import { page } from './fixtures';

const MIN = 60_000;
const H = 60 * MIN;

describe('the spike group in the inbox model', () => {
  const loaded = (total: number, upTo = total) => withPage(emptyList('open'), 0, page(0, upTo, total));

  it('groups the spike’s loaded threads at the top in list order, keeps the rest and the holes', () => {
    const list = withSpike(loaded(250, 100), [50, 7, 400]);
    expect(list.pinned).toBe(2);
    expect(list.ids.slice(0, 4)).toEqual([7, 50, 1, 2]);
    expect(list.ids.length).toBe(250);
    expect(list.ids[100]).toBeUndefined();
    // Pages are still read by the server's positions.
    expect(missingPages(list, 0, 120)).toEqual([100]);
    expect(list.positions[6]).toBe(7);
  });

  it('a page arriving later keeps the group; a spike thread on it joins the group', () => {
    let list = withSpike(loaded(250, 100), [150]);
    expect(list.pinned).toBe(0);
    list = withPage(list, 100, page(100, 200, 250));
    expect(list.pinned).toBe(1);
    expect(list.ids[0]).toBe(150);
    expect(list.ids.filter((id) => id === 150).length).toBe(1);
  });

  it('j/k walk from the group into the rest; removing a grouped thread selects its neighbour', () => {
    let list = withSpike(loaded(5), [4]);
    expect(list.selectedId).toBe(1);
    list = selectId(list, 4);
    expect(list.selectedIndex).toBe(0);
    list = moveSelection(list, 1);
    expect(list.selectedId).toBe(1);
    list = removeThread(selectId(list, 4), 4);
    expect(list.pinned).toBe(0);
    expect(list.ids).toEqual([1, 2, 3, 5]);
    expect(list.selectedId).toBe(1);
  });

  it('resolved threads are not grouped', () => {
    const list = withSpike(withPage(emptyList('resolved'), 0, page(0, 3, 3)), [2]);
    expect(list.pinned).toBe(0);
    expect(list.ids).toEqual([1, 2, 3]);
  });

  it('a replacing refresh keeps the group', () => {
    let list = withSpike(loaded(4), [3]);
    list = withPage(list, 0, page(0, 4, 4), true);
    expect(list.ids).toEqual([3, 1, 2, 4]);
  });
});

describe('clocks in words', () => {
  const now = 1_000_000_000_000;
  it('SLA: time left, close to breach, breached and paused', () => {
    expect(slaText({ kind: 'first', dueAt: now + 2 * H + 10 * MIN, state: 'ok' }, now)).toEqual({ short: '2h left', long: 'First reply due in 2 h 10 min', tone: 'ok' });
    expect(slaText({ kind: 'next', dueAt: now + 12 * MIN, state: 'warning' }, now).tone).toBe('warning');
    expect(slaText({ kind: 'first', dueAt: now - 12 * MIN, state: 'breached' }, now)).toEqual({ short: 'late 12m', long: 'First reply breached 12 min ago', tone: 'breached' });
    // The server said ok a moment ago; the clock on screen has passed the due time.
    expect(slaText({ kind: 'first', dueAt: now - MIN, state: 'ok' }, now).tone).toBe('breached');
    expect(slaText({ kind: 'first', dueAt: now, state: 'paused' }, now).short).toBe('paused');
    expect(shortSpan(46 * H)).toBe('2d');
  });

  it('Meta’s window: 24 h, then a human agent reply up to 7 days, then closed', () => {
    const w = { standardUntil: now + 5 * H, humanAgentUntil: now + 6 * 24 * H };
    expect(windowText(w, now)).toMatchObject({ phase: 'standard', text: '24 h window: 5 h left' });
    expect(windowText(w, now + 5 * H + MIN)).toMatchObject({ phase: 'human-agent', text: 'Human agent reply: 5 d 18 h left' });
    expect(windowText(w, now + 7 * 24 * H)).toMatchObject({ phase: 'closed', text: 'Window closed — the channel no longer accepts replies' });
    expect(windowText({ standardUntil: now + H, humanAgentUntil: null }, now).tone).toBe('warning');
  });
});

describe('picker options', () => {
  const now = new Date(2026, 3, 14, 10, 0).getTime();
  it('snooze: the typed time first, then the quick choices', () => {
    expect(snoozeOptions('', now).map((o) => o.id)).toEqual(['later', 'tomorrow', 'next-week']);
    expect(snoozeOptions('monday', now)[0]).toEqual({ id: 'typed', title: 'monday', at: new Date(2026, 3, 20, 9, 0).getTime() });
    expect(snoozeOptions('gibberish', now).map((o) => o.id)).toEqual(['later', 'tomorrow', 'next-week']);
  });

  it('assign: fuzzy match, "Hand to" a new name, "Take back" when handed over', () => {
    const people = [
      { id: 1, name: 'Billing team', kind: 'queue' as const },
      { id: 2, name: 'Sam Lee', kind: 'person' as const },
    ];
    expect(assignOptions(people, 'bil', null, false)).toEqual([{ kind: 'assignee', name: 'Billing team', type: 'queue' }, { kind: 'create', name: 'bil' }]);
    expect(assignOptions(people, 'billing TEAM', null, false)).toEqual([{ kind: 'assignee', name: 'Billing team', type: 'queue' }]);
    expect(assignOptions(people, '', 'Sam Lee', false)).toEqual([{ kind: 'assignee', name: 'Billing team', type: 'queue' }, { kind: 'take-back', from: 'Sam Lee' }]);
  });

  it('labels: ticked when on the thread, "Create" for a new name', () => {
    const labels = [
      { id: 1, name: 'refund', color: '#2f80ed' },
      { id: 2, name: 'shipping', color: '#eb5757' },
    ];
    expect(labelOptions(labels, '', [2]).map((o) => (o.kind === 'label' ? [o.label.name, o.on] : o.name))).toEqual([
      ['refund', false],
      ['shipping', true],
    ]);
    expect(labelOptions(labels, 'refnd', []).map((o) => (o.kind === 'label' ? o.label.name : `new:${o.name}`))).toEqual(['refund', 'new:refnd']);
  });
});

describe('the thread timeline', () => {
  it('interleaves messages, notes and log entries by time, without repeating replies and notes', () => {
    const d = {
      messages: [
        { id: 1, createdAt: 10 },
        { id: 2, createdAt: 30 },
      ],
      notes: [{ id: 5, createdAt: 20 }],
      events: [
        { id: 7, at: 25, kind: 'status', actor: 'Sam', summary: 'open → resolved' },
        { id: 8, at: 20, kind: 'note', actor: 'Sam', summary: 'added a note' },
        { id: 9, at: 30, kind: 'replied', actor: 'Sam', summary: 'replied' },
        { id: 10, at: 10, kind: 'assigned', actor: 'Sam', summary: 'handed to Billing team' },
      ],
    } as unknown as ThreadDetail;
    expect(timelineOf(d).map((i) => i.key)).toEqual(['m1', 'e10', 'n5', 'e7', 'm2']);
  });
});
