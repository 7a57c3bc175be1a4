/**
 * Search, in place of the list: the field keeps focus while ↑/↓ move through results and
 * Enter opens one (those keys are registry commands). Any text is a valid query; an error
 * answer is shown here in words.
 */
import { useEffect, useRef } from 'react';
import { NETWORK_RULES } from '../../../preload/shared/length';
import { age } from '../lib/time';
import { useNow } from '../lib/useNow';
import { store, useStore } from '../store';
import { Highlighted } from './Highlighted';
import { NetworkIcon } from './NetworkIcon';

export function SearchPanel() {
  const query = useStore((s) => s.searchQuery);
  const hits = useStore((s) => s.searchHits);
  const total = useStore((s) => s.searchTotal);
  const state = useStore((s) => s.searchState);
  const error = useStore((s) => s.searchError);
  const index = useStore((s) => s.searchIndex);
  const now = useNow();
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [index, hits]);

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
          aria-activedescendant={hits[index] ? `search-hit-${index}` : undefined}
          placeholder="Search all messages"
          autoFocus
          value={query}
          spellCheck={false}
          onChange={(e) => store.getState().searchTyped(e.target.value)}
        />
        {state === 'loading' && <span className="spinner" aria-label="Searching" />}
      </div>
      <div className="search-meta" aria-live="polite">
        {state === 'error' ? (
          <span className="search-error" role="alert">
            {error}
          </span>
        ) : state === 'ready' ? (
          <span>{total === 0 ? 'No messages match.' : `${total.toLocaleString()} ${total === 1 ? 'message' : 'messages'}${total > hits.length ? `, best ${hits.length} shown` : ''}`}</span>
        ) : query.trim() === '' ? (
          <span>Words, “exact phrases”, prefix*. ↑↓ move · Enter open · Esc close</span>
        ) : null}
      </div>
      <ul className="search-results" id="search-results" role="listbox" aria-label="Search results" ref={list}>
        {hits.map((h, i) => (
          <li
            key={`${h.messageId}`}
            id={`search-hit-${i}`}
            role="option"
            aria-selected={i === index}
            className={`hit ${i === index ? 'hit--selected' : ''}`}
            data-testid="search-result"
            data-thread-id={h.threadId}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => store.getState().searchResultChosen(i)}
          >
            <span className="hit-head">
              <NetworkIcon network={h.network} />
              <span className="hit-name" dir="auto">
                {h.customerName}
              </span>
              <span className="hit-network">{NETWORK_RULES[h.network].label}</span>
              {h.direction === 'out' && <span className="hit-you">our reply</span>}
              {h.status === 'resolved' && <span className="hit-you">resolved</span>}
              <time className="hit-age" title={new Date(h.createdAt).toLocaleString()}>
                {age(h.createdAt, now)}
              </time>
            </span>
            <span className="hit-snippet" dir="auto">
              <Highlighted snippet={h.snippet} />
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
