/** The shell every overlay uses: a scrim that closes on click, and a labelled modal dialog. */
import type { KeyboardEvent, ReactNode } from 'react';
import type { Region } from '../lib/focus';
import { store } from '../store';

interface Props {
  region: Region;
  label: string;
  testId: string;
  className?: string;
  children: ReactNode;
}

export function Dialog({ region, label, testId, className, children }: Props) {
  return (
    <div
      className="scrim"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) store.getState().overlayClosed();
      }}
    >
      <div role="dialog" aria-modal="true" aria-label={label} data-region={region} data-testid={testId} className={`dialog ${className ?? ''}`} onKeyDown={trapTab}>
        {children}
      </div>
    </div>
  );
}

/** Tab cycles inside the dialog: focus never wanders off behind the scrim. */
function trapTab(e: KeyboardEvent<HTMLDivElement>): void {
  if (e.key !== 'Tab' || e.ctrlKey || e.altKey || e.metaKey) return;
  const items = [...e.currentTarget.querySelectorAll<HTMLElement>('input, button, textarea, [tabindex]:not([tabindex="-1"])')].filter((el) => !el.hasAttribute('disabled'));
  e.preventDefault();
  if (items.length === 0) return;
  const at = items.indexOf(document.activeElement as HTMLElement);
  const next = items[(at + (e.shiftKey ? -1 : 1) + items.length) % items.length];
  next?.focus();
}
