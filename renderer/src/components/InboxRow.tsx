/**
 * One inbox row. Memoised on its position, and each piece of state it reads is its own
 * selector, so moving the selection re-renders exactly two rows.
 */
import { memo } from 'react';
import type { ThreadKind, ThreadSummary } from '../../../preload/contract';
import { age } from '../lib/time';
import { useNow } from '../lib/useNow';
import { store, useStore } from '../store';
import { NetworkIcon } from './NetworkIcon';

export const ROW_HEIGHT = 64;

export const KIND_LABEL: Record<ThreadKind, string> = { dm: 'DM', mention: 'Mention', comment: 'Comment' };

export function priorityLevel(p: number): 'high' | 'medium' | null {
  return p >= 60 ? 'high' : p >= 40 ? 'medium' : null;
}

export const InboxRow = memo(function InboxRow({ index, start }: { index: number; start: number }) {
  const id = useStore((s) => s.inbox.ids[index]);
  const t = useStore((s) => (id === undefined ? undefined : s.inbox.byId[id]));
  const selected = useStore((s) => id !== undefined && s.inbox.selectedId === id);
  const style = { transform: `translateY(${start}px)` };
  if (!t) {
    return (
      <div className="row row--skeleton" style={style} aria-hidden="true">
        <span className="sk sk-icon" />
        <span className="sk sk-line" />
        <span className="sk sk-line sk-line--short" />
      </div>
    );
  }
  return <RowBody t={t} selected={selected} style={style} />;
});

function RowBody({ t, selected, style }: { t: ThreadSummary; selected: boolean; style: { transform: string } }) {
  const now = useNow();
  const level = priorityLevel(t.priority);
  const reasons = t.priorityReasons.join(' · ');
  const className = ['row', selected && 'row--selected', t.unread && 'row--unread', level && `row--${level}`].filter(Boolean).join(' ');
  return (
    <div
      role="option"
      id={`thread-row-${t.id}`}
      className={className}
      style={style}
      aria-selected={selected}
      data-testid="thread-row"
      data-thread-id={t.id}
      onClick={() => store.getState().rowChosen(t.id)}
    >
      {level && (
        <span className="row-priority" title={`${level === 'high' ? 'High' : 'Medium'} priority (${t.priority})${reasons ? `: ${reasons}` : ''}`}>
          <span className="sr-only">{level === 'high' ? 'High priority' : 'Medium priority'}</span>
        </span>
      )}
      <span className="row-icon">
        <NetworkIcon network={t.network} />
      </span>
      <span className="row-line1">
        <span className="row-name" dir="auto">
          {t.customerName}
        </span>
        {selected && reasons ? (
          <span className={`row-reasons row-reasons--${level ?? 'low'}`} dir="auto">
            {reasons}
          </span>
        ) : (
          <span className="row-handle" dir="auto">
            {/* Some networks have no handle but the name: don't say it twice. */}
            {t.customerHandle === t.customerName ? '' : t.customerHandle}
          </span>
        )}
        <time className="row-age" dateTime={new Date(t.lastMessageAt).toISOString()} title={new Date(t.lastMessageAt).toLocaleString()}>
          {age(t.lastMessageAt, now)}
        </time>
      </span>
      <span className="row-line2">
        <span className={`row-kind row-kind--${t.kind}`}>{KIND_LABEL[t.kind]}</span>
        <span className="row-snippet" dir="auto">
          {t.lastDirection === 'out' && <span className="row-you">You: </span>}
          {t.snippet}
        </span>
        {t.status === 'resolved' && <span className="row-status">Resolved</span>}
        {t.lastDirection === 'out' ? (
          <span className="row-answered" title="Answered">
            ✓<span className="sr-only"> answered</span>
          </span>
        ) : t.unread ? (
          <span className="row-dot" title="Unread">
            <span className="sr-only">unread</span>
          </span>
        ) : null}
      </span>
    </div>
  );
}
