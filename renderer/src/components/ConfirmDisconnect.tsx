/** Disconnecting asks once: Enter on the focused button disconnects, Esc keeps the account. */
import { store, useStore } from '../store';
import { Dialog } from './Dialog';

export function ConfirmDisconnect() {
  const a = useStore((s) => s.accounts.find((x) => x.id === s.accountsSelectedId) ?? null);
  return (
    <Dialog region="confirm" label="Disconnect account" testId="confirm-disconnect" className="confirm">
      <h2 className="dialog-title" dir="auto">
        Disconnect {a?.name}?
      </h2>
      <p className="confirm-body">
        {a?.channel === 'demo'
          ? 'This built-in demo account stops making up conversations, and it cannot be connected again from here. Its conversations stay for review.'
          : 'Polling stops and its credentials are deleted from this computer’s keychain. Its conversations stay here for review; reconnect it any time with new credentials.'}
      </p>
      <div className="confirm-actions">
        <button type="button" className="button" onClick={() => store.getState().overlayClosed()}>
          Keep it
        </button>
        <button type="button" className="button button--danger" data-focus="confirm" autoFocus onClick={() => void store.getState().accountDisconnectConfirmed()}>
          Disconnect
        </button>
      </div>
    </Dialog>
  );
}
