/**
 * The thread as it happened: messages, private notes and the quiet one-line entries of its
 * event log ("resolved", "snoozed until …", "handed to …"), in time order. Notes look nothing
 * like replies: dashed amber cards that say they are never sent.
 */
import { memo } from 'react';
import type { Note, ThreadDetail, ThreadEventView } from '../../../preload/contract';
import { absoluteTime, ago } from '../lib/time';
import { useNow } from '../lib/useNow';
import { MessageItem } from './MessageItem';
import '../styles/workflow.css';

export type TimelineItem =
  | { kind: 'message'; at: number; key: string; message: ThreadDetail['messages'][number] }
  | { kind: 'note'; at: number; key: string; note: Note }
  | { kind: 'event'; at: number; key: string; event: ThreadEventView };

/** Log entries that repeat what the timeline already shows (a reply, a note) are left out. */
const SHOWN_ELSEWHERE = new Set(['replied', 'note']);

/** Everything in time order; at the same moment a message comes before what was done about it. */
export function timelineOf(d: Pick<ThreadDetail, 'messages' | 'notes' | 'events'>): TimelineItem[] {
  const rank = { message: 0, note: 1, event: 2 } as const;
  const items: TimelineItem[] = [
    ...d.messages.map((m): TimelineItem => ({ kind: 'message', at: m.createdAt, key: `m${m.id}`, message: m })),
    ...d.notes.map((n): TimelineItem => ({ kind: 'note', at: n.createdAt, key: `n${n.id}`, note: n })),
    ...d.events.filter((e) => !SHOWN_ELSEWHERE.has(e.kind)).map((e): TimelineItem => ({ kind: 'event', at: e.at, key: `e${e.id}`, event: e })),
  ];
  // Array.prototype.sort is stable: equal times keep message, note, event order, each by id.
  return items.sort((a, b) => a.at - b.at || rank[a.kind] - rank[b.kind]);
}

export function TimelineItems({ detail }: { detail: ThreadDetail }) {
  return (
    <>
      {timelineOf(detail).map((item) =>
        item.kind === 'message' ? <MessageItem key={item.key} m={item.message} /> : item.kind === 'note' ? <NoteItem key={item.key} note={item.note} /> : <EventItem key={item.key} event={item.event} />,
      )}
    </>
  );
}

const NoteItem = memo(function NoteItem({ note }: { note: Note }) {
  const now = useNow();
  return (
    <article className="note" data-testid="note" aria-label={`Private note by ${note.author}`}>
      <header className="note-head">
        <svg className="note-glyph" width="13" height="13" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
          <rect x="3" y="6.2" width="8" height="6" rx="1.4" fill="none" stroke="currentColor" strokeWidth="1.4" />
          <path d="M4.8 6.2V4.6a2.2 2.2 0 0 1 4.4 0v1.6" fill="none" stroke="currentColor" strokeWidth="1.4" />
        </svg>
        <span className="note-kind">Private note · never sent</span>
        <span className="note-author" dir="auto">
          {note.author || 'You'}
        </span>
        <time className="note-time" dateTime={new Date(note.createdAt).toISOString()} title={absoluteTime(note.createdAt)}>
          {ago(note.createdAt, now)}
        </time>
      </header>
      <div className="note-text" dir="auto">
        {note.text}
      </div>
    </article>
  );
});

const EVENT_GLYPH: Record<string, string> = {
  status: '•',
  status_undo: '↶',
  reopened: '↺',
  woke: '⏰',
  assigned: '→',
  labelled: '#',
  unlabelled: '#',
};

const EventItem = memo(function EventItem({ event }: { event: ThreadEventView }) {
  const now = useNow();
  return (
    <p className={`event event--${event.kind}`} data-testid="event">
      <span className="event-glyph" aria-hidden="true">
        {EVENT_GLYPH[event.kind] ?? '•'}
      </span>
      <span className="event-text" dir="auto">
        {event.actor ? <span className="event-actor">{event.actor}</span> : null}
        {event.actor ? ' ' : ''}
        {event.summary}
      </span>
      <time className="event-time" dateTime={new Date(event.at).toISOString()} title={absoluteTime(event.at)}>
        {ago(event.at, now)}
      </time>
    </p>
  );
});
