/**
 * Mod+F: every search filter in one list. Typing narrows it, ↑/↓ move, Enter toggles the
 * highlighted filter and the menu stays open for the next; Esc is done. "Custom range…" asks
 * for two days typed as YYYY-MM-DD (Esc there goes back to the list).
 */
import { useState, type FormEvent } from 'react';
import { dayKey } from '../lib/dates';
import { useNow } from '../lib/useNow';
import { store, useStore } from '../store';
import { useShallow } from 'zustand/react/shallow';
import { filterMenuOptions, offeredCustomer } from '../store/filterMenu';
import { Dialog } from './Dialog';
import { NetworkIcon } from './NetworkIcon';
import { Keys } from './Keys';
import './review.css';
import { useSelectedInView } from '../lib/useSelectedInView';

export function FilterMenu() {
  const mode = useStore((s) => s.filterMenuMode);
  return (
    <Dialog region="search-filter" label="Filter search" testId="filter-menu" className="filter-menu">
      {mode === 'custom' ? <CustomRange /> : <FilterList />}
    </Dialog>
  );
}

function FilterList() {
  const query = useStore((s) => s.filterMenuQuery);
  const index = useStore((s) => s.filterMenuIndex);
  const input = useStore(
    useShallow((s) => ({
      searchFilters: s.searchFilters,
      searchRange: s.searchRange,
      accounts: s.accounts,
      filterLabels: s.filterLabels,
      filterAssignees: s.filterAssignees,
      filterMenuQuery: s.filterMenuQuery,
    })),
  );
  const customer = useStore(useShallow((s) => offeredCustomer(s) ?? { id: 0, name: '' }));
  const results = filterMenuOptions({ ...input, customer: customer.id === 0 ? null : customer });
  const list = useSelectedInView(`${index}:${query}`);

  return (
    <>
      <input
        className="dialog-input"
        data-focus="search-filter"
        data-testid="filter-input"
        aria-label="Type a filter"
        aria-controls="filter-list"
        aria-activedescendant={results[index] ? `filter-${results[index].id}` : undefined}
        placeholder="Filter by date, status, network, account, label, assignee…"
        autoFocus
        value={query}
        onChange={(e) => store.getState().filterMenuTyped(e.target.value)}
      />
      <ul className="dialog-list filter-list" id="filter-list" role="listbox" aria-multiselectable="true" ref={list}>
        {results.length === 0 && <li className="dialog-empty">No filter matches.</li>}
        {results.map((o, i) => {
          const head = query.trim() === '' && o.group !== results[i - 1]?.group;
          return (
            <li key={o.id} role="presentation">
              {head && <p className="filter-group">{o.group}</p>}
              <div
                id={`filter-${o.id}`}
                role="option"
                aria-selected={i === index}
                aria-checked={o.active}
                className={`filter-option ${o.active ? 'filter-option--active' : ''}`}
                data-testid="filter-option"
                data-filter-id={o.id}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => store.getState().filterMenuChosen(i)}
              >
                <span className="filter-check" aria-hidden="true">
                  {o.active ? '✓' : ''}
                </span>
                {o.network ? <NetworkIcon network={o.network} size={14} /> : o.color ? <span className="label-dot" style={{ background: o.color }} aria-hidden="true" /> : null}
                <span className="filter-label" dir="auto">
                  {o.label}
                </span>
                {query.trim() !== '' && <span className="palette-group">{o.group}</span>}
              </div>
            </li>
          );
        })}
      </ul>
      <p className="dialog-foot">
        <Keys chords={[['↑']]} /> <Keys chords={[['↓']]} /> move · <Keys chords={[['Enter']]} /> toggle (stays open) · <Keys chords={[['Esc']]} /> done
      </p>
    </>
  );
}

function CustomRange() {
  const f = store.getState().searchFilters;
  const range = store.getState().searchRange;
  const error = useStore((s) => s.filterMenuError);
  const today = useNow();
  const [from, setFrom] = useState(range === 'custom' && f.from !== undefined ? dayKey(f.from) : dayKey(today - 6 * 86_400_000));
  const [to, setTo] = useState(range === 'custom' && f.to !== undefined ? dayKey(f.to - 1) : dayKey(today));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    store.getState().filterMenuCustomApplied(from, to);
  };
  return (
    <form
      className="custom-range"
      onSubmit={submit}
      onKeyDown={(e) => {
        // One level back: the list, not out of the menu.
        if (e.key === 'Escape') {
          e.preventDefault();
          store.getState().filterMenuCustomCancelled();
        }
      }}
    >
      <h2 className="dialog-title">Messages between two days</h2>
      <p className="field-help">Both days included. Type them as YYYY-MM-DD.</p>
      <div className="field-row">
        <label className="field field--grow">
          <span className="field-label">From</span>
          <input data-focus="search-filter" data-testid="range-from" autoFocus value={from} onChange={(e) => setFrom(e.target.value)} placeholder="2026-01-31" inputMode="numeric" spellCheck={false} />
        </label>
        <label className="field field--grow">
          <span className="field-label">To</span>
          <input data-testid="range-to" value={to} onChange={(e) => setTo(e.target.value)} placeholder="2026-02-07" inputMode="numeric" spellCheck={false} />
        </label>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="confirm-actions">
        <button type="button" className="button" onClick={() => store.getState().filterMenuCustomCancelled()}>
          Back <Keys chords={[['Esc']]} />
        </button>
        <button type="submit" className="button button--primary">
          Apply <Keys chords={[['Enter']]} />
        </button>
      </div>
    </form>
  );
}
