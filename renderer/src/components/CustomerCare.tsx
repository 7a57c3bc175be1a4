/**
 * The customer pane's workflow part: VIP, who the thread is with, its labels, and the
 * customer's note, read from the customer's profile (`customers.get`, kept in the store).
 */
import { useEffect } from 'react';
import type { ThreadDetail } from '../../../preload/contract';
import { store, useStore } from '../store';
import { Keys } from './Keys';
import { AssigneeChip, LabelChips } from './WorkflowBits';
import '../styles/customer.css';

/** Beside the name: ★ VIP. */
export function VipBadge({ customerId }: { customerId: number }) {
  const vip = useStore((s) => s.customerProfiles[customerId]?.vip === true);
  return vip ? (
    <span className="vip-badge" data-testid="vip-badge" title="VIP customer">
      ★ VIP
    </span>
  ) : null;
}

export function CustomerCare({ detail }: { detail: ThreadDetail }) {
  const customerId = detail.customer.id;
  const note = useStore((s) => s.customerProfiles[customerId]?.note ?? '');
  const linked = useStore((s) => s.customerProfiles[customerId]?.identities.length ?? 1);
  // The summary in the list is fresher than the detail right after a change (assign, label).
  const t = useStore((s) => s.inbox.byId[detail.thread.id] ?? detail.thread);

  useEffect(() => {
    void store.getState().profileWanted(customerId);
  }, [customerId]);

  return (
    <section className="customer-section customer-care" data-testid="customer-care">
      <h2>Care</h2>
      <dl className="facts">
        <dt>Handled by</dt>
        <dd>{t.assignee ? <AssigneeChip name={t.assignee} /> : <span className="muted">you</span>}</dd>
        {t.labels.length > 0 && (
          <>
            <dt>Labels</dt>
            <dd>
              <LabelChips labels={t.labels} max={8} />
            </dd>
          </>
        )}
        {linked > 1 && (
          <>
            <dt>Linked</dt>
            <dd>{linked} identities</dd>
          </>
        )}
      </dl>
      {note.trim() ? (
        <blockquote className="customer-note" dir="auto" data-testid="customer-note">
          {note}
        </blockquote>
      ) : (
        <p className="muted customer-note-empty">No note on this customer.</p>
      )}
      <p className="customer-hint">
        <Keys chords={[['C']]} /> profile, timeline, VIP and note
      </p>
    </section>
  );
}
