/** Installs the one keydown listener for the whole window. */
import { PLATFORM } from '../lib/platform';
import { store } from '../store';
import { currentContext } from './context';
import { registry } from './defaults';
import { createDispatcher } from './dispatcher';

export function installKeyboard(): () => void {
  const dispatcher = createDispatcher({
    commands: registry.all,
    context: currentContext,
    platform: PLATFORM,
    onPending: (key) => store.getState().keyPending(key),
  });
  const onKeyDown = (e: KeyboardEvent) => {
    if (!e.defaultPrevented) dispatcher.handle(e);
  };
  window.addEventListener('keydown', onKeyDown);
  return () => window.removeEventListener('keydown', onKeyDown);
}

export { registry };
