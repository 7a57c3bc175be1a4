import { useEffect, useRef } from 'react';

/**
 * Keeps a keyboard list's chosen option (`aria-selected="true"`) scrolled into view. Returns the
 * ref for the list; `key` is whatever changes the choice (an index, an id).
 */
export function useSelectedInView<T extends HTMLElement = HTMLUListElement>(key: unknown) {
  const list = useRef<T>(null);
  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [key]);
  return list;
}
