/**
 * Search, in place of the list: the field keeps focus while ↑/↓ move through results and
 * Enter opens one (those keys are registry commands). Filters show as chips under the field;
 * results come grouped by thread. With nothing typed and no filter, saved searches are listed
 * instead. Any text is a valid query; an error answer is shown here in words.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { SearchHit } from '../../../preload/contract';
import { NETWORK_RULES } from '../../../preload/shared/length';
import { keyLabels } from '../commands/keys';
import { focusRegion } from '../lib/focus';
import { PLATFORM } from '../lib/platform';
import { age } from '../lib/time';
import { useNow } from '../lib/useNow';
import { store, useStore } from '../store';
import { currentSavedSearch } from '../store/savedSearches';
import { searchIsIdle } from '../store/search';
import { chips, groupHits, STATUS_LABEL, type Chip } from '../store/searchModel';
import { Highlighted } from './Highlighted';
import { Keys } from './Keys';
import { NetworkIcon } from './NetworkIcon';
import './review.css';

const MOD_F = keyLabels('Mod+f', PLATFORM);
const MOD_S = keyLabels('Mod+s', PLATFORM);

export function SearchPanel() {
  const query = useStore((s) => s.searchQuery);
  const hits = useStore((s) => s.searchHits);
  const state = useStore((s) => s.searchState);
  const index = useStore((s) => s.searchIndex);
  const idle = useStore(searchIsIdle);
  const savedIndex = useStore((s) => s.savedSearchIndex);
  const savedCount = useStore((s) => s.savedSearches.length);
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [index, hits, savedIndex, idle]);

  const active = idle ? (savedCount > 0 ? `saved-search-${savedIndex}` : undefined) : hits[index] ? `search-hit-${index}` : undefined;

  return (
    <div className="search" data-region="search">
      <div className="search-field">
        <svg className="search-glass" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="m10.5 10.5 3 3" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
        </svg>
        <input
          type="search"
          data-testid="search-input"
          data-focus="search"
          aria-label="Search messages"
          aria-controls="search-results"
          aria-activedescendant={active}
          placeholder="Search all messages"
          autoFocus
          value={query}
          spellCheck={false}
          onChange={(e) => store.getState().searchTyped(e.target.value)}
        />
        {state === 'loading' && <span className="spinner" aria-label="Searching" />}
      </div>
      <FilterChips />
      <SearchMeta />
      <ul className="search-results" id="search-results" role="listbox" aria-label={idle ? 'Saved searches' : 'Search results'} ref={list}>
        {idle ? <SavedSearchList /> : <GroupedHits />}
      </ul>
    </div>
  );
}

function FilterChips() {
  const filters = useStore((s) => s.searchFilters);
  const range = useStore((s) => s.searchRange);
  const accounts = useStore((s) => s.accounts);
  const labels = useStore((s) => s.filterLabels);
  const customer = useStore((s) => s.searchCustomer);
  const now = useNow();
  const list = chips(filters, { accounts, labels, customerName: customer?.name ?? null, range, now });
  const remove = (c: Chip) => {
    store.getState().searchChipRemoved(c.key);
    focusRegion('search');
  };
  return (
    <div className="filter-bar" data-testid="search-filters">
      {list.map((c) => (
        <button
          key={c.key}
          type="button"
          className="chip"
          data-testid="filter-chip"
          aria-label={`Remove filter ${c.kind}: ${c.value}`}
          title="Remove this filter (Enter or Delete)"
          onClick={() => remove(c)}
          onKeyDown={(e) => {
            if (e.key === 'Delete' || e.key === 'Backspace') {
              e.preventDefault();
              remove(c);
            }
          }}
        >
          {c.network && <NetworkIcon network={c.network} size={12} />}
          <span className="chip-kind">{c.kind}</span>
          <span className="chip-value" dir="auto">
            {c.value}
          </span>
          <span className="chip-x" aria-hidden="true">
            ×
          </span>
        </button>
      ))}
      <button type="button" className="add-filter" data-testid="add-filter" onClick={() => store.getState().filterMenuOpened()}>
        <span aria-hidden="true">+</span> {list.length ? 'Filter' : 'Add filter'}
        <Keys chords={MOD_F} />
      </button>
    </div>
  );
}

function SearchMeta() {
  const state = useStore((s) => s.searchState);
  const error = useStore((s) => s.searchError);
  const total = useStore((s) => s.searchTotal);
  const hits = useStore((s) => s.searchHits);
  const idle = useStore(searchIsIdle);
  const saved = useStore((s) => currentSavedSearch(s));
  const threads = useMemo(() => new Set(hits.map((h) => h.threadId)).size, [hits]);
  if (state === 'error') {
    return (
      <div className="search-meta" aria-live="polite">
        <span className="search-error" role="alert">
          {error}
        </span>
      </div>
    );
  }
  if (idle) {
    return (
      <div className="search-meta" aria-live="polite">
        <span>Words, “exact phrases”, prefix*. ↑↓ move · Enter open · Esc close</span>
      </div>
    );
  }
  return (
    <div className="search-meta search-meta--row" aria-live="polite">
      <span data-testid="search-count">
        {state === 'ready'
          ? total === 0
            ? 'No messages match.'
            : `${total.toLocaleString()}${total >= 1000 ? '+' : ''} ${total === 1 ? 'message' : 'messages'} in ${threads} ${threads === 1 ? 'thread' : 'threads'}${total > hits.length ? ` (newest ${hits.length})` : ''}`
          : 'Searching…'}
      </span>
      {saved ? (
        <span className="saved-as" title={`Saved search “${saved.name}”`}>
          ★ {saved.name}
        </span>
      ) : (
        <button type="button" className="link-button" onClick={() => store.getState().saveSearchRequested()}>
          Save <Keys chords={MOD_S} />
        </button>
      )}
    </div>
  );
}

function GroupedHits() {
  const hits = useStore((s) => s.searchHits);
  const index = useStore((s) => s.searchIndex);
  const state = useStore((s) => s.searchState);
  const now = useNow();
  const { groups } = useMemo(() => groupHits(hits), [hits]);
  if (state === 'ready' && hits.length === 0) {
    return (
      <li className="saved-empty" role="presentation">
        <p className="saved-empty-title">Nothing matches</p>
        <p>
          Try other words, or drop the last filter with <Keys chords={[['Backspace']]} /> in the empty field.
        </p>
      </li>
    );
  }
  return groups.map((g) => (
    <li key={g.threadId} role="presentation" className="hit-group" data-testid="search-group" data-thread-id={g.threadId}>
      <div className="hit-group-head" aria-hidden="true">
        <span className="hit-group-icon">
          <NetworkIcon network={g.network} size={14} />
        </span>
        <span className="hit-name" dir="auto">
          {g.customerName}
        </span>
        <span className="hit-network">{NETWORK_RULES[g.network].label}</span>
        <span className={`status-chip status-chip--${g.status} status-chip--small`}>{STATUS_LABEL[g.status]}</span>
        {g.hits.length > 1 && <span className="hit-count">{g.hits.length}</span>}
      </div>
      <ul role="group" aria-label={`${g.customerName} on ${NETWORK_RULES[g.network].label}, ${STATUS_LABEL[g.status]}`}>
        {g.hits.map((h, j) => (
          <HitRow key={h.messageId} h={h} i={g.start + j} selected={g.start + j === index} now={now} />
        ))}
      </ul>
    </li>
  ));
}

function HitRow({ h, i, selected, now }: { h: SearchHit; i: number; selected: boolean; now: number }) {
  return (
    <li
      id={`search-hit-${i}`}
      role="option"
      aria-selected={selected}
      className={`hit ${selected ? 'hit--selected' : ''} ${h.direction === 'out' ? 'hit--out' : ''}`}
      data-testid="search-result"
      data-thread-id={h.threadId}
      data-message-id={h.messageId}
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => store.getState().searchResultChosen(i)}
    >
      <span className="hit-line">
        <span className={`hit-dir hit-dir--${h.direction}`}>{h.direction === 'out' ? 'Our reply' : 'Customer'}</span>
        <time className="hit-age" dateTime={new Date(h.createdAt).toISOString()} title={new Date(h.createdAt).toLocaleString()}>
          {age(h.createdAt, now)}
        </time>
      </span>
      <span className="hit-snippet" dir="auto">
        <Highlighted snippet={h.snippet} />
      </span>
    </li>
  );
}

function SavedSearchList() {
  const saved = useStore((s) => s.savedSearches);
  const index = useStore((s) => s.savedSearchIndex);
  const accounts = useStore((s) => s.accounts);
  const labels = useStore((s) => s.filterLabels);
  const now = useNow();
  if (saved.length === 0) {
    return (
      <li className="saved-empty" role="presentation">
        <p className="saved-empty-title">No saved searches yet</p>
        <p>
          Type words or press <Keys chords={MOD_F} /> for filters, then <Keys chords={MOD_S} /> to keep the search here and in the palette.
        </p>
      </li>
    );
  }
  return (
    <>
      <li className="saved-head" role="presentation">
        Saved searches
      </li>
      {saved.map((x, i) => {
        const summary = [x.query.trim() ? `“${x.query.trim()}”` : '', ...chips(x.filters, { accounts, labels, customerName: null, range: null, now }).map((c) => `${c.kind}: ${c.value}`)]
          .filter(Boolean)
          .join(' · ');
        return (
          <li
            key={x.id}
            id={`saved-search-${i}`}
            role="option"
            aria-selected={i === index}
            className={`saved ${i === index ? 'hit--selected' : ''}`}
            data-testid="saved-search"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => void store.getState().savedSearchApplied(x.id)}
          >
            <span className="saved-name" dir="auto">
              <span className="saved-star" aria-hidden="true">
                ★
              </span>
              {x.name}
            </span>
            <span className="saved-summary" dir="auto">
              {summary}
            </span>
          </li>
        );
      })}
      <li className="saved-foot" role="presentation">
        Enter apply · <Keys chords={keyLabels('Mod+Delete', PLATFORM)} /> delete
      </li>
    </>
  );
}
