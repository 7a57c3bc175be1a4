/**
 * The renderer's only door to the app: `window.care` (put there by a preload, Electron's or the
 * web host's). `call` turns a `Reply` into a value or a thrown `CareCallError`, so screens can
 * use plain async/await and still show the server's own words when something is refused.
 */
import type { Arg, CareApi, CareError, EventKey, Events, RequestKey, Result } from '../../preload/contract';

declare global {
  interface Window {
    care: CareApi;
  }
}

export class CareCallError extends Error {
  readonly code: CareError['code'];
  readonly key: RequestKey;

  constructor(key: RequestKey, error: CareError) {
    super(error.message);
    this.name = 'CareCallError';
    this.code = error.code;
    this.key = key;
  }
}

function api(): CareApi {
  // Opened outside a host (a file:// page, a stale tab): say so instead of "undefined is not a function".
  const care = (window as { care?: CareApi }).care;
  if (!care) throw new Error('The app bridge (window.care) is missing: open the console from the app or the address the host printed.');
  return care;
}

export async function call<K extends RequestKey>(key: K, arg: Arg<K>): Promise<Result<K>> {
  const reply = await api().invoke(key, arg);
  if (reply.ok) return reply.value;
  throw new CareCallError(key, reply.error);
}

/** A sentence to show a person for any error a call may throw. */
export function errorText(err: unknown): string {
  if (err instanceof Error && err.message) return err.message;
  return 'Something went wrong.';
}

export interface CareSubscribers {
  threadsChanged(payload: Events['threads.changed']): void;
  outboxChanged(payload: Events['outbox.changed']): void;
  accountsChanged(payload: Events['accounts.changed']): void;
  crisisChanged(payload: Events['crisis.changed']): void;
}

/** Listens to every pushed event; returns the function that stops listening. */
export function subscribeToCare(handlers: CareSubscribers): () => void {
  const care = api();
  const on = <E extends EventKey>(event: E, fn: (p: Events[E]) => void) => care.on(event, fn);
  const offs = [
    on('threads.changed', (p) => handlers.threadsChanged(p)),
    on('outbox.changed', (p) => handlers.outboxChanged(p)),
    on('accounts.changed', (p) => handlers.accountsChanged(p)),
    on('crisis.changed', (p) => handlers.crisisChanged(p)),
  ];
  return () => offs.forEach((off) => off());
}
