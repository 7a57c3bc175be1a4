/**
 * Response-time targets per network and the clock of one thread against them. The clock runs
 * from the oldest unanswered customer message and stands still while the thread is pending or
 * snoozed.
 */
import type { Network, SlaClock, SlaTargets } from '../../preload/contract';

export const DEFAULT_SLA: Record<Network, { firstMinutes: number; nextMinutes: number }> = {
  x: { firstMinutes: 60, nextMinutes: 60 },
  facebook: { firstMinutes: 60, nextMinutes: 120 },
  instagram: { firstMinutes: 60, nextMinutes: 120 },
  telegram: { firstMinutes: 120, nextMinutes: 120 },
  mastodon: { firstMinutes: 240, nextMinutes: 240 },
  bluesky: { firstMinutes: 120, nextMinutes: 120 },
};

/** Warn when less than this share of the target is left (or 10 minutes, whichever is more). */
const WARN_SHARE = 0.25;

export interface SlaInput {
  network: string;
  status: string;
  awaitingSince: number | null;
  firstResponseAt: number | null;
  slaPausedMs: number;
  slaPausedAt: number | null;
}

export function targetsWithDefaults(saved: SlaTargets): Record<string, { firstMinutes: number; nextMinutes: number }> {
  return { ...DEFAULT_SLA, ...saved };
}

export function slaClock(t: SlaInput, targets: Record<string, { firstMinutes: number; nextMinutes: number }>, now: number): SlaClock | null {
  if (t.awaitingSince === null || t.status === 'resolved') return null;
  const target = targets[t.network] ?? DEFAULT_SLA.x;
  const kind = t.firstResponseAt === null ? 'first' : 'next';
  const minutes = kind === 'first' ? target.firstMinutes : target.nextMinutes;
  const pausedNow = t.slaPausedAt !== null ? now - t.slaPausedAt : 0;
  const dueAt = t.awaitingSince + minutes * 60_000 + t.slaPausedMs + Math.max(0, pausedNow);
  let state: SlaClock['state'];
  if (t.slaPausedAt !== null) state = 'paused';
  else if (now >= dueAt) state = 'breached';
  else if (dueAt - now <= Math.max(10 * 60_000, minutes * 60_000 * WARN_SHARE)) state = 'warning';
  else state = 'ok';
  return { kind, dueAt, state };
}
