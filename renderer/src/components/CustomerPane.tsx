/** The right pane: who the customer is, why they rank where they do, their other threads. */
import type { ThreadDetail } from '../../../preload/contract';
import { NETWORK_RULES } from '../../../preload/shared/length';
import { absoluteTime, age, ago, compactCount } from '../lib/time';
import { useNow } from '../lib/useNow';
import { store, useStore } from '../store';
import { KIND_LABEL, priorityLevel } from './InboxRow';
import { NetworkIcon } from './NetworkIcon';
import { CustomerCare, VipBadge } from './CustomerCare';

export function CustomerPane() {
  const detail = useStore((s) => (s.detail && s.detail.thread.id === s.shownId ? s.detail : null));
  return (
    <aside className="pane pane-customer" aria-label="Customer">
      {detail ? <CustomerCard detail={detail} /> : <div className="customer-empty" />}
    </aside>
  );
}

function CustomerCard({ detail }: { detail: ThreadDetail }) {
  const now = useNow();
  const c = detail.customer;
  const t = detail.thread;
  const level = priorityLevel(t.priority);
  const initials = [...c.displayName.trim()].find((ch) => /\p{L}|\p{N}/u.test(ch))?.toUpperCase() ?? '?';
  return (
    <div className="customer">
      <div className="customer-id">
        <span className="avatar" aria-hidden="true">
          {initials}
          <span className="avatar-network">
            <NetworkIcon network={c.network} size={12} />
          </span>
        </span>
        <div>
          <p className="customer-name" dir="auto">
            {c.displayName}
            <VipBadge customerId={c.id} />
          </p>
          {c.handle !== c.displayName && (
            <p className="customer-handle" dir="auto">
              {c.handle}
            </p>
          )}
        </div>
      </div>
      <dl className="facts">
        <dt>Network</dt>
        <dd>{NETWORK_RULES[c.network].label}</dd>
        <dt>Followers</dt>
        <dd>{c.followerCount === null ? 'Unknown' : compactCount(c.followerCount)}</dd>
        <dt>First seen</dt>
        <dd title={absoluteTime(c.firstSeenAt)}>{ago(c.firstSeenAt, now)}</dd>
        <dt>Account</dt>
        <dd dir="auto">{detail.account.name}</dd>
        <dt>Limit</dt>
        <dd>
          {detail.lengthRule.max.toLocaleString()} {detail.lengthRule.count === 'bytes' ? 'bytes' : 'characters'}
        </dd>
      </dl>
      <CustomerCare detail={detail} />
      <section className="customer-section">
        <h2>Priority</h2>
        <p className={`priority priority--${level ?? 'low'}`}>
          <span className="priority-score">{t.priority}</span>
          <span className="priority-bar" aria-hidden="true">
            <span className="priority-fill" style={{ width: `${Math.max(4, Math.min(100, t.priority))}%` }} />
          </span>
        </p>
        {t.priorityReasons.length > 0 ? (
          <ul className="reason-list">
            {t.priorityReasons.map((r) => (
              <li key={r} className="reason">
                {r}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">Nothing unusual.</p>
        )}
      </section>
      {c.otherThreads.length > 0 && (
        <section className="customer-section">
          <h2>Other conversations</h2>
          <ul className="other-threads">
            {c.otherThreads.map((o) => (
              <li key={o.id}>
                <button type="button" className="other-thread" onClick={() => store.getState().threadShown(o.id, true)}>
                  <span className="other-kind">{KIND_LABEL[o.kind]}</span>
                  <span className="other-snippet" dir="auto">
                    {o.snippet}
                  </span>
                  <span className="other-age">{age(o.lastMessageAt, now)}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
