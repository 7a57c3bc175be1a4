/**
 * The two clocks a thread runs against, in words: its SLA target (`thread.sla`) and, on Meta
 * DMs, the channel's messaging window (`ThreadDetail.replyWindow`). Pure, `now` passed in.
 */
import type { ReplyWindow, SlaClock } from '../../../preload/contract';
import { spanWords } from './when';

export type Tone = 'ok' | 'warning' | 'breached' | 'paused';

export interface ClockText {
  /** Short, for a row: "2 h left", "late 3 d", "paused". */
  short: string;
  /** A phrase: "first reply due in 2 h 10 min", "first reply breached 12 min ago". */
  long: string;
  tone: Tone;
}

const TARGET: Record<SlaClock['kind'], string> = { first: 'First reply', next: 'Next reply' };

/** Rounds a span for a row: the biggest unit only ("3d", "5h", "12m"). */
export function shortSpan(ms: number): string {
  const min = Math.max(1, Math.round(Math.abs(ms) / 60_000));
  if (min < 60) return `${min}m`;
  const h = Math.floor(min / 60);
  if (h < 24) return `${h}h`;
  return `${Math.round(h / 24)}d`;
}

export function slaText(sla: SlaClock, now: number): ClockText {
  const target = TARGET[sla.kind];
  if (sla.state === 'paused') return { short: 'paused', long: `${target} clock paused`, tone: 'paused' };
  const left = sla.dueAt - now;
  // The server's state can be a tick behind the clock on screen: past the due time is breached.
  if (sla.state === 'breached' || left <= 0) {
    return { short: `late ${shortSpan(left)}`, long: `${target} breached ${spanWords(-left)} ago`, tone: 'breached' };
  }
  return { short: `${shortSpan(left)} left`, long: `${target} due in ${spanWords(left)}`, tone: sla.state === 'warning' ? 'warning' : 'ok' };
}

export type WindowPhase = 'standard' | 'human-agent' | 'closed';

export interface WindowText {
  phase: WindowPhase;
  text: string;
  /** Warn in the last hours of a phase. */
  tone: 'ok' | 'warning' | 'closed';
}

const WARN_MS = 3 * 3_600_000;

/**
 * Meta's windows: 24 h after the customer's last message for any reply, then (HUMAN_AGENT)
 * up to 7 days for a reply a person writes, then nothing.
 */
export function windowText(w: ReplyWindow, now: number): WindowText {
  if (now < w.standardUntil) {
    const left = w.standardUntil - now;
    return { phase: 'standard', text: `24 h window: ${spanWords(left)} left`, tone: left < WARN_MS && w.humanAgentUntil === null ? 'warning' : 'ok' };
  }
  if (w.humanAgentUntil !== null && now < w.humanAgentUntil) {
    const left = w.humanAgentUntil - now;
    return { phase: 'human-agent', text: `Human agent reply: ${spanWords(left)} left`, tone: left < WARN_MS ? 'warning' : 'ok' };
  }
  return { phase: 'closed', text: 'Window closed — the channel no longer accepts replies', tone: 'closed' };
}
