/**
 * One message. Inbound on the left, ours on the right; the text is a text node with
 * pre-wrap, anywhere-wrapping and dir="auto", so RTL, emoji and a 10k-character paste render
 * as written. Our replies carry their send state and, when it needs a decision, the buttons.
 */
import { memo } from 'react';
import type { Message } from '../../../preload/contract';
import { absoluteTime, age } from '../lib/time';
import { useNow } from '../lib/useNow';
import { store } from '../store';
import { useSpotlight } from './useSpotlight';

export const MessageItem = memo(function MessageItem({ m }: { m: Message }) {
  const now = useNow();
  const { lit, ref: spotRef } = useSpotlight<HTMLElement>(m.id);
  return (
    <article ref={spotRef} className={`msg msg--${m.direction}${lit ? ' msg--spotlight' : ''}`} data-spotlight={lit || undefined} data-testid="message" data-direction={m.direction} data-send-state={m.sendState ?? 'none'} data-message-id={m.id}>
      <header className="msg-head">
        <span className="msg-author" dir="auto">
          {m.authorName}
        </span>
        {m.authorHandle && m.direction === 'in' && m.authorHandle !== m.authorName && (
          <span className="msg-handle" dir="auto">
            {m.authorHandle}
          </span>
        )}
        <time className="msg-time" dateTime={new Date(m.createdAt).toISOString()} title={absoluteTime(m.createdAt)}>
          {age(m.createdAt, now) === 'now' ? 'just now' : `${age(m.createdAt, now)} ago`}
        </time>
      </header>
      <div className="msg-text" dir="auto">
        {m.text}
      </div>
      {m.direction === 'out' && m.sendState && <SendState m={m} />}
    </article>
  );
});

function SendState({ m }: { m: Message }) {
  const s = store.getState();
  switch (m.sendState) {
    case 'queued':
      return <p className="send send--queued">Queued</p>;
    case 'sending':
      return <p className="send send--sending">Sending…</p>;
    case 'sent':
      return <p className="send send--sent">Sent ✓</p>;
    case 'failed':
      return (
        <div className="send send--failed" role="alert">
          <span>Failed: {m.sendError ?? 'the channel refused it.'}</span>
          <button type="button" className="button button--small" onClick={() => void s.replyRetried(m.id)}>
            Retry
          </button>
        </div>
      );
    case 'unknown':
      return (
        <div className="send send--unknown" role="alert">
          <span>May have been sent{m.sendError ? ` (${m.sendError})` : ''}. Check the channel, then:</span>
          <button type="button" className="button button--small" onClick={() => void s.replyRetried(m.id)}>
            Send again
          </button>
          <button type="button" className="button button--small" onClick={() => void s.sentConfirmed(m.id)}>
            Mark as sent
          </button>
        </div>
      );
    default:
      return null;
  }
}
