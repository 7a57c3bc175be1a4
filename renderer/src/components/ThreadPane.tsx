/** The middle pane: header, messages oldest → newest, and the composer. */
import { memo, useDeferredValue, useLayoutEffect, useRef } from 'react';
import type { ThreadDetail } from '../../../preload/contract';
import { useStore } from '../store';
import { Composer } from './Composer';
import { TimelineItems } from './Timeline';
import { ThreadHeader } from './ThreadHeader';
import { Keys } from './Keys';

export function ThreadPane() {
  const shownId = useStore((s) => s.shownId);
  const summary = useStore((s) => (s.shownId === null ? null : (s.inbox.byId[s.shownId] ?? (s.detail?.thread.id === s.shownId ? s.detail.thread : null))));
  const detail = useStore((s) => (s.detail && s.detail.thread.id === s.shownId ? s.detail : null));
  const state = useStore((s) => s.detailState);
  const error = useStore((s) => s.detailError);
  // The message list is the heavy part: React renders it after the selection has painted, and
  // drops that work if the agent has already moved on (j held down through the inbox).
  const deferred = useDeferredValue(detail);
  const shownDetail = deferred && deferred.thread.id === shownId ? deferred : null;

  if (shownId === null) {
    return (
      <section className="pane pane-thread pane-thread--empty" data-testid="thread" data-region="thread" aria-label="Thread">
        <div className="empty">
          <p className="empty-title">No thread selected</p>
          <p className="empty-body">
            Move with <Keys chords={[['J']]} /> and <Keys chords={[['K']]} />, open with <Keys chords={[['Enter']]} />.
          </p>
        </div>
      </section>
    );
  }

  return (
    <section className="pane pane-thread" data-testid="thread" data-region="thread" data-thread-id={shownId} aria-label={summary ? `Thread with ${summary.customerName}` : 'Thread'}>
      {summary && <ThreadHeader t={summary} />}
      {shownDetail ? (
        <Messages detail={shownDetail} />
      ) : (
        <div className="messages" tabIndex={0} data-focus="thread" aria-busy={state === 'loading'}>
          {state === 'error' ? <p className="pane-error">Couldn’t load this thread: {error}</p> : <MessagesSkeleton />}
        </div>
      )}
      {summary && <Composer t={summary} detail={detail} />}
    </section>
  );
}

const Messages = memo(function Messages({ detail }: { detail: ThreadDetail }) {
  const ref = useRef<HTMLDivElement>(null);
  // Messages, private notes and log entries: the timeline grows with each.
  const count = detail.messages.length + detail.notes.length + detail.events.length;
  const threadId = detail.thread.id;
  const seen = useRef<{ threadId: number; count: number } | null>(null);

  // Newest at the bottom, in view on open; a new message scrolls down only if the agent was
  // already reading the end (scrolled-up reading is not yanked away).
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const prev = seen.current;
    const nearEnd = el.scrollHeight - el.scrollTop - el.clientHeight < 160;
    if (!prev || prev.threadId !== threadId || (count > prev.count && nearEnd) || count > prev.count + 1) el.scrollTop = el.scrollHeight;
    seen.current = { threadId, count };
  }, [threadId, count]);

  return (
    <div className="messages" ref={ref} tabIndex={0} data-focus="thread" aria-label="Messages" role="log">
      <TimelineItems detail={detail} />
    </div>
  );
});

function MessagesSkeleton() {
  return (
    <div className="messages-skeleton" aria-label="Loading messages">
      <span className="sk sk-bubble" />
      <span className="sk sk-bubble sk-bubble--out" />
      <span className="sk sk-bubble sk-bubble--short" />
    </div>
  );
}
