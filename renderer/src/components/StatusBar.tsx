/** The bottom line: each account's health in plain words, and where the keys are. */
import { memo } from 'react';
import type { AccountSummary } from '../../../preload/contract';
import { keyLabels } from '../commands/keys';
import { PLATFORM } from '../lib/platform';
import { ago } from '../lib/time';
import { useNow } from '../lib/useNow';
import { store, useStore } from '../store';
import { Keys } from './Keys';
import { NetworkIcon } from './NetworkIcon';

export function StatusBar() {
  const accounts = useStore((s) => s.accounts);
  const pending = useStore((s) => s.pendingKey);
  return (
    <footer className="statusbar" data-testid="statusbar">
      {/* The whole line opens the accounts view (g m): click, or Tab to it and Enter. */}
      <button type="button" className="accounts accounts-button" data-testid="statusbar-accounts" title="Accounts: status, poll now, connect (g m)" onClick={() => store.getState().accountsOpened()}>
        <span className="sr-only">Open accounts: </span>
        {accounts.length === 0 && <span className="account muted">No accounts connected — connect one</span>}
        {accounts.map((a) => (
          <Account key={a.id} a={a} />
        ))}
      </button>
      <div className="statusbar-keys">
        {pending && (
          <span className="pending-key" aria-live="polite">
            <kbd>{pending.toUpperCase()}</kbd> then…
          </span>
        )}
        <button type="button" className="statusbar-button" onClick={() => store.getState().overlayOpened('cheatsheet', 'inbox')}>
          <Keys chords={[['?']]} /> shortcuts
        </button>
        <span className="statusbar-hint">
          <Keys chords={keyLabels('Mod+k', PLATFORM)} /> commands
        </span>
      </div>
    </footer>
  );
}

const Account = memo(function Account({ a }: { a: AccountSummary }) {
  const now = useNow();
  const problem = a.state === 'needs_reauth' ? 'needs signing in again' : a.lastError;
  const polled = a.state === 'paused' ? 'paused' : a.lastPollAt === null ? 'not polled yet' : `polled ${ago(a.lastPollAt, now)}`;
  return (
    <span className={`account ${problem ? 'account--error' : ''}`} title={a.lastError ?? undefined}>
      <NetworkIcon network={a.network} size={13} />
      <span className="account-name" dir="auto">
        {a.name}
      </span>
      <span className="account-state">{problem ? problem : polled}</span>
    </span>
  );
});
