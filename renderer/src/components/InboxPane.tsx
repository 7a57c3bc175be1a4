/** The left pane: brand, filter tabs and the list — or search, when it is open. */
import { store, useStore } from '../store';
import { FilterTabs } from './FilterTabs';
import { InboxList } from './InboxList';
import { BulkBar } from './BulkBar';
import { SearchPanel } from './SearchPanel';
import { Keys } from './Keys';

export function InboxPane() {
  const searchOpen = useStore((s) => s.searchOpen);
  return (
    <section className="pane pane-inbox" aria-label="Inbox">
      <header className="inbox-head">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">Care</span>
        </div>
        {!searchOpen && (
          <button type="button" className="search-button" onClick={() => store.getState().searchOpened()} title="Search messages (/)">
            <span>Search</span>
            <Keys chords={[['/']]} />
          </button>
        )}
      </header>
      {searchOpen ? (
        <SearchPanel />
      ) : (
        <>
          <FilterTabs />
          <InboxList />
          <BulkBar />
        </>
      )}
    </section>
  );
}
