/**
 * The Electron preload (sandboxed): exposes `window.care = { invoke, on }` and nothing else.
 * Only contract keys pass; main checks the sender frame and the argument schema again.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_KEYS, IPC_PREFIX, REQUEST_KEYS, type CareApi, type EventKey, type Events } from '../contract';

const api: CareApi = {
  invoke(key, arg) {
    if (!REQUEST_KEYS.includes(key)) return Promise.resolve({ ok: false, error: { code: 'bad_request', message: `Unknown request ${String(key)}` } });
    return ipcRenderer.invoke(IPC_PREFIX + key, arg);
  },
  on<E extends EventKey>(event: E, listener: (payload: Events[E]) => void) {
    if (!EVENT_KEYS.includes(event)) throw new Error(`Unknown event ${String(event)}`);
    // The IPC event object carries the sender; the page gets only the payload.
    const wrapped = (_e: IpcRendererEvent, payload: Events[E]) => listener(payload);
    ipcRenderer.on(IPC_PREFIX + event, wrapped);
    return () => {
      ipcRenderer.removeListener(IPC_PREFIX + event, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('care', api);
