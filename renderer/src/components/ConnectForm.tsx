/**
 * Connecting (or reconnecting) an account: choose a channel (↑/↓ or j/k, Enter), then the
 * fields that channel asks for (`channels.list`), with its help and documentation link.
 * Secret fields are password inputs whose values live only in this component and are wiped as
 * the form is sent, whatever the answer; nothing secret reaches the store.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ChannelSetupInfo, Network } from '../../../preload/contract';
import { keyLabels } from '../commands/keys';
import { PLATFORM } from '../lib/platform';
import { store, useStore } from '../store';
import { Keys } from './Keys';
import { NetworkIcon } from './NetworkIcon';
import { useSelectedInView } from '../lib/useSelectedInView';

export function ConnectForm() {
  const channel = useStore((s) => s.connectForm?.channel ?? null);
  const setup = useStore((s) => s.channels.find((c) => c.channel === s.connectForm?.channel) ?? null);
  return (
    <div className="connect" data-region="account-form" data-testid="connect-form">
      {channel === null ? <ChannelChooser /> : setup ? <Fields key={setup.channel} setup={setup} /> : <p className="muted">Loading what this channel needs…</p>}
    </div>
  );
}

function ChannelChooser() {
  const channels = useStore((s) => s.channels);
  const index = useStore((s) => s.channelIndex);
  const state = useStore((s) => s.channelsState);
  const list = useSelectedInView(index);
  return (
    <>
      <h2 className="editor-title">Connect an account</h2>
      <p className="field-help">Choose where your customers write to you. ↑/↓ move · Enter choose · Esc cancel.</p>
      <ul
        className="channel-list"
        role="listbox"
        aria-label="Channels"
        tabIndex={0}
        data-focus="account-form"
        data-testid="channel-list"
        aria-activedescendant={channels[index] ? `channel-${channels[index].channel}` : undefined}
        ref={list}
      >
        {state === 'loading' && <li className="dialog-empty">Loading channels…</li>}
        {channels.map((c, i) => (
          <li
            key={c.channel}
            id={`channel-${c.channel}`}
            role="option"
            aria-selected={i === index}
            className="channel-option"
            data-testid="channel-option"
            data-channel={c.channel}
            onClick={() => store.getState().connectChannelChosen(c.channel)}
          >
            <span className={`account-icon net-tint--${c.channel}`}>{c.channel !== 'demo' && <NetworkIcon network={c.channel as Network} size={18} />}</span>
            <span className="channel-text">
              <span className="channel-label">{c.label}</span>
              <span className="channel-needs">Needs: {c.fields.filter((f) => !f.optional).map((f) => f.label).join(' · ')}</span>
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

function Fields({ setup }: { setup: ChannelSetupInfo }) {
  const form = useStore((s) => s.connectForm);
  const account = useStore((s) => s.accounts.find((a) => a.id === s.connectForm?.accountId) ?? null);
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(setup.fields.map((f) => [f.key, ''])));
  const [sentOnce, setSentOnce] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const error = form?.error ?? null;
  const busy = form?.busy ?? false;

  // After a refusal, focus the first field that needs typing again (secrets were wiped).
  useEffect(() => {
    if (!error) return;
    const empty = formRef.current?.querySelector<HTMLInputElement>('input[required]:placeholder-shown, input[data-secret="true"]');
    empty?.focus();
  }, [error]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const sent = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v !== ''));
    // The secrets leave with this request and nowhere else: the fields forget them now.
    setValues((v) => Object.fromEntries(Object.entries(v).map(([k, x]) => [k, setup.fields.find((f) => f.key === k)?.secret ? '' : x])));
    setSentOnce(true);
    void store.getState().connectSubmitted(sent);
  };

  const reconnecting = form?.accountId !== null && form?.accountId !== undefined;
  return (
    <form ref={formRef} className="editor connect-form" onSubmit={submit} aria-label={reconnecting ? 'Reconnect account' : `Connect ${setup.label}`} autoComplete="off">
      <h2 className="editor-title">
        <span className={`account-icon net-tint--${setup.channel}`}>{setup.channel !== 'demo' && <NetworkIcon network={setup.channel as Network} size={18} />}</span>
        {reconnecting ? `Reconnect ${account?.name ?? setup.label}` : `Connect ${setup.label}`}
      </h2>
      <div className="connect-help">
        <p dir="auto">{setup.help}</p>
        <a href={setup.docsUrl} target="_blank" rel="noreferrer" className="docs-link">
          {setup.label} documentation ↗
        </a>
      </div>
      {reconnecting && <p className="field-help">Enter the credentials again: they replace the old ones in the keychain. The account’s conversations stay as they are.</p>}
      {setup.fields.map((f, i) => (
        <label key={f.key} className="field">
          <span className="field-label">
            {f.label}
            {f.optional && <span className="optional"> optional</span>}
            {f.secret && <span className="secret-tag">kept in the keychain</span>}
          </span>
          <input
            type={f.secret ? 'password' : 'text'}
            name={f.key}
            data-testid={`connect-field-${f.key}`}
            data-secret={f.secret || undefined}
            data-focus={i === 0 ? 'account-form' : undefined}
            autoFocus={i === 0}
            required={!f.optional}
            value={values[f.key] ?? ''}
            placeholder={f.secret && sentOnce ? 'Paste it again' : (f.placeholder ?? '')}
            spellCheck={false}
            autoComplete={f.secret ? 'new-password' : 'off'}
            onChange={(e) => setValues((v) => ({ ...v, [f.key]: e.target.value }))}
          />
        </label>
      ))}
      {error && (
        <p className="form-error" role="alert" data-testid="connect-error">
          {error}
        </p>
      )}
      <div className="editor-actions">
        <button type="button" className="button" onClick={() => (reconnecting ? store.getState().connectFormClosed() : store.getState().connectChannelCleared())}>
          {reconnecting ? 'Cancel' : 'Back'} <Keys chords={[['Esc']]} />
        </button>
        <button type="submit" className="button button--primary" disabled={busy} data-testid="connect-submit">
          {busy ? 'Checking with the platform…' : reconnecting ? 'Reconnect' : 'Connect'} <Keys chords={keyLabels('Mod+Enter', PLATFORM)} />
        </button>
      </div>
    </form>
  );
}
