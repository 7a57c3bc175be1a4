/** Open / Pending / Snoozed / Resolved / All, with totals; `g i`, `g p`, `g z`, `g r`, `g a` choose them from the keyboard. */
import type { InboxFilter } from '../../../preload/contract';
import { store, useStore } from '../store';

const TABS: { filter: InboxFilter; label: string; keys: string }[] = [
  { filter: 'open', label: 'Open', keys: 'g i' },
  { filter: 'pending', label: 'Pending', keys: 'g p' },
  { filter: 'snoozed', label: 'Snoozed', keys: 'g z' },
  { filter: 'resolved', label: 'Resolved', keys: 'g r' },
  { filter: 'all', label: 'All', keys: 'g a' },
];

function Tab({ filter, label, keys }: (typeof TABS)[number]) {
  const active = useStore((s) => s.inbox.filter === filter);
  const total = useStore((s) => s.totals[filter] ?? null);
  return (
    <button
      type="button"
      role="tab"
      aria-selected={active}
      data-testid={`filter-${filter}`}
      className="filter-tab"
      title={`${label} (${keys})`}
      tabIndex={active ? 0 : -1}
      onClick={() => void store.getState().filterChosen(filter)}
    >
      <span>{label}</span>
      <span className="filter-count">{total === null ? '–' : total.toLocaleString()}</span>
    </button>
  );
}

export function FilterTabs() {
  return (
    <div className="filter-tabs" role="tablist" aria-label="Inbox filter">
      {TABS.map((t) => (
        <Tab key={t.filter} {...t} />
      ))}
    </div>
  );
}
