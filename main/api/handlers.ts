/** main's side of the contract: one handler per request key, checked by `satisfies Handlers`. */
import { listAccounts } from '../../db/accounts';
import { countCannedUse, deleteCanned, getCanned, insertCanned, listCanned, updateCanned } from '../../db/canned';
import { lastUndoableStatusChange, logEvent } from '../../db/events';
import { getMessage, messagesOf } from '../../db/messages';
import { enqueueReply, outboxByMessage, requeue, setOutboxState } from '../../db/outbox';
import { searchMessages } from '../../db/search';
import { getSetting, setSetting } from '../../db/settings';
import { customerOfThread, getThread, listThreads, setThreadStatus, setThreadUnread, threadsOfCustomer } from '../../db/threads';
import type { Handlers, Network, Settings, ThreadStatus } from '../../preload/contract';
import { countLength } from '../../preload/shared/length';
import { replyProblems } from '../../preload/shared/template';
import type { OutgoingReply } from '../channels/types';
import type { CoreContext } from '../core';
import { createAccountHandlers } from './accounts';
import { Failure } from './failure';
import { accountSummary, messageView, threadView } from './views';

export const SETTINGS_KEY = 'agent';

export function createHandlers(ctx: CoreContext) {
  const { db, bus, clock } = ctx;

  const settings = (): Settings => getSetting<Settings>(db, SETTINGS_KEY, { agentName: '', agentSignature: '' });
  const actor = () => settings().agentName || 'agent';

  const summary = (threadId: number) => {
    const t = getThread(db, threadId);
    if (!t) throw new Failure('not_found', `Thread ${threadId} does not exist (it may have been removed).`);
    return t;
  };

  const changeStatus = (threadId: number, status: ThreadStatus, kind: 'status' | 'status_undo', data: Record<string, unknown> = {}) => {
    const before = summary(threadId);
    if (before.status === status) return threadView(before);
    db.transaction(() => {
      setThreadStatus(db, threadId, status);
      if (status === 'resolved') setThreadUnread(db, threadId, false);
      logEvent(db, threadId, clock.now(), actor(), kind, { from: before.status, to: status, ...data });
    })();
    bus.emit('threads.changed', { threadIds: [threadId], reason: 'status' });
    return threadView(summary(threadId));
  };

  const message = (messageId: number) => {
    const m = getMessage(db, messageId);
    if (!m) throw new Failure('not_found', `Message ${messageId} does not exist.`);
    return m;
  };

  return {
    ...createAccountHandlers(ctx),
    'app.info': () => ({ version: ctx.version, host: ctx.host, dbPath: ctx.dbPath, platform: process.platform }),

    'threads.list': ({ filter, offset, limit }) => {
      const page = listThreads(db, filter, offset, limit);
      return { items: page.items.map(threadView), total: page.total };
    },

    'threads.get': ({ threadId }) => {
      const t = summary(threadId);
      const c = customerOfThread(db, threadId);
      if (!c) throw new Failure('not_found', `The customer of thread ${threadId} is missing.`);
      const account = listAccounts(db).find((a) => a.id === t.accountId);
      if (!account) throw new Failure('not_found', `The account of thread ${threadId} is missing.`);
      const adapter = ctx.adapterFor(t.accountId);
      return {
        thread: threadView(t),
        messages: messagesOf(db, threadId).map(messageView),
        customer: {
          id: c.id,
          displayName: c.displayName,
          handle: c.handle,
          network: c.network as Network,
          followerCount: c.followerCount,
          firstSeenAt: c.firstSeenAt,
          otherThreads: threadsOfCustomer(db, c.id, threadId, 10).map(threadView),
        },
        account: accountSummary(db, account),
        lengthRule: adapter ? adapter.limits.lengthRule(t.kind as OutgoingReply['kind']) : { count: 'utf16', max: 2000 },
        replyWindow: adapter?.limits.replyWindow?.(t.kind as OutgoingReply['kind'], t.lastInboundAt) ?? null,
      };
    },

    'threads.setStatus': ({ threadId, status }) => changeStatus(threadId, status, 'status'),

    'threads.markUnread': ({ threadId, unread }) => {
      summary(threadId);
      if (setThreadUnread(db, threadId, unread)) bus.emit('threads.changed', { threadIds: [threadId], reason: 'read' });
      return threadView(summary(threadId));
    },

    'threads.undo': () => {
      const last = lastUndoableStatusChange(db, actor());
      if (!last) return null;
      const to = last.data['from'] as ThreadStatus;
      changeStatus(last.threadId, to, 'status_undo', { of: last.id });
      return { threadId: last.threadId, status: to };
    },

    'reply.send': ({ threadId, text, idempotencyKey, cannedIds }) => {
      const t = summary(threadId);
      const problems = replyProblems(text);
      if (problems.length > 0) throw new Failure('refused', problems.join(' '));
      const adapter = ctx.adapterFor(t.accountId);
      if (!adapter) throw new Failure('refused', 'This thread’s account is not connected, so the reply cannot be sent.');
      const rule = adapter.limits.lengthRule(t.kind as OutgoingReply['kind']);
      const length = countLength(text, rule);
      if (length > rule.max) {
        throw new Failure('refused', `The reply is ${length} long by this channel’s count; it allows ${rule.max}. Shorten it by ${length - rule.max}.`);
      }
      const window = adapter.limits.replyWindow?.(t.kind as OutgoingReply['kind'], t.lastInboundAt) ?? null;
      const closesAt = window ? (window.humanAgentUntil ?? window.standardUntil) : null;
      if (closesAt !== null && clock.now() > closesAt) {
        throw new Failure('refused', `This conversation’s reply window closed ${new Date(closesAt).toLocaleString()}; the channel no longer accepts replies to it.`);
      }
      const payload: OutgoingReply = {
        idempotencyKey,
        threadExternalId: t.externalId,
        kind: t.kind as OutgoingReply['kind'],
        inReplyToExternalId: t.lastInboundExternalId,
        customerExternalId: t.identityExternalId,
        customerLastMessageAt: t.lastInboundAt,
        text,
      };
      const s = settings();
      const { messageId, created } = enqueueReply(db, {
        threadId,
        accountId: t.accountId,
        authorName: s.agentName || t.accountName,
        text,
        idempotencyKey,
        payload,
        now: clock.now(),
      });
      if (created) {
        db.transaction(() => {
          countCannedUse(db, cannedIds);
          logEvent(db, threadId, clock.now(), actor(), 'replied', { messageId, cannedIds });
        })();
        bus.emit('threads.changed', { threadIds: [threadId], reason: 'reply' });
        ctx.kickOutbox();
      }
      return messageView(message(messageId));
    },

    'reply.retry': ({ messageId }) => {
      const row = outboxByMessage(db, messageId);
      if (!row) throw new Failure('not_found', 'This message is not one of our replies.');
      if (row.state !== 'failed' && row.state !== 'unknown') {
        throw new Failure('conflict', `This reply is ${row.state}; only a failed or uncertain reply can be sent again.`);
      }
      requeue(db, row, clock.now());
      bus.emit('outbox.changed', { messageId, threadId: row.threadId, state: 'queued', error: null });
      ctx.kickOutbox();
      return messageView(message(messageId));
    },

    'reply.confirmSent': ({ messageId }) => {
      const row = outboxByMessage(db, messageId);
      if (!row) throw new Failure('not_found', 'This message is not one of our replies.');
      if (row.state !== 'unknown') throw new Failure('conflict', `This reply is ${row.state}, not awaiting a decision.`);
      setOutboxState(db, row, 'sent', { now: clock.now() });
      bus.emit('outbox.changed', { messageId, threadId: row.threadId, state: 'sent', error: null });
      return messageView(message(messageId));
    },

    'canned.list': () => listCanned(db),

    'canned.save': ({ id, title, shortcut, body }) => {
      const now = clock.now();
      try {
        if (id === undefined) return getCanned(db, insertCanned(db, { title, shortcut, body, now }))!;
        if (!updateCanned(db, { id, title, shortcut, body, now })) throw new Failure('not_found', `Canned response ${id} does not exist.`);
        return getCanned(db, id)!;
      } catch (err) {
        if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
          throw new Failure('conflict', `The shortcut ;${shortcut} is already used by another canned response.`);
        }
        throw err;
      }
    },

    'canned.delete': ({ id }) => {
      if (!deleteCanned(db, id)) throw new Failure('not_found', `Canned response ${id} does not exist.`);
      return null;
    },

    'search.messages': ({ query, limit }) => {
      const page = searchMessages(db, query, limit);
      return { items: page.items.map((h) => ({ ...h, network: h.network as Network, status: h.status as ThreadStatus })), total: page.total };
    },

    'settings.get': () => settings(),

    'settings.save': (s) => {
      setSetting(db, SETTINGS_KEY, s);
      return settings();
    },
  } satisfies Handlers;
}
