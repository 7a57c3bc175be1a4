// The care workflow's rules, on a real database with a clock the test moves.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ManualClock } from '../support/clock';
import { api, arriveOn, freshScriptedCore, type TestCore } from '../support/core';
import type { ScriptedAdapter } from '../fakes/scripted-adapter';
import type { NormalisedMessage } from '../../main/channels/types';

let t: TestCore;
let adapter: ScriptedAdapter;
let clock: ManualClock;
let cleanup: () => Promise<void>;
beforeEach(() => void ({ t, adapter, clock, cleanup } = freshScriptedCore()));
afterEach(() => cleanup());
const MIN = 60_000;
const H = 60 * MIN;



/** Every call goes through the contract's boundary, as the renderer's would. */
const h = () => api(t.core);
const arrive = (...items: Array<Partial<NormalisedMessage>>) => arriveOn({ t, adapter, clock }, items);
const thread = async (id: number) => (await h()['threads.get']({ threadId: id })).thread;

describe('statuses', () => {
  it('a new customer message reopens a resolved or pending thread, and logs who did it', async () => {
    const [id] = await arrive({ threadExternalId: 'T1' });
    await h()['threads.setStatus']({ threadId: id!, status: 'resolved' });
    clock.advance(H);
    await arrive({ threadExternalId: 'T1', text: 'one more thing' });
    expect((await thread(id!)).status).toBe('open');
    await h()['threads.setStatus']({ threadId: id!, status: 'pending' });
    clock.advance(H);
    await arrive({ threadExternalId: 'T1', text: 'here is my order number' });
    expect((await thread(id!)).status).toBe('open');
    const events = (await h()['threads.get']({ threadId: id! })).events.map((e) => `${e.actor}: ${e.summary}`);
    expect(events).toEqual([
      'agent: open → resolved',
      'customer: reopened by a new customer message (was resolved)',
      'agent: open → pending',
      'customer: reopened by a new customer message (was pending)',
    ]);
  });

  it('z undoes status changes one by one, newest first, including a snooze', async () => {
    const [a, b] = await arrive({ threadExternalId: 'A' }, { threadExternalId: 'B' });
    await h()['threads.setStatus']({ threadId: a!, status: 'resolved' });
    await h()['threads.snooze']({ threadId: b!, until: clock.now() + 3 * H });
    expect(await h()['threads.undo']({})).toEqual({ threadId: b, status: 'open' });
    expect(await h()['threads.undo']({})).toEqual({ threadId: a, status: 'open' });
    expect(await h()['threads.undo']({})).toBeNull();
  });
});

describe('snooze', () => {
  it('wakes by itself at the chosen time, unread and at the top of the inbox', async () => {
    const [quiet, loud] = await arrive({ threadExternalId: 'quiet', text: 'when do you open?' }, {
      threadExternalId: 'loud',
      text: 'WORST service ever, still waiting',
      customer: { externalId: 'inf', handle: '@inf', displayName: 'Influencer', followerCount: 250_000 },
    });
    await h()['threads.markUnread']({ threadId: quiet!, unread: false });
    await h()['threads.snooze']({ threadId: quiet!, until: clock.now() + 3 * H });
    expect((await h()['threads.list']({ filter: 'snoozed' })).items.map((x) => x.id)).toEqual([quiet]);
    t.core.scheduler.start();
    clock.advance(3 * H - MIN);
    expect((await thread(quiet!)).status).toBe('snoozed');
    clock.advance(2 * MIN);
    const woke = await thread(quiet!);
    expect(woke.status).toBe('open');
    expect(woke.unread).toBe(true);
    expect(woke.priorityReasons).toContain('snooze ended');
    const open = (await h()['threads.list']({ filter: 'open' })).items.map((x) => x.id);
    expect(open[0]).toBe(quiet);
    expect(open).toContain(loud);
  });

  it('refuses a snooze in the past', async () => {
    const [id] = await arrive({ threadExternalId: 'S' });
    await expect(h()['threads.snooze']({ threadId: id!, until: clock.now() - 1 })).rejects.toThrow(/in the future/);
  });
});

describe('SLA clock', () => {
  it('counts from the oldest unanswered message, warns before the target, pauses while pending, then breaches', async () => {
    // X: first response within 60 minutes.
    const [id] = await arrive({ threadExternalId: 'SLA' });
    let sla = (await thread(id!)).sla!;
    expect(sla).toEqual({ kind: 'first', dueAt: clock.now() + 60 * MIN, state: 'ok' });
    clock.advance(46 * MIN);
    expect((await thread(id!)).sla!.state).toBe('warning');
    await h()['threads.setStatus']({ threadId: id!, status: 'pending' });
    clock.advance(2 * H);
    expect((await thread(id!)).sla!.state).toBe('paused');
    await h()['threads.setStatus']({ threadId: id!, status: 'open' });
    sla = (await thread(id!)).sla!;
    expect(sla.state).toBe('warning');
    expect(sla.dueAt).toBe(clock.now() + 14 * MIN); // the two hours paused do not count
    clock.advance(15 * MIN);
    expect((await thread(id!)).sla!.state).toBe('breached');
  });

  it('switches to the next-response target after our first reply, and stops when we answer', async () => {
    const [id] = await arrive({ threadExternalId: 'N' });
    await h()['reply.send']({ threadId: id!, text: 'Looking into it!', idempotencyKey: 'k-n-000001', cannedIds: [] });
    expect((await thread(id!)).sla).toBeNull();
    clock.advance(H);
    await arrive({ threadExternalId: 'N', text: 'any news?' });
    expect((await thread(id!)).sla).toMatchObject({ kind: 'next', dueAt: clock.now() + 60 * MIN });
    await h()['sla.save']({ x: { firstMinutes: 30, nextMinutes: 15 } });
    expect((await thread(id!)).sla).toMatchObject({ kind: 'next', dueAt: clock.now() + 15 * MIN, state: 'ok' });
    clock.advance(6 * MIN);
    expect((await thread(id!)).sla!.state).toBe('warning');
  });
});

describe('priority', () => {
  it('orders by reach, anger and urgency, explains why, and lets waiting time lift a thread', async () => {
    const [calm, angry, famous] = await arrive(
      { threadExternalId: 'calm', text: 'Do you sell decaf beans?' },
      { threadExternalId: 'angry', text: 'This is unacceptable, I was charged twice!' },
      { threadExternalId: 'famous', text: 'Hey, do you ship to Canada?', customer: { externalId: 'f', handle: '@f', displayName: 'F', followerCount: 48_200 } },
    );
    const order = (await h()['threads.list']({ filter: 'open' })).items.map((x) => x.id);
    expect(order).toEqual([angry, famous, calm]);
    expect((await thread(angry!)).priorityReasons).toEqual(['angry', 'urgent']);
    expect((await thread(famous!)).priorityReasons).toEqual(['48k followers']);
    // Three hours later the calm question has waited long enough to be explained by it.
    t.core.scheduler.tick();
    clock.advance(3 * H);
    t.core.scheduler.tick();
    const calmNow = await thread(calm!);
    expect(calmNow.priority).toBe(20 + 12);
    expect(calmNow.priorityReasons).toEqual(['waiting 3 h']);
  });
});

describe('crisis watch', () => {
  const negative = (i: number) => ({ threadExternalId: `neg${i}`, text: `My order is late again, this is terrible (${i})` });

  const neutral = (i: number) => ({ threadExternalId: `q${i}`, text: `Do you ship to Canada? (${i})` });

  it('stays off for normal and for merely busy traffic, and switches on for a spike of negative messages', async () => {
    // A normal week: a question or two and a complaint every few hours.
    for (let day = 0; day < 7; day++) {
      for (let k = 0; k < 8; k++) {
        await arrive(negative(day * 100 + k), neutral(day * 100 + k), neutral(day * 100 + k + 50));
        clock.advance(3 * H);
      }
    }
    expect((await h()['crisis.status']({})).active).toBe(false);
    // A busy half hour with the usual mix (ten times the traffic): still no crisis.
    for (let k = 0; k < 10; k++) {
      await arrive(negative(2000 + k), neutral(2000 + k), neutral(2100 + k));
      clock.advance(150_000);
    }
    expect((await h()['crisis.status']({})).active).toBe(false);
    clock.advance(H);
    // Then 12 angry messages within 20 minutes.
    for (let k = 0; k < 12; k++) {
      await arrive(negative(1000 + k));
      clock.advance(100_000);
    }
    const status = await h()['crisis.status']({});
    expect(status.active).toBe(true);
    expect(status.manual).toBe(false);
    expect(status.recentNegative).toBeGreaterThanOrEqual(12);
    expect(status.reason).toMatch(/negative messages in the last 30 minutes/);
    expect(status.spikeThreadIds.length).toBeGreaterThanOrEqual(12);
    // The crisis set of canned responses comes first, and bulk actions wait for a confirmation.
    await h()['canned.save']({ title: 'Normal', shortcut: 'n', body: 'hello', crisis: false });
    await h()['canned.save']({ title: 'Outage', shortcut: 'o', body: 'we know', crisis: true });
    expect((await h()['canned.list']({}))[0]!.title).toBe('Outage');
    await expect(h()['threads.bulk']({ threadIds: status.spikeThreadIds.slice(0, 2), action: { kind: 'status', status: 'resolved' } })).rejects.toThrow(
      /Crisis mode is on/,
    );
    expect(
      await h()['threads.bulk']({ threadIds: status.spikeThreadIds.slice(0, 2), action: { kind: 'status', status: 'resolved' }, confirmCrisis: true }),
    ).toEqual({ changed: 2 });
    // An hour of quiet later it is over by itself.
    clock.advance(H);
    expect((await h()['crisis.status']({})).active).toBe(false);
  });

  it('can be switched on and off by an agent', async () => {
    expect((await h()['crisis.set']({ on: true })).active).toBe(true);
    expect((await h()['crisis.status']({})).manual).toBe(true);
    expect((await h()['crisis.set']({ on: false })).active).toBe(false);
  });
});

describe('assignment, labels, notes, bulk', () => {
  it('hands a thread to a queue with a private note, shown everywhere, never sent', async () => {
    const [id] = await arrive({ threadExternalId: 'E' });
    const after = await h()['threads.assign']({ threadId: id!, assignee: 'Billing team', note: 'Charged twice, needs a refund over 50 EUR' });
    expect(after.assignee).toBe('Billing team');
    expect((await h()['threads.list']({ filter: 'open' })).items.find((x) => x.id === id)!.assignee).toBe('Billing team');
    const detail = await h()['threads.get']({ threadId: id! });
    expect(detail.notes.map((n) => n.text)).toEqual(['Handed to Billing team: Charged twice, needs a refund over 50 EUR']);
    expect(detail.messages.filter((m) => m.direction === 'out')).toHaveLength(0);
    expect(adapter.sendAttempts).toBe(0);
    expect((await h()['assignees.list']({})).map((a) => [a.name, a.kind])).toContainEqual(['Billing team', 'queue']);
  });

  it('creates labels on the fly with a colour, and applies bulk actions to a selection', async () => {
    const ids = await arrive({ threadExternalId: 'L1' }, { threadExternalId: 'L2' }, { threadExternalId: 'L3' });
    const labelled = await h()['threads.label']({ threadId: ids[0]!, add: ['Shipping', 'shipping'] });
    expect(labelled.labels).toHaveLength(1);
    expect(labelled.labels[0]!.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(await h()['threads.bulk']({ threadIds: ids, action: { kind: 'label', name: 'Shipping' } })).toEqual({ changed: 3 });
    expect(await h()['threads.bulk']({ threadIds: ids, action: { kind: 'snooze', until: clock.now() + H } })).toEqual({ changed: 3 });
    expect((await h()['threads.list']({ filter: 'snoozed' })).total).toBe(3);
    await h()['threads.label']({ threadId: ids[0]!, remove: [labelled.labels[0]!.id] });
    expect((await thread(ids[0]!)).labels).toEqual([]);
  });

  it('warns in the thread when someone else answered on the channel', async () => {
    const [id] = await arrive({ threadExternalId: 'C' });
    expect((await h()['threads.get']({ threadId: id! })).answeredElsewhere).toBe(false);
    clock.advance(MIN);
    await arrive({ threadExternalId: 'C', direction: 'out', authorName: 'Sam on the phone app', text: 'On it!' });
    expect((await h()['threads.get']({ threadId: id! })).answeredElsewhere).toBe(true);
  });
});
