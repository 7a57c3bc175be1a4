/**
 * The message a search result opened: it is scrolled to the middle of the thread and lit up for
 * a few seconds (the search slice clears `spotlightMessageId`). Runs after the thread pane's own
 * "newest at the bottom" scroll, because a child's passive effect runs after the parent's layout effect.
 */
import { useEffect, useRef } from 'react';
import { useStore } from '../store';

export function useSpotlight<T extends HTMLElement>(messageId: number) {
  const lit = useStore((s) => s.spotlightMessageId === messageId);
  const ref = useRef<T>(null);
  useEffect(() => {
    if (lit) ref.current?.scrollIntoView({ block: 'center' });
  }, [lit]);
  return { lit, ref };
}
