/**
 * The virtualised thread list. Only the rows on screen exist; pages of 100 are fetched as they
 * come into view (and a little ahead). The list itself does not re-render when the selection
 * moves: a store subscription scrolls the selected row into view and points
 * aria-activedescendant at it.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { store, useStore, type State } from '../store';
import { InboxRow, ROW_HEIGHT } from './InboxRow';
import { GroupHeadings, groupGap, rowTop } from './SpikeGroup';

const EMPTY: Record<string, { title: string; body: string }> = {
  open: { title: 'Inbox zero — nice work', body: 'New messages land here as the accounts are polled.' },
  pending: { title: 'Nothing pending', body: 'Threads waiting on the customer (p) wait here; a reply from them reopens the thread.' },
  snoozed: { title: 'Nothing snoozed', body: 'Snooze a thread with s: it comes back on its own, at the top, when the time comes.' },
  resolved: { title: 'Nothing resolved yet', body: 'Threads you resolve with e show up here.' },
  all: { title: 'No conversations yet', body: 'Once an account is polled, every thread shows up here.' },
};

export function InboxList() {
  const total = useStore((s) => s.inbox.total);
  const filter = useStore((s) => s.inbox.filter);
  const generation = useStore((s) => s.inbox.generation);
  const state = useStore((s) => s.inboxState);
  const error = useStore((s) => s.inboxError);
  // Crisis mode: the spike's threads come first, under their own heading.
  const pinned = useStore((s) => s.inbox.pinned);
  const scroller = useRef<HTMLDivElement>(null);

  // The virtualizer re-renders this component itself on scroll; nothing here is memoised by
  // a compiler (the build doesn't use React Compiler), so its unmemoisable API is fine.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => ROW_HEIGHT + groupGap(i, pinned),
    overscan: 10,
  });

  useEffect(() => {
    virtualizer.measure();
  }, [virtualizer, pinned]);
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;

  useEffect(() => {
    store.getState().rangeViewed(first, last);
  }, [first, last, generation, total]);

  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [generation]);

  useEffect(() => {
    let frame = 0;
    const follow = (s: State) => {
      const el = scroller.current;
      if (!el) return;
      const id = s.inbox.selectedId;
      if (id === null) el.removeAttribute('aria-activedescendant');
      else el.setAttribute('aria-activedescendant', `thread-row-${id}`);
      // Scroll once per frame, after React's commit: a scroll write forces a layout, and
      // doing it per key press (before the commit) would lay the page out twice.
      if (!frame) {
        frame = requestAnimationFrame(() => {
          frame = 0;
          const now = store.getState().inbox;
          if ((now.total ?? 0) > 0) keepInView(el, virtualizer.scrollOffset, virtualizer.scrollRect?.height, now.selectedIndex, now.pinned);
        });
      }
    };
    follow(store.getState());
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.inbox.selectedId !== prev.inbox.selectedId || s.inbox.selectedIndex !== prev.inbox.selectedIndex) follow(s);
    });
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [virtualizer, total]);

  const empty = total === 0 && state === 'ready';
  return (
    <div
      ref={scroller}
      className="inbox-list"
      role="listbox"
      aria-label={`${filter[0]!.toUpperCase()}${filter.slice(1)} threads`}
      tabIndex={0}
      data-testid="inbox"
      data-region="inbox"
      data-focus="inbox"
      aria-busy={state === 'loading'}
    >
      {state === 'error' && total === null ? (
        <div className="empty">
          <p className="empty-title">Couldn’t load the inbox</p>
          <p className="empty-body">{error}</p>
          <button type="button" className="button" onClick={() => void store.getState().inboxStarted()}>
            Try again
          </button>
        </div>
      ) : empty ? (
        <div className="empty">
          <div className="empty-mark" aria-hidden="true">✓</div>
          <p className="empty-title">{EMPTY[filter]?.title}</p>
          <p className="empty-body">{EMPTY[filter]?.body}</p>
        </div>
      ) : total === null ? (
        <div className="rows-loading" aria-label="Loading threads">
          {Array.from({ length: 8 }, (_, i) => (
            <InboxRow key={i} index={-1 - i} start={i * ROW_HEIGHT} />
          ))}
        </div>
      ) : (
        <div className="rows" style={{ height: virtualizer.getTotalSize() }}>
          <GroupHeadings pinned={pinned} total={total} />
          {items.map((item) => (
            <InboxRow key={item.key} index={item.index} start={item.start + groupGap(item.index, pinned)} />
          ))}
        </div>
      )}
    </div>
  );
}

/**
 * Scrolls just enough to show row `index`, and not at all when it is already in view. Uses the
 * virtualizer's cached offset and height: reading them from the DOM (as scrollToIndex does)
 * forces a layout on every j press.
 */
function keepInView(el: HTMLElement, offset: number | null, height: number | undefined, index: number, pinned: number): void {
  // The first row of a group shows its heading too.
  const top = rowTop(index, pinned) - groupGap(index, pinned);
  const bottom = rowTop(index, pinned) + ROW_HEIGHT;
  const from = offset ?? el.scrollTop;
  const size = height ?? el.clientHeight;
  if (top < from) el.scrollTop = top;
  else if (bottom > from + size) el.scrollTop = bottom - size;
}
