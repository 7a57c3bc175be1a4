/** The typed bus of events main pushes to whichever host is listening. */
import type { EventKey, Events } from '../../preload/contract';

type Listener = <E extends EventKey>(event: E, payload: Events[E]) => void;

export class EventBus {
  private readonly listeners = new Set<Listener>();

  emit<E extends EventKey>(event: E, payload: Events[E]): void {
    for (const l of this.listeners) l(event, payload);
  }

  /** Every event, for a host that forwards them all (IPC, the push stream). */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
