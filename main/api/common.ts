/** What several handler groups share: the agent's identity, reading a thread or failing clearly, status changes. */
import { logEvent } from '../../db/events';
import { getMessage } from '../../db/messages';
import { getSetting } from '../../db/settings';
import { getThread, type ThreadRow } from '../../db/threads';
import { applyStatus } from '../../db/workflow';
import type { Settings, ThreadStatus, ThreadSummary } from '../../preload/contract';
import type { CoreContext } from '../core';
import { Failure } from './failure';
import { threadViews } from './views';

export const SETTINGS_KEY = 'agent';

export type Common = ReturnType<typeof common>;

export function common(ctx: CoreContext) {
  const { db, bus, clock } = ctx;
  const settings = (): Settings => getSetting<Settings>(db, SETTINGS_KEY, { agentName: '', agentSignature: '' });
  const actor = () => settings().agentName || 'agent';

  const thread = (threadId: number): ThreadRow => {
    const t = getThread(db, threadId);
    if (!t) throw new Failure('not_found', `Thread ${threadId} does not exist (it may have been removed).`);
    return t;
  };
  const view = (threadId: number): ThreadSummary => threadViews(db, [thread(threadId)], clock.now())[0]!;

  /** One status change, logged with who and when; `status_undo` entries are not themselves undoable. */
  const changeStatus = (
    threadId: number,
    status: ThreadStatus,
    opts: { kind?: 'status' | 'status_undo'; data?: Record<string, unknown>; snoozedUntil?: number | null; emit?: boolean } = {},
  ): boolean => {
    const before = thread(threadId);
    if (before.status === status && status !== 'snoozed') return false;
    const now = clock.now();
    db.transaction(() => {
      applyStatus(db, threadId, status, now, opts.snoozedUntil ?? null);
      logEvent(db, threadId, now, actor(), opts.kind ?? 'status', {
        from: before.status,
        to: status,
        ...(before.status === 'snoozed' ? { fromSnoozedUntil: before.snoozedUntil } : {}),
        ...(opts.snoozedUntil ? { until: opts.snoozedUntil } : {}),
        ...opts.data,
      });
    })();
    if (opts.emit ?? true) bus.emit('threads.changed', { threadIds: [threadId], reason: 'status' });
    return true;
  };

  const message = (messageId: number) => {
    const m = getMessage(db, messageId);
    if (!m) throw new Failure('not_found', `Message ${messageId} does not exist.`);
    return m;
  };

  return { settings, actor, thread, view, changeStatus, message };
}
