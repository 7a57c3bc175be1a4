/** Sending: the rules a reply must pass before it reaches the outbox, and the agent's decisions on uncertain sends. */
import { countCannedUse } from '../../db/canned';
import { logEvent } from '../../db/events';
import { enqueueReply, outboxByMessage, requeue, setOutboxState } from '../../db/outbox';
import type { Handlers } from '../../preload/contract';
import { countLength } from '../../preload/shared/length';
import { replyProblems } from '../../preload/shared/template';
import type { OutgoingReply } from '../channels/types';
import type { CoreContext } from '../core';
import type { Common } from './common';
import { Failure } from './failure';
import { messageView } from './views';

type ReplyHandlers = Pick<Handlers, 'reply.send' | 'reply.retry' | 'reply.confirmSent'>;

export function createReplyHandlers(ctx: CoreContext, c: Common): ReplyHandlers {
  const { db, bus, clock } = ctx;
  return {
    'reply.send': ({ threadId, text, idempotencyKey, cannedIds }) => {
      const t = c.thread(threadId);
      const problems = replyProblems(text);
      if (problems.length > 0) throw new Failure('refused', problems.join(' '));
      const adapter = ctx.adapterFor(t.accountId);
      if (!adapter) throw new Failure('refused', 'This thread’s account is not connected, so the reply cannot be sent.');
      const kind = t.kind as OutgoingReply['kind'];
      const rule = adapter.limits.lengthRule(kind);
      const length = countLength(text, rule);
      if (length > rule.max) {
        throw new Failure('refused', `The reply is ${length} long by this channel’s count; it allows ${rule.max}. Shorten it by ${length - rule.max}.`);
      }
      const window = adapter.limits.replyWindow?.(kind, t.lastInboundAt) ?? null;
      const closesAt = window ? (window.humanAgentUntil ?? window.standardUntil) : null;
      if (closesAt !== null && clock.now() > closesAt) {
        throw new Failure('refused', `This conversation’s reply window closed ${new Date(closesAt).toLocaleString()}; the channel no longer accepts replies to it.`);
      }
      const payload: OutgoingReply = {
        idempotencyKey,
        threadExternalId: t.externalId,
        kind,
        inReplyToExternalId: t.lastInboundExternalId,
        customerExternalId: t.identityExternalId,
        customerLastMessageAt: t.lastInboundAt,
        text,
      };
      const { messageId, created } = db.transaction(() => {
        const r = enqueueReply(db, {
          threadId,
          accountId: t.accountId,
          authorName: c.settings().agentName || t.accountName,
          text,
          idempotencyKey,
          payload,
          now: clock.now(),
        });
        if (r.created) {
          countCannedUse(db, cannedIds);
          logEvent(db, threadId, clock.now(), c.actor(), 'replied', { messageId: r.messageId, cannedIds });
        }
        return r;
      })();
      if (created) {
        bus.emit('threads.changed', { threadIds: [threadId], reason: 'reply' });
        ctx.kickOutbox();
      }
      return messageView(c.message(messageId));
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
      return messageView(c.message(messageId));
    },

    'reply.confirmSent': ({ messageId }) => {
      const row = outboxByMessage(db, messageId);
      if (!row) throw new Failure('not_found', 'This message is not one of our replies.');
      if (row.state !== 'unknown') throw new Failure('conflict', `This reply is ${row.state}, not awaiting a decision.`);
      setOutboxState(db, row, 'sent', { now: clock.now() });
      bus.emit('outbox.changed', { messageId, threadId: row.threadId, state: 'sent', error: null });
      return messageView(c.message(messageId));
    },
  };
}
