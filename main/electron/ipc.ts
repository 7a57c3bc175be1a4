/**
 * The validated IPC boundary (after VS Code's validatedIpcMain): one `ipcMain.handle` per contract
 * key, each checking that the sender is our own top frame before the shared dispatcher checks the
 * argument schema and runs the handler.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { IPC_PREFIX, REQUEST_KEYS, type Handlers } from '../../preload/contract';
import { dispatch } from '../api/dispatch';
import type { EventBus } from '../api/events';
import { isTrustedFrame } from '../api/trust';

export function isTrustedSender(e: IpcMainInvokeEvent): boolean {
  const frame = e.senderFrame;
  return !!frame && isTrustedFrame(frame.url, frame.parent === null);
}

export function registerIpc(handlers: Handlers, bus: EventBus, target: () => WebContents | null): () => void {
  for (const key of REQUEST_KEYS) {
    ipcMain.handle(IPC_PREFIX + key, (e, arg: unknown) => {
      if (!isTrustedSender(e)) return { ok: false, error: { code: 'unauthorized', message: 'Request from an untrusted frame.' } };
      return dispatch(handlers, key, arg);
    });
  }
  const unsubscribe = bus.subscribe((event, payload) => {
    const wc = target();
    if (wc && !wc.isDestroyed()) wc.send(IPC_PREFIX + event, payload);
  });
  return () => {
    unsubscribe();
    for (const key of REQUEST_KEYS) ipcMain.removeHandler(IPC_PREFIX + key);
  };
}
