/** Mod+S in search: name the words and filters on screen; Enter saves, Esc keeps searching. */
import { useState, type FormEvent } from 'react';
import { useNow } from '../lib/useNow';
import { store, useStore } from '../store';
import { chips, suggestName } from '../store/searchModel';
import { Dialog } from './Dialog';
import { Keys } from './Keys';
import './review.css';

export function SaveSearchDialog() {
  const now = useNow();
  const [name, setName] = useState(() => {
    const s = store.getState();
    return suggestName(s.searchQuery, chips(s.searchFilters, { accounts: s.accounts, labels: s.filterLabels, customerName: s.searchCustomer?.name ?? null, range: s.searchRange, now }));
  });
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const query = useStore((s) => s.searchQuery);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    setSaving(true);
    const err = await store.getState().searchSaved(name);
    setSaving(false);
    setError(err);
  };
  return (
    <Dialog region="save-search" label="Save this search" testId="save-search" className="confirm save-search">
      <form onSubmit={(e) => void submit(e)}>
        <h2 className="dialog-title">Save this search</h2>
        <p className="confirm-body">
          {query.trim() ? 'The words and filters on screen' : 'The filters on screen'} go in the search panel’s list and in the palette as “Search: {name.trim() || '…'}”.
        </p>
        <label className="field save-search-field">
          <span className="field-label">Name</span>
          <input data-focus="save-search" data-testid="save-search-name" autoFocus value={name} maxLength={100} onChange={(e) => setName(e.target.value)} onFocus={(e) => e.target.select()} />
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="confirm-actions">
          <button type="button" className="button" onClick={() => store.getState().overlayClosed()}>
            Cancel <Keys chords={[['Esc']]} />
          </button>
          <button type="submit" className="button button--primary" disabled={saving || name.trim() === ''}>
            Save <Keys chords={[['Enter']]} />
          </button>
        </div>
      </form>
    </Dialog>
  );
}
