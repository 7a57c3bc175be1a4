/**
 * The keyboard pickers of the care workflow: snooze (`s`), hand over (`a`), labels (`l`), a
 * private note (`n`), and the crisis confirmation of a bulk action. Each is a field over a
 * list: typing filters (or, for snooze, is read as a time, live), ↑/↓ move, Enter does what
 * the highlighted line says. The lists come from the same pure functions the commands use.
 */
import type { ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { keyLabels } from '../commands/keys';
import { PLATFORM } from '../lib/platform';
import { useNow } from '../lib/useNow';
import { formatWhen, parseWhen, untilWords } from '../lib/when';
import { store, useStore } from '../store';
import { assignOptions, labelOptions, snoozeOptions } from '../store/triageOptions';
import { targetSummary } from '../store/workflow';
import { Dialog } from './Dialog';
import { Keys } from './Keys';
import { LabelChip } from './WorkflowBits';
import '../styles/workflow.css';
import { useSelectedInView } from '../lib/useSelectedInView';

/** "Jade Okafor" for one thread, "3 threads" for a selection. */
function useTargetName(): string {
  return useStore((s) => {
    if (s.triageBulk) return `${s.triageTargets.length} ${s.triageTargets.length === 1 ? 'thread' : 'threads'}`;
    return targetSummary(s)?.customerName ?? 'this thread';
  });
}

const useScrollSelected = (index: number) => useSelectedInView(index);

function Foot({ children }: { children: ReactNode }) {
  return <p className="dialog-foot triage-foot">{children}</p>;
}

function QueryInput({ region, label, placeholder, listId, activeId }: { region: 'snooze' | 'assign' | 'label'; label: string; placeholder: string; listId: string; activeId: string | undefined }) {
  const query = useStore((s) => s.triageQuery);
  return (
    <input
      className="dialog-input"
      data-focus={region}
      data-testid={`${region}-input`}
      aria-label={label}
      aria-controls={listId}
      aria-activedescendant={activeId}
      placeholder={placeholder}
      autoFocus
      autoComplete="off"
      spellCheck={false}
      value={query}
      onChange={(e) => store.getState().triageTyped(e.target.value)}
    />
  );
}

export function SnoozePicker() {
  const { query, index } = useStore(useShallow((s) => ({ query: s.triageQuery, index: s.triageIndex })));
  const name = useTargetName();
  const list = useScrollSelected(index);
  // The shared clock (a tick every 30 s) for the preview; Enter reads the clock itself, so
  // "in 3 hours" is three hours from the moment it is chosen.
  const now = useNow();
  const options = snoozeOptions(query, now);
  const typed = query.trim();
  const parsed = typed ? parseWhen(typed, now) : null;
  return (
    <Dialog region="snooze" label={`Snooze ${name}`} testId="snooze-picker" className="triage">
      <p className="triage-title">
        Snooze <strong dir="auto">{name}</strong> until…
      </p>
      <QueryInput region="snooze" label="When should it come back?" placeholder="in 3 hours, tomorrow 9:00, monday, next week…" listId="snooze-list" activeId={options[index] ? `snooze-${options[index].id}` : undefined} />
      <p className={`triage-parse ${typed && parsed === null ? 'triage-parse--unknown' : ''}`} aria-live="polite" data-testid="snooze-parsed">
        {!typed ? (
          'Type when it should come back, or pick one:'
        ) : parsed === null ? (
          <>Not a time I can read yet: try “in 3 hours”, “tomorrow 9:00”, “monday”, “tonight”.</>
        ) : (
          <>
            Comes back <strong>{formatWhen(parsed, now)}</strong> · {untilWords(parsed, now)}
          </>
        )}
      </p>
      <ul className="dialog-list triage-list" id="snooze-list" role="listbox" aria-label="When" ref={list}>
        {options.map((o, i) => (
          <li
            key={o.id}
            id={`snooze-${o.id}`}
            role="option"
            aria-selected={i === index}
            className={`triage-item ${o.id === 'typed' ? 'triage-item--typed' : ''}`}
            data-testid="snooze-option"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => void store.getState().triageChosen(i)}
          >
            <span className="triage-name" dir="auto">
              {o.id === 'typed' ? `“${o.title}”` : o.title}
            </span>
            <span className="triage-when">
              {formatWhen(o.at, now)}
              <span className="triage-until">{untilWords(o.at, now)}</span>
            </span>
          </li>
        ))}
      </ul>
      <Foot>↑↓ choose · Enter snooze · Esc cancel · it comes back on its own, at the top</Foot>
    </Dialog>
  );
}

export function AssignPicker() {
  const { query, index, bulk, note, assignees } = useStore(
    useShallow((s) => ({ query: s.triageQuery, index: s.triageIndex, bulk: s.triageBulk, note: s.triageNote, assignees: s.workflowAssignees })),
  );
  const current = useStore((s) => targetSummary(s)?.assignee ?? null);
  const name = useTargetName();
  const list = useScrollSelected(index);
  const options = assignOptions(assignees, query, current, bulk);
  const chosen = options[index];
  const to = chosen?.kind === 'take-back' ? null : (chosen?.name ?? null);
  return (
    <Dialog region="assign" label={`Hand ${name} over`} testId="assign-picker" className="triage">
      <p className="triage-title">
        Hand <strong dir="auto">{name}</strong> to…
        {current && <span className="triage-current"> · now with {current}</span>}
      </p>
      <QueryInput region="assign" label="Colleague or queue" placeholder="A colleague or a queue; a new name creates it" listId="assign-list" activeId={chosen ? `assign-${index}` : undefined} />
      <ul className="dialog-list triage-list" id="assign-list" role="listbox" aria-label="Colleagues and queues" ref={list}>
        {options.length === 0 && <li className="dialog-empty">Type a name to hand it to someone new.</li>}
        {options.map((o, i) => (
          <li
            key={o.kind === 'take-back' ? '~take-back' : `${o.kind}:${o.name}`}
            id={`assign-${i}`}
            role="option"
            aria-selected={i === index}
            className={`triage-item triage-item--${o.kind}`}
            data-testid="assign-option"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => void store.getState().triageChosen(i)}
          >
            {o.kind === 'take-back' ? (
              <>
                <span className="triage-icon" aria-hidden="true">
                  ↩
                </span>
                <span className="triage-name">Take back{o.from ? ` from ${o.from}` : ''}</span>
                <span className="triage-kind">unassign</span>
              </>
            ) : o.kind === 'create' ? (
              <>
                <span className="triage-icon" aria-hidden="true">
                  +
                </span>
                <span className="triage-name" dir="auto">
                  Hand to “{o.name}”
                </span>
                <span className="triage-kind">new</span>
              </>
            ) : (
              <>
                <span className={`triage-icon triage-icon--${o.type}`} aria-hidden="true">
                  {o.type === 'queue' ? '≡' : o.name.trim().charAt(0).toUpperCase()}
                </span>
                <span className="triage-name" dir="auto">
                  {o.name}
                </span>
                <span className="triage-kind">{o.type === 'queue' ? 'queue' : 'colleague'}</span>
              </>
            )}
          </li>
        ))}
      </ul>
      {!bulk && (
        <div className="triage-note">
          <label className="triage-note-label" htmlFor="assign-note">
            Private note {to ? `for ${to}` : ''} <span className="muted">(optional, never sent to the customer)</span>
          </label>
          <textarea
            id="assign-note"
            className="triage-note-input"
            data-testid="assign-note"
            rows={2}
            placeholder="What they need to know: order number, what you tried…"
            value={note}
            onChange={(e) => store.getState().triageNoteTyped(e.target.value)}
          />
        </div>
      )}
      <Foot>
        ↑↓ choose · {bulk ? '' : 'Tab note · '}Enter hand over · Esc cancel
      </Foot>
    </Dialog>
  );
}

export function LabelPicker() {
  const { query, index, bulk, labels } = useStore(useShallow((s) => ({ query: s.triageQuery, index: s.triageIndex, bulk: s.triageBulk, labels: s.workflowLabels })));
  const onThread = useStore(useShallow((s) => targetSummary(s)?.labels.map((l) => l.id) ?? []));
  const name = useTargetName();
  const list = useScrollSelected(index);
  const options = labelOptions(labels, query, onThread);
  return (
    <Dialog region="label" label={`Labels for ${name}`} testId="label-picker" className="triage">
      <p className="triage-title">
        {bulk ? 'Add a label to ' : 'Labels for '}
        <strong dir="auto">{name}</strong>
      </p>
      <QueryInput region="label" label="Filter or create a label" placeholder="Filter, or type a new label’s name" listId="label-list" activeId={options[index] ? `label-opt-${index}` : undefined} />
      <ul className="dialog-list triage-list" id="label-list" role="listbox" aria-label="Labels" aria-multiselectable={!bulk} ref={list}>
        {options.length === 0 && <li className="dialog-empty">No labels yet: type a name and press Enter to create one.</li>}
        {options.map((o, i) => (
          <li
            key={o.kind === 'label' ? o.label.id : `new:${o.name}`}
            id={`label-opt-${i}`}
            role="option"
            aria-selected={i === index}
            aria-checked={o.kind === 'label' && !bulk ? o.on : undefined}
            className={`triage-item triage-item--label ${o.kind === 'label' && o.on ? 'triage-item--on' : ''}`}
            data-testid="label-option"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => void store.getState().triageChosen(i)}
          >
            {o.kind === 'label' ? (
              <>
                {!bulk && (
                  <span className={`triage-check ${o.on ? 'triage-check--on' : ''}`} aria-hidden="true">
                    {o.on ? '✓' : ''}
                  </span>
                )}
                <LabelChip label={o.label} />
                <span className="triage-kind">{bulk ? 'add' : o.on ? 'remove' : 'add'}</span>
              </>
            ) : (
              <>
                <span className="triage-icon" aria-hidden="true">
                  +
                </span>
                <span className="triage-name" dir="auto">
                  Create “{o.name}”
                </span>
                <span className="triage-kind">new label</span>
              </>
            )}
          </li>
        ))}
      </ul>
      <Foot>↑↓ choose · Enter {bulk ? 'add to all' : 'toggle (stays open)'} · Esc {bulk ? 'cancel' : 'done'}</Foot>
    </Dialog>
  );
}

export function NoteDialog() {
  const note = useStore((s) => s.triageNote);
  const busy = useStore((s) => s.triageBusy);
  const name = useTargetName();
  return (
    <Dialog region="note" label={`Private note on ${name}’s thread`} testId="note-dialog" className="triage note-dialog">
      <p className="triage-title note-dialog-title">
        <span className="note-kind">Private note · never sent</span>
        <span>
          on <strong dir="auto">{name}</strong>’s thread
        </span>
      </p>
      <textarea
        className="note-dialog-input"
        data-focus="note"
        data-testid="note-input"
        aria-label="Private note"
        placeholder="For you and your colleagues: what happened, what to watch for…"
        autoFocus
        rows={5}
        value={note}
        onChange={(e) => store.getState().triageNoteTyped(e.target.value)}
      />
      <Foot>
        <Keys chords={keyLabels('Mod+Enter', PLATFORM)} /> {busy ? 'saving…' : 'add note'} · Esc cancel
      </Foot>
    </Dialog>
  );
}

const ACTION_WORDS: Record<string, string> = { status: 'change the status of', snooze: 'snooze', label: 'label', assign: 'hand over' };

export function ConfirmBulk() {
  const pending = useStore((s) => s.bulkPending);
  const n = pending?.threadIds.length ?? 0;
  const what = pending ? (pending.action.kind === 'status' ? (pending.action.status === 'resolved' ? 'resolve' : `mark ${pending.action.status}`) : ACTION_WORDS[pending.action.kind]) : '';
  return (
    <Dialog region="confirm" label="Crisis mode: confirm the bulk action" testId="confirm-bulk" className="confirm">
      <h2 className="dialog-title">Crisis mode is on</h2>
      <p className="confirm-body">
        Bulk actions are paused during a crisis, so nothing changes in a hurry across many customers. {what ? `${what.charAt(0).toUpperCase()}${what.slice(1)}` : 'Apply this to'} {n} {n === 1 ? 'thread' : 'threads'} anyway?
      </p>
      <div className="confirm-actions">
        <button type="button" className="button" onClick={() => store.getState().overlayClosed()}>
          Cancel
        </button>
        <button type="button" className="button button--danger" data-focus="confirm" data-testid="confirm-bulk-apply" autoFocus onClick={() => void store.getState().bulkConfirmed()}>
          Apply to {n} {n === 1 ? 'thread' : 'threads'}
        </button>
      </div>
    </Dialog>
  );
}
