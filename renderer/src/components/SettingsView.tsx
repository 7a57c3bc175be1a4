/** `g s`: the agent's name and signature, used by {{agent.name}} and {{agent.signature}}. */
import { useEffect, useState, type FormEvent } from 'react';
import type { AppInfo } from '../../../preload/contract';
import { call } from '../care';
import { keyLabels } from '../commands/keys';
import { PLATFORM } from '../lib/platform';
import { store, useStore } from '../store';
import { Keys } from './Keys';
import { BackButton } from './BackButton';

export function SettingsView() {
  const settings = useStore((s) => s.settings);
  const [name, setName] = useState(settings?.agentName ?? '');
  const [signature, setSignature] = useState(settings?.agentSignature ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [info, setInfo] = useState<AppInfo | null>(null);

  useEffect(() => {
    call('app.info', {}).then(setInfo, () => setInfo(null));
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setError(await store.getState().settingsSaveRequested({ agentName: name, agentSignature: signature }));
    setSaving(false);
  };

  return (
    <main className="settings" data-region="settings" aria-label="Settings">
      <form className="settings-form" onSubmit={(e) => void submit(e)}>
        <header className="view-head">
          <div className="view-title">
            <BackButton />
            <h1>Settings</h1>
          </div>
          <p className="view-hints">
            <Keys chords={keyLabels('Mod+Enter', PLATFORM)} /> save · <Keys chords={[['Esc']]} /> back
          </p>
        </header>
        <label className="field">
          <span className="field-label">Your name</span>
          <input data-focus="settings" autoFocus value={name} onChange={(e) => setName(e.target.value)} placeholder="Sam" maxLength={100} />
          <span className="field-help">Shown to customers as the author of your replies, and used by {'{{agent.name}}'}.</span>
        </label>
        <label className="field">
          <span className="field-label">Signature</span>
          <textarea value={signature} onChange={(e) => setSignature(e.target.value)} rows={3} placeholder="— Sam, Support team" maxLength={1000} dir="auto" />
          <span className="field-help">Inserted by {'{{agent.signature}}'} in canned responses.</span>
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="editor-actions">
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save'}
          </button>
        </div>
        {info && (
          <dl className="facts app-facts">
            <dt>Version</dt>
            <dd>{info.version}</dd>
            <dt>Running in</dt>
            <dd>{info.host === 'electron' ? 'Desktop app' : 'Browser (headless host)'}</dd>
            <dt>Database</dt>
            <dd className="mono">{info.dbPath}</dd>
          </dl>
        )}
      </form>
    </main>
  );
}
