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
import { AssigneeChip, LabelChips, SlaChip, SnoozeChip } from './WorkflowBits';

export const ROW_HEIGHT = 64;

export const KIND_LABEL: Record<ThreadKind, string> = { dm: 'DM', mention: 'Mention', comment: 'Comment' };

export function priorityLevel(p: number): 'high' | 'medium' | null {
  return p >= 60 ? 'high' : p >= 40 ? 'medium' : null;
}

export const InboxRow = memo(function InboxRow({ index, start }: { index: number; start: number }) {
  const id = useStore((s) => s.inbox.ids[index]);
  const t = useStore((s) => (id === undefined ? undefined : s.inbox.byId[id]));
  const selected = useStore((s) => id !== undefined && s.inbox.selectedId === id);
  // Bulk selection: a checkbox takes the glyph's place on every row while anything is picked.
  const bulkMode = useStore((s) => s.bulkIds.length > 0);
  const checked = useStore((s) => id !== undefined && s.bulkIds.includes(id));
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
  return <RowBody t={t} selected={selected} style={style} bulk={bulkMode ? checked : null} />;
});

function RowBody({ t, selected, style, bulk }: { t: ThreadSummary; selected: boolean; style: { transform: string }; bulk: boolean | null }) {
  const now = useNow();
  const level = priorityLevel(t.priority);
  const reasons = t.priorityReasons.join(' · ');
  const className = ['row', selected && 'row--selected', t.unread && 'row--unread', level && `row--${level}`, bulk && 'row--checked'].filter(Boolean).join(' ');
  return (
    <div
      role="option"
      id={`thread-row-${t.id}`}
      className={className}
      style={style}
      aria-selected={selected}
      aria-checked={bulk ?? undefined}
      data-testid="thread-row"
      data-thread-id={t.id}
      onClick={() => store.getState().rowChosen(t.id)}
    >
      {level && (
        <span className="row-priority" title={`${level === 'high' ? 'High' : 'Medium'} priority (${t.priority})${reasons ? `: ${reasons}` : ''}`}>
          <span className="sr-only">{level === 'high' ? 'High priority' : 'Medium priority'}</span>
        </span>
      )}
      {bulk === null ? (
        <span className="row-icon">
          <NetworkIcon network={t.network} />
        </span>
      ) : (
        <span className={`row-icon row-check ${bulk ? 'row-check--on' : ''}`} data-testid="row-check">
          <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
            <path d="M3 7.4 5.8 10 11 4.2" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          <span className="sr-only">{bulk ? 'Selected' : 'Not selected'}</span>
        </span>
      )}
      <span className="row-line1">
        <span className="row-name" dir="auto">
          {t.customerName}
        </span>
        {t.assignee && <AssigneeChip name={t.assignee} compact />}
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
        {t.status === 'snoozed' && t.snoozedUntil !== null ? (
          <SnoozeChip until={t.snoozedUntil} now={now} />
        ) : t.sla && t.status === 'open' && t.sla.state !== 'paused' ? (
          <SlaChip sla={t.sla} now={now} />
        ) : null}
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
        <LabelChips labels={t.labels} max={2} compact />
        {t.status === 'resolved' && <span className="row-status">Resolved</span>}
        {t.status === 'pending' && <span className="row-status row-status--pending">Pending</span>}
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
