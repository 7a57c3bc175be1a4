/** Boots the renderer: styles, the store's first reads, pushed events, the keyboard, React. */
import { createRoot } from 'react-dom/client';
import { subscribeToCare } from './care';
import { installKeyboard } from './commands';
import { App } from './components/App';
import { focusRegion } from './lib/focus';
import { store } from './store';
import './styles/base.css';
import './styles/app.css';
import './styles/inbox.css';
import './styles/thread.css';
import './styles/overlays.css';
import './styles/views.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(<App />);

const s = store.getState();
try {
  subscribeToCare({
    threadsChanged: (p) => store.getState().threadsChanged(p),
    outboxChanged: (p) => store.getState().outboxChanged(p),
    accountsChanged: (p) => store.getState().accountsChanged(p.accounts),
    crisisChanged: (p) => store.getState().crisisChanged(p),
  });
} catch (err) {
  s.toastShown((err as Error).message, 'error');
}
installKeyboard();
void s.settingsLoaded();
void s.accountsLoaded();
void s.savedSearchesLoaded();
void s.cannedLoaded();
void s.crisisStarted();
void s.inboxStarted().then(() => {
  // Keyboard-first: the list has focus from the start, unless the agent already clicked elsewhere.
  if (document.activeElement === document.body) focusRegion('inbox');
});
