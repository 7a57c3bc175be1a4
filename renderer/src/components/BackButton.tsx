/** Back to the inbox from a full view, for the mouse; the keyboard uses Esc. */
import { store } from '../store';

export function BackButton() {
  return (
    <button type="button" className="back-button" aria-label="Back to inbox (Esc)" title="Back to inbox (Esc)" onClick={() => store.getState().viewChosen('inbox')}>
      ←
    </button>
  );
}
