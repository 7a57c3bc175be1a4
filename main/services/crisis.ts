/**
 * The crisis watch: a spike of negative customer messages well above the recent baseline (or an
 * agent's say-so) switches crisis mode on. While it is on, the inbox leads with the spike, the
 * crisis set of canned responses comes first, and bulk actions wait for confirmation.
 */
import type { Db } from '../../db/open';
import { getSetting, setSetting } from '../../db/settings';
import { negativeCount, spikeThreadIds } from '../../db/workflow';
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

export function crisisStatus(db: Db, now: number): CrisisStatus {
  const s = crisisSettings(db);
  const window = s.windowMinutes * 60_000;
  const recent = negativeCount(db, now - window, now);
  // The usual number per window over the week before this one.
  const baseline = negativeCount(db, now - window - BASELINE_MS, now - window) / (BASELINE_MS / window);
  const detected = recent >= s.minCount && recent >= s.factor * Math.max(baseline, 1);
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
