/**
 * What the composer must say before the agent sends: the channel's messaging window (Meta DMs:
 * 24 h, then a human-agent reply up to 7 days, then closed) counting down live, and the
 * collision guard when someone already answered on the channel after the customer.
 */
import type { ThreadDetail } from '../../../preload/contract';
import { keyLabels } from '../commands/keys';
import { windowText } from '../lib/clocks';
import { PLATFORM } from '../lib/platform';
import { useNow } from '../lib/useNow';
import { formatWhen } from '../lib/when';
import { useStore } from '../store';
import { Keys } from './Keys';
import '../styles/workflow.css';

/** The send button goes grey when the channel no longer takes replies. */
export function useWindowClosed(detail: ThreadDetail | null): boolean {
  const now = useNow();
  return !!detail?.replyWindow && windowText(detail.replyWindow, now).phase === 'closed';
}

export function ComposerNotices({ detail }: { detail: ThreadDetail | null }) {
  const now = useNow();
  const armed = useStore((s) => (detail && s.sendConfirmArmed?.threadId === detail.thread.id ? s.sendConfirmArmed.at : null));
  if (!detail) return null;
  const w = detail.replyWindow ? windowText(detail.replyWindow, now) : null;
  if (!w && !detail.answeredElsewhere) return null;
  const send = keyLabels('Mod+Enter', PLATFORM);
  const stillArmed = armed !== null;
  return (
    <div className="composer-notices" data-testid="composer-notices">
      {detail.answeredElsewhere && (
        <p className={`notice notice--collision ${stillArmed ? 'notice--armed' : ''}`} role="alert" data-testid="collision-warning">
          <span className="notice-glyph" aria-hidden="true">
            !
          </span>
          <span>
            {stillArmed ? (
              <>
                Someone already answered after the customer’s last message. Press <Keys chords={send} /> again to send anyway.
              </>
            ) : (
              <>Someone already answered on the channel after the customer’s last message (another device or a colleague). Read it before you send.</>
            )}
          </span>
        </p>
      )}
      {w && (
        <p className={`notice notice--window notice--${w.tone}`} data-testid="reply-window" data-phase={w.phase}>
          <svg className="clock-glyph" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
            <circle cx="6" cy="6" r="4.6" fill="none" stroke="currentColor" strokeWidth="1.3" />
            <path d="M6 3.4V6l1.8 1.2" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" />
          </svg>
          <span>{w.text}</span>
          {w.phase === 'standard' && detail.replyWindow && detail.replyWindow.humanAgentUntil !== null && <span className="notice-aside">then only a reply written by a person, until {formatWhen(detail.replyWindow.humanAgentUntil, now)}</span>}
          {w.phase === 'human-agent' && <span className="notice-aside">past the 24 h window: only a reply written by a person may go</span>}
        </p>
      )}
    </div>
  );
}
