/** Toasts: confirmations with their undo key, and errors in words. Announced politely. */
import { store, useStore } from '../store';

export function Toasts() {
  const toasts = useStore((s) => s.toasts);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast--${t.kind}`} data-testid="toast" data-kind={t.kind}>
          <span dir="auto">{t.text}</span>
          <button type="button" className="toast-close" aria-label="Dismiss" tabIndex={-1} onClick={() => store.getState().toastDismissed(t.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
