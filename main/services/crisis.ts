/**
 * The crisis watch: a spike of negative customer messages well above the recent baseline (or an
 * agent's say-so) switches crisis mode on. While it is on, the inbox leads with the spike, the
 * crisis set of canned responses comes first, and bulk actions wait for confirmation.
 */
import type { Db } from '../../db/open';
import { getSetting, setSetting } from '../../db/settings';
import { inboundCount, negativeCount, spikeThreadIds } from '../../db/workflow';
import type { CrisisStatus } from '../../preload/contract';

export interface CrisisSettings {
  manual: boolean;
  windowMinutes: number;
  /** How many times the usual number of negative messages makes a spike. */
  factor: number;
  /** Never a crisis below this many negative messages in a window (a quiet shop's two complaints). */
  minCount: number;
  /** When the current crisis began (detected or switched on). */
  since: number | null;
}

export const CRISIS_KEY = 'crisis';
export const CRISIS_DEFAULTS: CrisisSettings = { manual: false, windowMinutes: 30, factor: 3, minCount: 6, since: null };
const BASELINE_MS = 7 * 86_400_000;

export function crisisSettings(db: Db): CrisisSettings {
  return { ...CRISIS_DEFAULTS, ...getSetting<Partial<CrisisSettings>>(db, CRISIS_KEY, {}) };
}

/**
 * A spike is unusual twice over: more negative messages than `factor` times the week's usual
 * number per window, and a larger share of all messages than usual. The second test keeps a busy
 * but ordinary hour (a launch, a newsletter, a demo that runs faster than its history) from
 * looking like a crisis.
 */
export function crisisStatus(db: Db, now: number): CrisisStatus {
  const s = crisisSettings(db);
  const window = s.windowMinutes * 60_000;
  const recent = negativeCount(db, now - window, now);
  const recentShare = recent / Math.max(1, inboundCount(db, now - window, now));
  const baseNegative = negativeCount(db, now - window - BASELINE_MS, now - window);
  const baseTotal = inboundCount(db, now - window - BASELINE_MS, now - window);
  const baseline = baseNegative / (BASELINE_MS / window);
  // With no history to compare with, assume one message in five is negative.
  const baseShare = baseTotal > 0 ? baseNegative / baseTotal : 0.2;
  const detected =
    recent >= s.minCount && recent >= s.factor * Math.max(baseline, 1) && recentShare >= Math.min(0.9, Math.max(0.4, 1.5 * baseShare));
  const active = s.manual || detected;
  const since = active ? (s.since ?? now) : null;
  if (since !== s.since) setSetting(db, CRISIS_KEY, { ...s, since });
  return {
    active,
    manual: s.manual,
    since,
    recentNegative: recent,
    baseline: Math.round(baseline * 10) / 10,
    windowMinutes: s.windowMinutes,
    reason: s.manual
      ? 'Crisis mode was switched on by an agent.'
      : detected
        ? `${recent} negative messages in the last ${s.windowMinutes} minutes; usually about ${Math.max(1, Math.round(baseline))}.`
        : '',
    spikeThreadIds: active ? spikeThreadIds(db, Math.min(now - window, since ?? now), 50) : [],
  };
}

export function setManualCrisis(db: Db, on: boolean): void {
  const s = crisisSettings(db);
  setSetting(db, CRISIS_KEY, { ...s, manual: on, since: on ? (s.since ?? null) : null });
}

export function isCrisisActive(ctx: { db: Db; clock: { now(): number } }): boolean {
  return crisisStatus(ctx.db, ctx.clock.now()).active;
}
