/** Writing a canned response: fields, the placeholders it may use, a live preview, and the
 * server's own validation message when `canned.save` refuses. */
import type { FormEvent } from 'react';
import { renderTemplate } from '../../../preload/shared/template';
import { keyLabels } from '../commands/keys';
import { sampleContext, templateContext } from '../composer/context';
import { PLATFORM } from '../lib/platform';
import { store, useStore } from '../store';
import { Keys } from './Keys';
import { TemplateText } from './TemplateText';

const PLACEHOLDERS = ['{{customer.first_name | "there"}}', '{{customer.name}}', '{{customer.handle}}', '{{agent.name}}', '{{agent.signature}}', '{{channel}}', '{{blank:order number}}'];

export function CannedEditorForm() {
  const e = useStore((s) => s.editor);
  const detail = useStore((s) => (s.detail && s.detail.thread.id === s.shownId ? s.detail : null));
  const settings = useStore((s) => s.settings);
  if (!e) return null;
  const ctx = detail ? templateContext(detail.thread, settings, detail) : sampleContext(settings);
  const rendered = renderTemplate(e.body, ctx);
  const edit = store.getState().editorEdited;
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    void store.getState().editorSaveRequested();
  };
  return (
    <form className="editor" data-region="canned-form" onSubmit={submit} aria-label={e.id === null ? 'New canned response' : 'Edit canned response'}>
      <h2 className="editor-title">{e.id === null ? 'New canned response' : 'Edit canned response'}</h2>
      <div className="field-row">
        <label className="field field--grow">
          <span className="field-label">Title</span>
          <input data-focus="canned-form" autoFocus value={e.title} onChange={(ev) => edit({ title: ev.target.value })} placeholder="Refund — order delayed" />
        </label>
        <label className="field">
          <span className="field-label">Shortcut</span>
          <span className="shortcut-input">
            <span aria-hidden="true">;</span>
            <input value={e.shortcut} onChange={(ev) => edit({ shortcut: ev.target.value })} placeholder="refund" spellCheck={false} aria-describedby="shortcut-help" />
          </span>
        </label>
      </div>
      <p id="shortcut-help" className="field-help">
        Type <code>;{e.shortcut || 'shortcut'}</code> then Tab in a reply. Lower-case letters, digits, - and _.
      </p>
      <label className="field">
        <span className="field-label">Body</span>
        <textarea className="editor-body" value={e.body} onChange={(ev) => edit({ body: ev.target.value })} dir="auto" rows={8} />
      </label>
      <p className="field-help placeholders">
        Placeholders:{' '}
        {PLACEHOLDERS.map((p) => (
          <code key={p}>{p}</code>
        ))}
      </p>
      <label className="checkbox">
        <input type="checkbox" checked={e.crisis} onChange={(ev) => edit({ crisis: ev.target.checked })} />
        <span>Part of the crisis set (listed first while crisis mode is on)</span>
      </label>
      {e.error && (
        <p className="form-error" role="alert">
          {e.error}
        </p>
      )}
      <p className="preview-label">Preview for {ctx.customer.name}</p>
      <div className="preview-text" dir="auto">
        {e.body ? <TemplateText text={rendered.text} /> : <span className="muted">The rendered reply shows here.</span>}
      </div>
      {rendered.problems.map((p) => (
        <p key={p.start} className="problem">
          {p.message}
        </p>
      ))}
      <div className="editor-actions">
        <button type="button" className="button" onClick={() => store.getState().editorClosed()}>
          Cancel <Keys chords={[['Esc']]} />
        </button>
        <button type="submit" className="button button--primary" disabled={e.saving}>
          {e.saving ? 'Saving…' : 'Save'} <Keys chords={keyLabels('Mod+Enter', PLATFORM)} />
        </button>
      </div>
    </form>
  );
}
