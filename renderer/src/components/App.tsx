/** The whole window: the current view, the status bar, toasts, and at most one overlay. */
import { useStore } from '../store';
import { CannedManager } from './CannedManager';
import { CannedPicker } from './CannedPicker';
import { CheatSheet } from './CheatSheet';
import { ConfirmDelete } from './ConfirmDelete';
import { CustomerPane } from './CustomerPane';
import { InboxPane } from './InboxPane';
import { Palette } from './Palette';
import { SettingsView } from './SettingsView';
import { StatusBar } from './StatusBar';
import { ThreadPane } from './ThreadPane';
import { Toasts } from './Toasts';

export function App() {
  const view = useStore((s) => s.view);
  const overlay = useStore((s) => s.overlay);
  return (
    <div className="app">
      {view === 'inbox' ? (
        <div className="panes">
          <InboxPane />
          <ThreadPane />
          <CustomerPane />
        </div>
      ) : view === 'canned' ? (
        <CannedManager />
      ) : (
        <SettingsView />
      )}
      <StatusBar />
      <Toasts />
      {overlay === 'palette' && <Palette />}
      {overlay === 'cheatsheet' && <CheatSheet />}
      {overlay === 'canned-picker' && <CannedPicker />}
      {overlay === 'confirm-delete' && <ConfirmDelete />}
    </div>
  );
}
