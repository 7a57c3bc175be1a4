/**
 * `g m` (or the status line): every connected account and how it is doing — state, last good
 * poll, next poll, rate budget, last error in words — with its actions (poll now, reconnect,
 * disconnect, remove a Telegram webhook), and the form to connect one.
 */
import type { AccountSummary } from '../../../preload/contract';
import { NETWORK_RULES } from '../../../preload/shared/length';
import { until } from '../lib/dates';
import { absoluteTime, ago } from '../lib/time';
import { useNow } from '../lib/useNow';
import { store, useStore } from '../store';
import { ACCOUNT_STATE_LABEL } from '../store/accounts';
import { BackButton } from './BackButton';
import { ConnectForm } from './ConnectForm';
import { Keys } from './Keys';
import { NetworkIcon } from './NetworkIcon';
import './accounts.css';
import { useSelectedInView } from '../lib/useSelectedInView';

export function AccountsView() {
  const accounts = useStore((s) => s.accounts);
  const selectedId = useStore((s) => s.accountsSelectedId);
  const form = useStore((s) => s.connectForm !== null);
  const list = useSelectedInView(selectedId);

  return (
    <main className="accounts-view" aria-label="Accounts" data-testid="accounts-view">
      <section className="accounts-list-pane">
        <header className="view-head">
          <div className="view-title">
            <BackButton />
            <h1>Accounts</h1>
            <button type="button" className="button button--small accounts-connect" onClick={() => store.getState().connectFormOpened()}>
              Connect <Keys chords={[['N']]} />
            </button>
          </div>
          <p className="view-hints view-hints--wrap">
            <Keys chords={[['J']]} /> <Keys chords={[['K']]} /> move · <Keys chords={[['P']]} /> poll · <Keys chords={[['R']]} /> reconnect · <Keys chords={[['D']]} /> disconnect ·{' '}
            <Keys chords={[['Esc']]} /> back
          </p>
        </header>
        <ul
          className="account-list"
          role="listbox"
          aria-label="Accounts"
          tabIndex={0}
          data-region="accounts"
          data-focus="accounts"
          aria-activedescendant={selectedId === null ? undefined : `account-${selectedId}`}
          ref={list}
        >
          {accounts.length === 0 && <li className="dialog-empty">No accounts yet. Press N to connect one.</li>}
          {accounts.map((a) => (
            <AccountRow key={a.id} a={a} selected={a.id === selectedId} />
          ))}
        </ul>
      </section>
      <section className="account-detail">{form ? <ConnectForm /> : <AccountDetail />}</section>
    </main>
  );
}

/** Health in one word and a tone, for the row's pill. */
export function health(a: AccountSummary): { tone: 'ok' | 'warn' | 'error' | 'off'; text: string } {
  if (a.state === 'needs_reauth') return { tone: 'error', text: 'Sign in again' };
  if (a.state === 'paused') return { tone: 'off', text: 'Paused' };
  if (a.fix === 'remove_webhook') return { tone: 'error', text: 'Blocked by webhook' };
  if (a.lastError) return { tone: 'warn', text: 'Problem' };
  return { tone: 'ok', text: 'Active' };
}

function AccountRow({ a, selected }: { a: AccountSummary; selected: boolean }) {
  const now = useNow();
  const h = health(a);
  const work = useStore((s) => s.accountWork[a.id]);
  return (
    <li
      id={`account-${a.id}`}
      role="option"
      aria-selected={selected}
      className="account-row"
      data-testid="account-row"
      data-account-id={a.id}
      data-state={a.state}
      onClick={() => store.getState().accountSelected(a.id)}
    >
      <span className={`account-icon net-tint--${a.network}`}>
        <NetworkIcon network={a.network} size={18} />
      </span>
      <span className="account-who">
        <span className="account-row-name" dir="auto">
          {a.name}
        </span>
        <span className="account-row-handle" dir="auto">
          {a.handle}
          {a.channel === 'demo' && <span className="demo-tag">demo</span>}
        </span>
      </span>
      <span className="account-row-side">
        <span className={`pill pill--${h.tone}`}>{h.text}</span>
        <span className="account-row-poll">{work === 'poll' ? 'polling…' : a.lastPollAt === null ? 'not polled yet' : `polled ${ago(a.lastPollAt, now)}`}</span>
      </span>
    </li>
  );
}

function AccountDetail() {
  const a = useStore((s) => s.accounts.find((x) => x.id === s.accountsSelectedId) ?? null);
  const work = useStore((s) => (s.accountsSelectedId === null ? undefined : s.accountWork[s.accountsSelectedId]));
  const now = useNow();
  if (!a) {
    return (
      <div className="empty">
        <p className="empty-title">No account selected</p>
        <p className="empty-body">
          Press <Keys chords={[['N']]} /> to connect X, Facebook, Instagram, Telegram, Mastodon or Bluesky.
        </p>
      </div>
    );
  }
  const h = health(a);
  const s = store.getState();
  const isDemo = a.channel === 'demo';
  return (
    <div className="account-card" data-testid="account-detail" data-account-id={a.id}>
      <header className="account-card-head">
        <span className={`account-icon account-icon--big net-tint--${a.network}`}>
          <NetworkIcon network={a.network} size={26} />
        </span>
        <div>
          <h2 className="account-card-name" dir="auto">
            {a.name}
          </h2>
          <p className="account-card-handle" dir="auto">
            {a.handle} · {NETWORK_RULES[a.network].label}
            {isDemo ? ' (built-in demo)' : ''}
          </p>
        </div>
        <span className={`pill pill--${h.tone} pill--big`}>{ACCOUNT_STATE_LABEL[a.state]}</span>
      </header>

      {(a.state === 'needs_reauth' || a.fix || a.lastError) && (
        <div className={`account-alert account-alert--${a.state === 'needs_reauth' || a.fix ? 'error' : 'warn'}`} role="alert" data-testid="account-problem">
          <p className="account-alert-title">
            {a.state === 'needs_reauth'
              ? 'The platform no longer accepts this account’s credentials. Polling is paused; nothing is lost.'
              : a.fix === 'remove_webhook'
                ? 'A webhook is set on this bot, so Telegram refuses to hand its messages to the console.'
                : 'The last poll did not go through.'}
          </p>
          {a.lastError && <p className="account-alert-body">{a.lastError}</p>}
          {a.state === 'needs_reauth' && <p className="account-alert-body">Reconnect it with fresh credentials (R).</p>}
          {a.fix === 'remove_webhook' && <p className="account-alert-body">Remove the webhook (W) and polling starts again.</p>}
        </div>
      )}

      <dl className="facts account-facts">
        <dt>State</dt>
        <dd>{ACCOUNT_STATE_LABEL[a.state]}</dd>
        <dt>Last good poll</dt>
        <dd title={a.lastPollAt === null ? undefined : absoluteTime(a.lastPollAt)} data-testid="account-last-poll">
          {a.lastPollAt === null ? 'Not yet' : ago(a.lastPollAt, now)}
        </dd>
        <dt>Next poll</dt>
        <dd title={a.nextPollAt === null ? undefined : absoluteTime(a.nextPollAt)}>
          {a.state !== 'active' ? 'Not scheduled (polling is off)' : a.nextPollAt === null ? 'Not scheduled' : until(a.nextPollAt, now)}
        </dd>
        <dt>Rate budget</dt>
        <dd>{a.rateBudget ?? (isDemo ? 'No limit (demo)' : 'Not reported yet')}</dd>
        <dt>Last error</dt>
        <dd className={a.lastError ? 'danger-text' : ''}>{a.lastError ?? 'None'}</dd>
      </dl>

      <div className="account-actions">
        <button type="button" className="button" disabled={a.state !== 'active' || work !== undefined} onClick={() => void s.accountPollRequested(a.id)}>
          {work === 'poll' ? 'Polling…' : 'Poll now'} <Keys chords={[['P']]} />
        </button>
        {!isDemo && (
          <button type="button" className={`button ${a.state === 'needs_reauth' ? 'button--primary' : ''}`} onClick={() => s.accountReconnectRequested(a.id)}>
            Reconnect <Keys chords={[['R']]} />
          </button>
        )}
        {a.fix === 'remove_webhook' && (
          <button type="button" className="button button--primary" disabled={work !== undefined} onClick={() => void s.accountWebhookRemovalRequested(a.id)}>
            {work === 'webhook' ? 'Removing…' : 'Remove webhook'} <Keys chords={[['W']]} />
          </button>
        )}
        {a.state !== 'paused' && (
          <button type="button" className="button button--quiet-danger" disabled={work !== undefined} onClick={() => s.accountDisconnectRequested(a.id)}>
            Disconnect <Keys chords={[['D']]} />
          </button>
        )}
      </div>
      <p className="field-help account-note">
        {isDemo
          ? 'The demo account makes up realistic conversations and needs no credentials.'
          : 'Credentials are kept in this computer’s keychain only. Disconnecting forgets them and stops polling; the conversations stay here for review.'}
      </p>
    </div>
  );
}
