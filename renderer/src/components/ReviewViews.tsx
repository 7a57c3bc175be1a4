/** The views and overlays of offline review and accounts, so App.tsx routes to them in one line each. */
import type { Overlay, View } from '../store/ui';
import { AccountsView } from './AccountsView';
import { CannedImportResult } from './CannedTransfer';
import { ConfirmDisconnect } from './ConfirmDisconnect';
import { FilterMenu } from './FilterMenu';
import { ReportsView } from './ReportsView';
import { SaveSearchDialog } from './SaveSearchDialog';

export function isReviewView(view: View): view is 'reports' | 'accounts' {
  return view === 'reports' || view === 'accounts';
}

export function ReviewView({ view }: { view: 'reports' | 'accounts' }) {
  return view === 'reports' ? <ReportsView /> : <AccountsView />;
}

export function ReviewOverlays({ overlay }: { overlay: Overlay | null }) {
  switch (overlay) {
    case 'search-filter':
      return <FilterMenu />;
    case 'save-search':
      return <SaveSearchDialog />;
    case 'confirm-disconnect':
      return <ConfirmDisconnect />;
    case 'canned-import':
      return <CannedImportResult />;
    default:
      return null;
  }
}
