/**
 * Small pieces of the care workflow shown wherever a thread appears (row, header, customer
 * pane): label chips in their colours, the assignee, the SLA clock, the snooze wake-up time.
 */
import type { CSSProperties } from 'react';
import type { Label, SlaClock } from '../../../preload/contract';
import { slaText } from '../lib/clocks';
import { formatWhen } from '../lib/when';
import '../styles/workflow.css';

/** A label in its colour: a dot and the name, on a tint of the colour that reads in both themes. */
export function LabelChip({ label, compact = false }: { label: Label; compact?: boolean }) {
  const style = { '--label': label.color } as CSSProperties;
  return (
    <span className={`label-chip ${compact ? 'label-chip--compact' : ''}`} style={style} title={`Label: ${label.name}`} data-testid="label-chip">
      <span className="label-dot" aria-hidden="true" />
      <span className="label-name" dir="auto">
        {label.name}
      </span>
    </span>
  );
}

/** Up to `max` chips, then "+2". */
export function LabelChips({ labels, max = 3, compact = false }: { labels: Label[]; max?: number; compact?: boolean }) {
  if (labels.length === 0) return null;
  const shown = labels.slice(0, max);
  const rest = labels.length - shown.length;
  return (
    <span className="label-chips">
      {shown.map((l) => (
        <LabelChip key={l.id} label={l} compact={compact} />
      ))}
      {rest > 0 && (
        <span className="label-more" title={labels.slice(max).map((l) => l.name).join(', ')}>
          +{rest}
        </span>
      )}
    </span>
  );
}

/** Who the thread was handed to. */
export function AssigneeChip({ name, compact = false }: { name: string; compact?: boolean }) {
  return (
    <span className={`assignee-chip ${compact ? 'assignee-chip--compact' : ''}`} title={`Handed to ${name}`} data-testid="assignee-chip">
      <svg className="assignee-glyph" width="11" height="11" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
        <circle cx="6" cy="4" r="2.2" fill="none" stroke="currentColor" strokeWidth="1.3" />
        <path d="M1.8 11c.5-2.3 2.2-3.5 4.2-3.5s3.7 1.2 4.2 3.5" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" />
      </svg>
      <span className="sr-only">Assigned to </span>
      <span className="assignee-name" dir="auto">
        {name}
      </span>
    </span>
  );
}

function ClockGlyph() {
  return (
    <svg className="clock-glyph" width="11" height="11" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
      <circle cx="6" cy="6" r="4.6" fill="none" stroke="currentColor" strokeWidth="1.3" />
      <path d="M6 3.4V6l1.8 1.2" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" />
    </svg>
  );
}

/** The SLA clock: "2h left" (amber when close), "late 3d" (red), "paused". `long` says it in words. */
export function SlaChip({ sla, now, long = false }: { sla: SlaClock; now: number; long?: boolean }) {
  const c = slaText(sla, now);
  return (
    <span className={`sla-chip sla-chip--${c.tone} ${long ? 'sla-chip--long' : ''}`} title={`${c.long} (due ${new Date(sla.dueAt).toLocaleString()})`} data-testid="sla" data-state={c.tone}>
      <ClockGlyph />
      {long ? c.long : c.short}
      {!long && <span className="sr-only">{` (${c.long})`}</span>}
    </span>
  );
}

/** When a snoozed thread comes back. */
export function SnoozeChip({ until, now }: { until: number; now: number }) {
  return (
    <span className="snooze-chip" title={`Snoozed until ${new Date(until).toLocaleString()}`} data-testid="snoozed-until">
      <svg className="clock-glyph" width="11" height="11" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
        <path d="M9.8 7.4A4.4 4.4 0 1 1 4.6 2.2a3.5 3.5 0 0 0 5.2 5.2z" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinejoin="round" />
      </svg>
      <span className="sr-only">Snoozed until </span>
      {formatWhen(until, now)}
    </span>
  );
}
