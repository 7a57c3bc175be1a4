/** Under the inbox while threads are selected: how many, and what the keys do to all of them. */
import { store, useStore } from '../store';
import { Keys } from './Keys';
import '../styles/workflow.css';

export function BulkBar() {
  const n = useStore((s) => s.bulkIds.length);
  const crisis = useStore((s) => s.crisis?.active === true);
  if (n === 0) return null;
  return (
    <div className="bulk-bar" role="status" data-testid="bulk-bar">
      <p className="bulk-count">
        <strong>{n} selected</strong>
        {crisis && <span className="bulk-crisis">crisis mode: asks first</span>}
        <button type="button" className="bulk-clear" onClick={() => store.getState().bulkCleared()}>
          <Keys chords={[['Esc']]} /> clear
        </button>
      </p>
      <p className="bulk-keys">
        <span>
          <Keys chords={[['E']]} /> resolve
        </span>
        <span>
          <Keys chords={[['P']]} /> pending
        </span>
        <span>
          <Keys chords={[['S']]} /> snooze
        </span>
        <span>
          <Keys chords={[['L']]} /> label
        </span>
        <span>
          <Keys chords={[['A']]} /> assign
        </span>
      </p>
    </div>
  );
}
