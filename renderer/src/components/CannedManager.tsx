/** `g c`: the canned responses — list on the left, preview or editor on the right. */
import { renderTemplate } from '../../../preload/shared/template';
import { sampleContext, templateContext } from '../composer/context';
import { store, useStore } from '../store';
import { CannedEditorForm } from './CannedEditor';
import { CannedTransfer } from './CannedTransfer';
import { Keys } from './Keys';
import { BackButton } from './BackButton';
import { TemplateText } from './TemplateText';
import { useSelectedInView } from '../lib/useSelectedInView';

export function CannedManager() {
  const canned = useStore((s) => s.canned);
  const selectedId = useStore((s) => s.managerSelectedId);
  const editing = useStore((s) => s.editor !== null);
  const list = useSelectedInView(selectedId);

  return (
    <main className="manager" aria-label="Canned responses">
      <section className="manager-list-pane">
        <header className="view-head">
          <div className="view-title">
            <BackButton />
            <h1>Canned responses</h1>
          </div>
          <p className="view-hints">
            <Keys chords={[['N']]} /> new · <Keys chords={[['Enter']]} /> edit · <Keys chords={[['Del']]} /> delete · <Keys chords={[['Esc']]} /> back
          </p>
          <CannedTransfer />
        </header>
        <ul
          className="manager-list"
          role="listbox"
          aria-label="Canned responses"
          tabIndex={0}
          data-region="canned-list"
          data-focus="canned-list"
          aria-activedescendant={selectedId === null ? undefined : `manage-${selectedId}`}
          ref={list}
        >
          {canned.length === 0 && <li className="dialog-empty">No canned responses yet. Press N to write the first.</li>}
          {canned.map((c) => (
            <li
              key={c.id}
              id={`manage-${c.id}`}
              role="option"
              aria-selected={c.id === selectedId}
              className="manager-item"
              onClick={() => store.getState().managerChosen(c.id)}
              onDoubleClick={() => store.getState().editorOpened(c.id)}
            >
              <span className="picker-title" dir="auto">
                {c.title}
              </span>
              {c.shortcut && <span className="shortcut">;{c.shortcut}</span>}
              <span className="manager-uses">
                {c.useCount === 0 ? 'not used yet' : c.useCount === 1 ? 'used once' : `used ${c.useCount}×`}
                {c.crisis && <span className="crisis-chip">crisis set</span>}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section className="manager-detail">{editing ? <CannedEditorForm /> : <CannedPreview />}</section>
    </main>
  );
}

function CannedPreview() {
  const c = useStore((s) => s.canned.find((x) => x.id === s.managerSelectedId));
  const detail = useStore((s) => (s.detail && s.detail.thread.id === s.shownId ? s.detail : null));
  const settings = useStore((s) => s.settings);
  if (!c) return <div className="empty"><p className="empty-title">Nothing selected</p></div>;
  const ctx = detail ? templateContext(detail.thread, settings, detail) : sampleContext(settings);
  const rendered = renderTemplate(c.body, ctx);
  return (
    <div className="canned-preview">
      <h2 className="canned-preview-title" dir="auto">
        {c.title} {c.shortcut && <span className="shortcut">;{c.shortcut}</span>}
      </h2>
      <p className="preview-label">Template</p>
      <pre className="template-source" dir="auto">
        {c.body}
      </pre>
      <p className="preview-label">As {ctx.customer.name} would get it</p>
      <div className="preview-text" dir="auto">
        <TemplateText text={rendered.text} />
      </div>
      <div className="canned-preview-actions">
        <button type="button" className="button" onClick={() => store.getState().editorOpened(c.id)}>
          Edit <Keys chords={[['Enter']]} />
        </button>
        <button type="button" className="button button--quiet-danger" onClick={() => store.getState().deleteRequested()}>
          Delete <Keys chords={[['Del']]} />
        </button>
      </div>
    </div>
  );
}
