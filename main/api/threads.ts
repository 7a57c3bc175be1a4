/** Reading and triaging threads: the inbox, one thread, status, snooze, assignment, labels, notes, bulk. */
import { listAccounts } from '../../db/accounts';
import { eventsOf, lastUndoableStatusChange, logEvent } from '../../db/events';
import { messagesOf } from '../../db/messages';
import { customerOfThread, listThreads, setThreadUnread, threadsOfCustomer } from '../../db/threads';
import {
  addLabel,
  addNote,
  ensureAssignee,
  ensureLabel,
  listLabels,
  notesOf,
  removeLabel,
  setAssignee,
} from '../../db/workflow';
import type { Handlers, Network, ThreadEventView, ThreadStatus } from '../../preload/contract';
import type { OutgoingReply } from '../channels/types';
import type { CoreContext } from '../core';
import { isCrisisActive } from '../services/crisis';
import type { Common } from './common';
import { Failure } from './failure';
import { accountSummary, messageView, threadViews } from './views';

type ThreadHandlers = Pick<
  Handlers,
  | 'threads.list'
  | 'threads.get'
  | 'threads.setStatus'
  | 'threads.markUnread'
  | 'threads.undo'
  | 'threads.snooze'
  | 'threads.assign'
  | 'threads.label'
  | 'threads.bulk'
  | 'notes.add'
>;

/** A palette of label colours that read on light and dark backgrounds; new labels take the next one. */
export const LABEL_COLOURS = ['#2f80ed', '#eb5757', '#27ae60', '#f2994a', '#9b51e0', '#56ccf2', '#bb6bd9', '#219653', '#f2c94c', '#828282'];

export function createThreadHandlers(ctx: CoreContext, c: Common): ThreadHandlers {
  const { db, bus, clock } = ctx;
  const changed = (ids: number[], reason: 'status' | 'workflow' | 'read' = 'workflow') => bus.emit('threads.changed', { threadIds: ids, reason });
  const nextColour = () => LABEL_COLOURS[listLabels(db).length % LABEL_COLOURS.length]!;

  const snooze = (threadId: number, until: number) => {
    if (until <= clock.now()) throw new Failure('bad_request', 'A snooze must end in the future.');
    c.changeStatus(threadId, 'snoozed', { snoozedUntil: until });
  };
  const assign = (threadId: number, assignee: string | null, note?: string) => {
    const before = c.thread(threadId);
    db.transaction(() => {
      if (assignee) ensureAssignee(db, assignee, /queue|team|escalat|tier|billing|legal/i.test(assignee) ? 'queue' : 'person');
      setAssignee(db, threadId, assignee);
      logEvent(db, threadId, clock.now(), c.actor(), 'assigned', { from: before.assignee, to: assignee, ...(note ? { note } : {}) });
      if (note?.trim()) addNote(db, threadId, c.actor(), assignee ? `Handed to ${assignee}: ${note.trim()}` : note.trim(), clock.now());
    })();
  };
  const label = (threadId: number, add: string[], remove: number[]) => {
    c.thread(threadId);
    db.transaction(() => {
      for (const name of add) {
        const l = ensureLabel(db, name, nextColour());
        if (addLabel(db, threadId, l.id)) logEvent(db, threadId, clock.now(), c.actor(), 'labelled', { label: l.name });
      }
      for (const id of remove) {
        if (removeLabel(db, threadId, id)) logEvent(db, threadId, clock.now(), c.actor(), 'unlabelled', { labelId: id });
      }
    })();
  };

  return {
    'threads.list': ({ filter, offset, limit }) => {
      const page = listThreads(db, filter, offset, limit);
      return { items: threadViews(db, page.items, clock.now()), total: page.total };
    },

    'threads.get': ({ threadId }) => {
      const t = c.thread(threadId);
      const customer = customerOfThread(db, threadId);
      if (!customer) throw new Failure('not_found', `The customer of thread ${threadId} is missing.`);
      const account = listAccounts(db).find((a) => a.id === t.accountId);
      if (!account) throw new Failure('not_found', `The account of thread ${threadId} is missing.`);
      const adapter = ctx.adapterFor(t.accountId);
      const kind = t.kind as OutgoingReply['kind'];
      const messages = messagesOf(db, threadId);
      const lastIn = messages.findLast((m) => m.direction === 'in');
      const lastOut = messages.findLast((m) => m.direction === 'out');
      return {
        thread: threadViews(db, [t], clock.now())[0]!,
        messages: messages.map(messageView),
        customer: {
          id: customer.id,
          displayName: customer.displayName,
          handle: customer.handle,
          network: customer.network as Network,
          followerCount: customer.followerCount,
          firstSeenAt: customer.firstSeenAt,
          otherThreads: threadViews(db, threadsOfCustomer(db, customer.id, threadId, 10), clock.now()),
        },
        account: accountSummary(db, account),
        lengthRule: adapter ? adapter.limits.lengthRule(kind) : { count: 'utf16', max: 2000 },
        replyWindow: adapter?.limits.replyWindow?.(kind, t.lastInboundAt) ?? null,
        notes: notesOf(db, threadId),
        events: eventsOf(db, threadId).map((e): ThreadEventView => ({ id: e.id, at: e.at, actor: e.actor, kind: e.kind, summary: describeEvent(e.kind, e.data) })),
        // The channel shows a reply we did not write here, after the customer's last message.
        answeredElsewhere: !!lastOut && lastOut.sendState === null && (!lastIn || lastOut.createdAt > lastIn.createdAt),
      };
    },

    'threads.setStatus': ({ threadId, status }) => {
      c.changeStatus(threadId, status);
      return c.view(threadId);
    },

    'threads.markUnread': ({ threadId, unread }) => {
      c.thread(threadId);
      if (setThreadUnread(db, threadId, unread)) changed([threadId], 'read');
      return c.view(threadId);
    },

    'threads.undo': () => {
      const last = lastUndoableStatusChange(db, c.actor());
      if (!last) return null;
      const to = last.data['from'] as ThreadStatus;
      const until = typeof last.data['fromSnoozedUntil'] === 'number' ? (last.data['fromSnoozedUntil'] as number) : null;
      // A snooze that has ended meanwhile cannot come back as a snooze: reopen instead.
      const status: ThreadStatus = to === 'snoozed' && (until === null || until <= clock.now()) ? 'open' : to;
      c.changeStatus(last.threadId, status, { kind: 'status_undo', data: { of: last.id }, snoozedUntil: status === 'snoozed' ? until : null });
      return { threadId: last.threadId, status };
    },

    'threads.snooze': ({ threadId, until }) => {
      snooze(threadId, until);
      return c.view(threadId);
    },

    'threads.assign': ({ threadId, assignee, note }) => {
      assign(threadId, assignee, note);
      changed([threadId]);
      return c.view(threadId);
    },

    'threads.label': ({ threadId, add, remove }) => {
      label(threadId, add, remove);
      changed([threadId]);
      return c.view(threadId);
    },

    'threads.bulk': ({ threadIds, action, confirmCrisis }) => {
      if (isCrisisActive(ctx) && !confirmCrisis) {
        throw new Failure('refused', 'Crisis mode is on: bulk actions are paused. Confirm to apply this one anyway.');
      }
      let count = 0;
      db.transaction(() => {
        for (const id of threadIds) {
          const before = c.thread(id);
          switch (action.kind) {
            case 'status':
              if (c.changeStatus(id, action.status, { emit: false })) count++;
              break;
            case 'snooze':
              if (action.until <= clock.now()) throw new Failure('bad_request', 'A snooze must end in the future.');
              if (c.changeStatus(id, 'snoozed', { snoozedUntil: action.until, emit: false })) count++;
              break;
            case 'label':
              label(id, [action.name], []);
              count++;
              break;
            case 'assign':
              if (before.assignee !== action.assignee) {
                assign(id, action.assignee);
                count++;
              }
              break;
          }
        }
      })();
      changed(threadIds, action.kind === 'status' || action.kind === 'snooze' ? 'status' : 'workflow');
      return { changed: count };
    },

    'notes.add': ({ threadId, text }) => {
      c.thread(threadId);
      const now = clock.now();
      const noteId = db.transaction(() => {
        const nid = addNote(db, threadId, c.actor(), text, now);
        logEvent(db, threadId, now, c.actor(), 'note', { noteId: nid });
        return nid;
      })();
      changed([threadId]);
      return { id: noteId, threadId, author: c.actor(), text, createdAt: now };
    },
  };
}

/** An event log entry in words, for the thread's history. */
export function describeEvent(kind: string, d: Record<string, unknown>): string {
  const s = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : '');
  switch (kind) {
    case 'status':
      return d['to'] === 'snoozed' && typeof d['until'] === 'number'
        ? `snoozed until ${new Date(d['until']).toLocaleString([], { weekday: 'short', hour: '2-digit', minute: '2-digit' })}`
        : `${s('from')} → ${s('to')}`;
    case 'status_undo':
      return `undid: back to ${s('to')}`;
    case 'reopened':
      return `reopened by a new customer message (was ${s('from')})`;
    case 'woke':
      return 'snooze ended';
    case 'assigned':
      return d['to'] ? `handed to ${s('to')}` : `taken back from ${s('from')}`;
    case 'labelled':
      return `labelled ${s('label')}`;
    case 'unlabelled':
      return 'label removed';
    case 'replied':
      return 'replied';
    case 'note':
      return 'added a note';
    default:
      return kind;
  }
}

