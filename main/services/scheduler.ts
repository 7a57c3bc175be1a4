/**
 * Minute-by-minute housekeeping: snoozes that ended come back, waiting time raises priority,
 * and the crisis watch looks at the last window.
 */
import type { Db } from '../../db/open';
import { refreshWaitingPriority, wakeSnoozed } from '../../db/workflow';
import { logEvent } from '../../db/events';
import type { EventBus } from '../api/events';
import type { Clock } from './clock';
import { crisisStatus } from './crisis';

export class Scheduler {
  private timer: { cancel(): void } | null = null;
  private crisisActive: boolean | null = null;

  constructor(
    private readonly deps: { db: Db; clock: Clock; bus: EventBus; everyMs?: number },
  ) {}

  start(): void {
    this.tick();
  }

  stop(): void {
    this.timer?.cancel();
    this.timer = null;
  }

  /** One round; public so tests can drive it with their own clock. */
  tick(): void {
    const { db, clock, bus } = this.deps;
    const now = clock.now();
    const woken = db.transaction(() => {
      const ids = wakeSnoozed(db, now);
      for (const id of ids) logEvent(db, id, now, 'system', 'woke', {});
      return ids;
    })();
    const reprioritised = refreshWaitingPriority(db, now);
    if (woken.length > 0 || reprioritised > 0) bus.emit('threads.changed', { threadIds: woken, reason: 'workflow' });
    const crisis = crisisStatus(db, now);
    if (crisis.active !== this.crisisActive) {
      this.crisisActive = crisis.active;
      bus.emit('crisis.changed', crisis);
    }
    this.timer?.cancel();
    this.timer = clock.setTimeout(() => this.tick(), this.deps.everyMs ?? 60_000);
  }
}
