/** The thread header's workflow line: the SLA clock, snooze, assignee and labels. */
import type { ThreadSummary } from '../../../preload/contract';
import { useNow } from '../lib/useNow';
import { AssigneeChip, LabelChips, SlaChip, SnoozeChip } from './WorkflowBits';

export function ThreadMeta({ t }: { t: ThreadSummary }) {
  const now = useNow();
  const snoozed = t.status === 'snoozed' && t.snoozedUntil !== null;
  if (!t.sla && !snoozed && !t.assignee && t.labels.length === 0) return null;
  return (
    <p className="thread-meta" data-testid="thread-meta">
      {snoozed ? <SnoozeChip until={t.snoozedUntil!} now={now} /> : t.sla ? <SlaChip sla={t.sla} now={now} long /> : null}
      {t.assignee && <AssigneeChip name={t.assignee} />}
      <LabelChips labels={t.labels} max={6} />
    </p>
  );
}
