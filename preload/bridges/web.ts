/**
 * The web flavour of the preload: defines `window.care` over the headless host's HTTP transport,
 * with the same shape the Electron preload exposes. The per-launch token arrives in the URL
 * fragment (never sent to a server, never in logs), is kept for this tab only, and is removed
 * from the address bar.
 */
import { EVENT_KEYS, REQUEST_KEYS, type CareApi, type EventKey, type Events, type Reply } from '../contract';

(function installWebBridge(): void {
  if ((window as { care?: unknown }).care) return;
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem('care.token', fromHash);
    history.replaceState(null, '', location.pathname + location.search);
  }
  const token = sessionStorage.getItem('care.token') ?? '';

  const listeners = new Map<EventKey, Set<(p: unknown) => void>>();
  let source: EventSource | null = null;
  const connect = () => {
    if (source) return;
    source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    for (const key of EVENT_KEYS) {
      source.addEventListener(key, (e) => {
        const payload = JSON.parse((e as MessageEvent<string>).data) as unknown;
        for (const l of listeners.get(key) ?? []) l(payload);
      });
    }
  };

  const api: CareApi = {
    async invoke(key, arg) {
      if (!REQUEST_KEYS.includes(key)) return { ok: false, error: { code: 'bad_request', message: `Unknown request ${String(key)}` } };
      try {
        const res = await fetch('/api/invoke', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify({ key, arg }),
        });
        if (res.status === 401) {
          return { ok: false, error: { code: 'unauthorized', message: 'This page has no valid access token: open the address the host printed.' } };
        }
        return (await res.json()) as Reply<never>;
      } catch (err) {
        return { ok: false, error: { code: 'internal', message: `The host did not answer (${(err as Error).message}). Is it still running?` } };
      }
    },
    on<E extends EventKey>(event: E, listener: (payload: Events[E]) => void) {
      if (!EVENT_KEYS.includes(event)) throw new Error(`Unknown event ${String(event)}`);
      connect();
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const l = listener as (p: unknown) => void;
      set.add(l);
      return () => set.delete(l);
    },
  };
  Object.defineProperty(window, 'care', { value: Object.freeze(api), writable: false, configurable: false });
})();
