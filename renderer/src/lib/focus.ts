/**
 * Focus regions: every pane or overlay that takes the keyboard marks its container with
 * `data-region` and its focus target with `data-focus`. Commands ask "where is focus?" and
 * "put focus there" through these two functions, so focus moves the same way everywhere.
 */

export type Region =
  | 'inbox'
  | 'search'
  | 'thread'
  | 'composer'
  | 'palette'
  | 'cheatsheet'
  | 'canned-picker'
  | 'confirm'
  | 'canned-list'
  | 'canned-form'
  | 'settings'
  // Offline review (search filters, saved searches, reports) and accounts.
  | 'search-filter'
  | 'save-search'
  | 'reports'
  | 'accounts'
  | 'account-form'
  | 'canned-import'
  // The care workflow's pickers and the customer profile.
  | 'snooze'
  | 'assign'
  | 'label'
  | 'note'
  | 'customer';

export function currentRegion(): Region | null {
  const el = document.activeElement;
  return (el?.closest('[data-region]')?.getAttribute('data-region') as Region | undefined) ?? null;
}

/**
 * Focuses the region's target now if it is on screen, else on the next frames (a view or an
 * overlay that is about to mount). Gives up quietly after a few frames.
 */
export function focusRegion(region: Region, tries = 30): void {
  const el = document.querySelector<HTMLElement>(`[data-focus="${region}"]`);
  if (el) {
    el.focus({ preventScroll: region !== 'inbox' });
    return;
  }
  if (tries > 0) requestAnimationFrame(() => focusRegion(region, tries - 1));
}

/** Whether keys typed at `target` are text: inputs, text areas, selects and editable content. */
export function isEditable(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const el = target as HTMLElement;
  if (el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  if (el.tagName === 'INPUT') {
    const type = (el as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(type);
  }
  if (el.isContentEditable) return true;
  // jsdom has no isContentEditable; the attribute says the same.
  return el.closest('[contenteditable]:not([contenteditable="false"])') !== null;
}

/** Whether Enter/Space at `target` already means "press this" (buttons, links). */
export function isActivatable(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  return (target as Element).closest('button, a[href], [role="button"], summary, input[type="checkbox"], input[type="radio"]') !== null;
}
