/**
 * The canned library as a file: export CSV / JSON, and import one (a real file input, reachable
 * with Tab or the `i` key; the format comes from the file's extension). The outcome dialog says
 * what was added, updated and skipped, and why.
 */
import { store, useStore } from '../store';
import { Dialog } from './Dialog';
import { Keys } from './Keys';
import './review.css';

export function CannedTransfer() {
  return (
    <div className="canned-transfer" data-region="canned-import" aria-label="Share the library as a file">
      <label className="button button--small file-button" title="Import canned responses from a CSV or JSON file (I)">
        Import <Keys chords={[['I']]} />
        <input
          type="file"
          className="file-input"
          accept=".csv,.json,text/csv,application/json"
          data-testid="canned-import-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void store.getState().cannedImportRequested(file);
          }}
        />
      </label>
      <button type="button" className="button button--small" onClick={() => void store.getState().cannedExportRequested('csv')}>
        Export CSV
      </button>
      <button type="button" className="button button--small" onClick={() => void store.getState().cannedExportRequested('json')}>
        Export JSON
      </button>
    </div>
  );
}

export function CannedImportResult() {
  const r = useStore((s) => s.cannedImportResult);
  if (!r) return null;
  const close = () => store.getState().cannedImportDismissed();
  return (
    <Dialog region="canned-import" label="Import result" testId="canned-import-result" className="confirm import-result">
      <h2 className="dialog-title" dir="auto">
        Imported {r.fileName}
      </h2>
      <ul className="import-counts">
        <li className="import-count import-count--added">
          <strong>{r.added}</strong> added
        </li>
        <li className="import-count import-count--updated">
          <strong>{r.updated}</strong> updated
        </li>
        <li className={`import-count ${r.skipped.length ? 'import-count--skipped' : ''}`}>
          <strong>{r.skipped.length}</strong> skipped
        </li>
      </ul>
      {r.skipped.length > 0 && (
        <>
          <p className="preview-label">Skipped, and why</p>
          <ul className="import-reasons" tabIndex={0} aria-label="Skipped entries">
            {r.skipped.map((why, i) => (
              <li key={i} dir="auto">
                {why}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="confirm-actions">
        <button type="button" className="button button--primary" data-focus="canned-import" autoFocus onClick={close}>
          Done <Keys chords={[['Enter']]} />
        </button>
      </div>
    </Dialog>
  );
}
