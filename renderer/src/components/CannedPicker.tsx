/**
 * `;` or Mod+;: find a canned response (fuzzy over title, shortcut and body), see it
 * rendered for this customer, Enter inserts it at the composer's cursor.
 */
import { renderTemplate } from '../../../preload/shared/template';
import { templateContext } from '../composer/context';
import { store, useStore } from '../store';
import { pickerResults } from '../store/canned';
import { Dialog } from './Dialog';
import { TemplateText } from './TemplateText';
import { useSelectedInView } from '../lib/useSelectedInView';

export function CannedPicker() {
  const canned = useStore((s) => s.canned);
  const query = useStore((s) => s.pickerQuery);
  const index = useStore((s) => s.pickerIndex);
  const detail = useStore((s) => (s.detail && s.detail.thread.id === s.shownId ? s.detail : null));
  const shown = useStore((s) => (s.shownId === null ? null : (s.inbox.byId[s.shownId] ?? detail?.thread ?? null)));
  const settings = useStore((s) => s.settings);
  const state = useStore((s) => s.cannedState);
  const results = pickerResults({ canned, pickerQuery: query });
  const selected = results[index];
  const list = useSelectedInView(index);

  const ctx = shown ? templateContext(shown, settings, detail) : null;
  const preview = selected && ctx ? renderTemplate(selected.body, ctx) : null;
  return (
    <Dialog region="canned-picker" label="Insert a canned response" testId="canned-picker" className="picker">
      <input
        className="dialog-input"
        data-testid="canned-search"
        data-focus="canned-picker"
        aria-label="Search canned responses"
        aria-controls="canned-list"
        aria-activedescendant={selected ? `canned-${selected.id}` : undefined}
        placeholder="Search canned responses…"
        autoFocus
        value={query}
        onChange={(e) => store.getState().pickerTyped(e.target.value)}
      />
      <div className="picker-body">
        <ul className="dialog-list picker-list" id="canned-list" role="listbox" ref={list}>
          {results.length === 0 && <li className="dialog-empty">{state === 'loading' ? 'Loading…' : canned.length === 0 ? 'No canned responses yet: g c to write one.' : 'Nothing matches.'}</li>}
          {results.map((c, i) => (
            <li
              key={c.id}
              id={`canned-${c.id}`}
              role="option"
              aria-selected={i === index}
              className="picker-item"
              data-testid="canned-item"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => store.getState().pickerChosen(i)}
            >
              <span className="picker-title" dir="auto">
                {c.title}
              </span>
              <span className="picker-tags">
                {c.crisis && (
                  <span className="crisis-chip" data-testid="crisis-badge" title="Part of the crisis set">
                    crisis
                  </span>
                )}
                {c.shortcut && <span className="shortcut">;{c.shortcut}</span>}
              </span>
              <span className="picker-snippet" dir="auto">
                {c.body.split('\n', 1)[0]}
              </span>
            </li>
          ))}
        </ul>
        <div className="picker-preview" aria-live="polite">
          {preview ? (
            <>
              <p className="preview-label">Preview for {ctx?.customer.name}</p>
              <div className="preview-text" dir="auto">
                <TemplateText text={preview.text} />
              </div>
              {preview.problems.map((p) => (
                <p key={p.start} className="problem">
                  {p.message}
                </p>
              ))}
            </>
          ) : null}
        </div>
      </div>
      <p className="dialog-foot">↑↓ choose · Enter insert at cursor · Esc close</p>
    </Dialog>
  );
}
