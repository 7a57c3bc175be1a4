/** The whole window: the current view, the status bar, toasts, and at most one overlay. */
import { useStore } from '../store';
import { CannedManager } from './CannedManager';
import { CannedPicker } from './CannedPicker';
import { CheatSheet } from './CheatSheet';
import { ConfirmDelete } from './ConfirmDelete';
import { CustomerPane } from './CustomerPane';
import { InboxPane } from './InboxPane';
import { Palette } from './Palette';
import { isReviewView, ReviewOverlays, ReviewView } from './ReviewViews';
import { SettingsView } from './SettingsView';
import { StatusBar } from './StatusBar';
import { ThreadPane } from './ThreadPane';
import { Toasts } from './Toasts';
import { CrisisBanner } from './CrisisBanner';
import { WorkflowOverlays } from './WorkflowOverlays';

export function App() {
  const view = useStore((s) => s.view);
  const overlay = useStore((s) => s.overlay);
  return (
    <div className="app">
      <CrisisBanner />
      {view === 'inbox' ? (
        <div className="panes">
          <InboxPane />
          <ThreadPane />
          <CustomerPane />
        </div>
      ) : isReviewView(view) ? (
        <ReviewView view={view} />
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
      <ReviewOverlays overlay={overlay} />
      <WorkflowOverlays overlay={overlay} />
    </div>
  );
}
