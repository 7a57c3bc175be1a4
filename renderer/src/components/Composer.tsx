/**
 * The reply box under the thread. Its text lives in the store per thread (drafts survive
 * switching threads); Tab, Mod+; and Mod+Enter are registry commands, this component only
 * shows the state: the live length against the channel's own rule and what blocks sending.
 */
import { useLayoutEffect, useRef } from 'react';
import type { ThreadDetail, ThreadSummary } from '../../../preload/contract';
import { lengthStatus, NETWORK_RULES } from '../../../preload/shared/length';
import { PLATFORM } from '../lib/platform';
import { keyLabels } from '../commands/keys';
import { store, useStore } from '../store';
import { emptyDraft, sendBlockers } from '../store/composer';
import { lengthRuleOf } from '../composer/context';
import { Keys } from './Keys';
import { ComposerNotices, useWindowClosed } from './ComposerNotices';

/** Rendered as soon as a thread is shown (before its detail arrives), so `r` + typing never misses. */
export function Composer({ t, detail }: { t: ThreadSummary; detail: ThreadDetail | null }) {
  const threadId = t.id;
  const draft = useStore((s) => s.drafts[threadId]);
  const sending = useStore((s) => s.sending[threadId] === true);
  const request = useStore((s) => s.selectionRequest);
  const ref = useRef<HTMLTextAreaElement>(null);
  const d = draft ?? emptyDraft();
  const windowClosed = useWindowClosed(detail);

  useLayoutEffect(() => {
    const ta = ref.current;
    if (!request || request.threadId !== threadId || !ta) return;
    ta.focus();
    ta.setSelectionRange(request.start, request.end);
  }, [request, threadId]);

  const rule = lengthRuleOf(t, detail);
  const len = lengthStatus(d.text, rule);
  const near = !len.over && len.remaining < Math.max(10, len.max * 0.1);
  const blockers = sendBlockers(d, rule);
  // An empty box is not a problem until the agent tries to send it.
  const shown = d.text === '' && !d.attempted ? [] : blockers;
  const name = detail?.customer.displayName ?? t.customerName;
  const network = NETWORK_RULES[t.network].label;

  return (
    <div className="composer" data-region="composer">
      <ComposerNotices detail={detail} />
      <textarea
        ref={ref}
        className="composer-input"
        data-testid="composer"
        data-focus="composer"
        aria-label={`Reply to ${name}`}
        aria-describedby="composer-problems composer-count"
        placeholder={`Reply to ${name} on ${network}…`}
        dir="auto"
        spellCheck
        value={d.text}
        onChange={(e) => store.getState().draftEdited(threadId, { text: e.target.value, selectionStart: e.target.selectionStart, selectionEnd: e.target.selectionEnd })}
        onSelect={(e) => store.getState().cursorMoved(threadId, e.currentTarget.selectionStart, e.currentTarget.selectionEnd)}
      />
      <div className="composer-foot">
        <div id="composer-problems" className="composer-problems" data-testid="composer-problems" aria-live="polite">
          {d.sendError && <p className="problem problem--error">Not sent: {d.sendError}</p>}
          {shown.map((p) => (
            <p key={p} className="problem">
              {p}
            </p>
          ))}
          {shown.length === 0 && !d.sendError && (
            <p className="composer-hint">
              <Keys chords={[[';']]} /> canned · <Keys chords={[['Tab']]} /> next blank · <Keys chords={keyLabels('Mod+Enter', PLATFORM)} /> send
            </p>
          )}
        </div>
        <span
          id="composer-count"
          className={`length ${len.over ? 'length--over' : near ? 'length--near' : ''}`}
          data-testid="length-count"
          title={`Counted the way ${network} counts (${rule.count})`}
        >
          {len.length.toLocaleString()} / {len.max.toLocaleString()}
        </span>
        <button
          type="button"
          className="button button--primary"
          aria-disabled={blockers.length > 0 || sending || windowClosed}
          onClick={() => void store.getState().replySendRequested()}
        >
          {sending ? 'Sending…' : 'Send'}
        </button>
      </div>
    </div>
  );
}
