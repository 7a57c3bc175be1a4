/** Deleting a canned response asks once; Enter on the focused button deletes, Esc keeps it. */
import { store, useStore } from '../store';
import { Dialog } from './Dialog';

export function ConfirmDelete() {
  const c = useStore((s) => s.canned.find((x) => x.id === s.managerSelectedId));
  return (
    <Dialog region="confirm" label="Delete canned response" testId="confirm-delete" className="confirm">
      <h2 className="dialog-title">Delete “{c?.title}”?</h2>
      <p className="confirm-body">Replies already sent keep their text. This can’t be undone.</p>
      <div className="confirm-actions">
        <button type="button" className="button" onClick={() => store.getState().overlayClosed()}>
          Cancel
        </button>
        <button type="button" className="button button--danger" data-focus="confirm" autoFocus onClick={() => void store.getState().deleteConfirmed()}>
          Delete
        </button>
      </div>
    </Dialog>
  );
}
