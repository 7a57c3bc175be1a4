/** Who this is, where, what kind of thread, its status and why it ranks where it does. */
import type { ThreadSummary } from '../../../preload/contract';
import { NETWORK_RULES } from '../../../preload/shared/length';
import { KIND_LABEL, priorityLevel } from './InboxRow';
import { NetworkIcon } from './NetworkIcon';
import { Keys } from './Keys';
import { ThreadMeta } from './ThreadMeta';

const STATUS_LABEL = { open: 'Open', pending: 'Pending', snoozed: 'Snoozed', resolved: 'Resolved' } as const;

export function ThreadHeader({ t }: { t: ThreadSummary }) {
  const level = priorityLevel(t.priority);
  return (
    <header className="thread-head">
      <div className="thread-title">
        <span className="thread-icon">
          <NetworkIcon network={t.network} size={18} />
        </span>
        <div className="thread-who">
          <h1 className="thread-name" dir="auto">
            {t.customerName}
            {t.customerHandle !== t.customerName && (
              <span className="thread-handle" dir="auto">
                {t.customerHandle}
              </span>
            )}
          </h1>
          <p className="thread-sub">
            <span>{NETWORK_RULES[t.network].label}</span>
            <span aria-hidden="true"> · </span>
            <span>{KIND_LABEL[t.kind]}</span>
            {t.priorityReasons.length > 0 && (
              <>
                <span aria-hidden="true"> · </span>
                <span className={`thread-reasons thread-reasons--${level ?? 'low'}`}>{t.priorityReasons.join(' · ')}</span>
              </>
            )}
          </p>
          <ThreadMeta t={t} />
        </div>
      </div>
      <div className="thread-actions">
        <span className={`status-chip status-chip--${t.status}`}>{STATUS_LABEL[t.status]}</span>
        <span className="hint">
          <Keys chords={[['E']]} /> {t.status === 'resolved' ? 'reopen' : 'resolve'}
        </span>
        <span className="hint">
          <Keys chords={[['R']]} /> reply
        </span>
      </div>
    </header>
  );
}
