/**
 * The reports view: one period (a quick range, or typed days) and the report for it
 * (`reports.get`), plus the period's export. `[` / `]` step to the previous / next period of
 * the same length; the newest period ends today.
 */
import type { Report } from '../../../preload/contract';
import { call, errorText } from '../care';
import { addDays, daysBetween, parseDayRange, quickRange, type QuickRange } from '../lib/dates';
import { saveFile } from '../lib/download';
import { focusRegion } from '../lib/focus';
import type { Slice } from './types';

export type PeriodPreset = QuickRange | 'custom';

export interface ReportPeriod {
  preset: PeriodPreset;
  /** Local midnight, inclusive. */
  from: number;
  /** Local midnight, exclusive. */
  to: number;
}

export interface ReportsSlice {
  reportPeriod: ReportPeriod;
  report: Report | null;
  reportState: 'idle' | 'loading' | 'ready' | 'error';
  reportError: string | null;
  /** The typed-days fields are showing. */
  reportCustomOpen: boolean;
  reportsOpened(): void;
  reportCustomOpened(): void;
  reportCustomClosed(): void;
  reportPeriodChosen(preset: QuickRange): void;
  /** -1: the period before; 1: the one after (never past today). */
  reportPeriodShifted(direction: -1 | 1): void;
  /** Typed days, both included. Resolves to an error sentence, or null when applied. */
  reportCustomApplied(fromText: string, toText: string): string | null;
  reportExportRequested(format: 'csv' | 'json'): Promise<void>;
}

export const REPORT_PRESETS: QuickRange[] = ['today', '7d', '30d', '90d'];

/** The period a preset means today. */
export function presetPeriod(preset: QuickRange, now: number): ReportPeriod {
  return { preset, ...quickRange(preset, now) };
}

/** The period of the same length just before (-1) or after (1); null past today. */
export function shiftPeriod(p: ReportPeriod, direction: -1 | 1, now: number): ReportPeriod | null {
  const days = Math.max(1, daysBetween(p.from, p.to));
  const from = addDays(p.from, direction * days);
  const to = addDays(p.to, direction * days);
  if (to > addDays(now, 1)) return null;
  return { preset: p.preset, from, to };
}

export const createReportsSlice: Slice<ReportsSlice> = (set, get) => {
  let seq = 0;
  const load = async () => {
    const mine = ++seq;
    const { from, to } = get().reportPeriod;
    set({ reportState: 'loading', reportError: null });
    try {
      const report = await call('reports.get', { from, to });
      if (mine === seq) set({ report, reportState: 'ready' });
    } catch (err) {
      if (mine === seq) set({ reportState: 'error', reportError: errorText(err) });
    }
  };
  const choose = (reportPeriod: ReportPeriod) => {
    set({ reportPeriod });
    void load();
  };

  return {
    reportPeriod: presetPeriod('7d', Date.now()),
    report: null,
    reportState: 'idle',
    reportError: null,
    reportCustomOpen: false,

    reportsOpened() {
      get().viewChosen('reports');
      void load();
    },

    reportCustomOpened() {
      // The From field takes focus as it mounts.
      set({ reportCustomOpen: true });
    },

    reportCustomClosed() {
      set({ reportCustomOpen: false });
      focusRegion('reports');
    },

    reportPeriodChosen(preset) {
      set({ reportCustomOpen: false });
      choose(presetPeriod(preset, Date.now()));
    },

    reportPeriodShifted(direction) {
      const next = shiftPeriod(get().reportPeriod, direction, Date.now());
      if (!next) {
        get().toastShown('This period already ends today.');
        return;
      }
      choose(next);
    },

    reportCustomApplied(fromText, toText) {
      const r = parseDayRange(fromText, toText);
      if ('error' in r) return r.error;
      set({ reportCustomOpen: false });
      choose({ preset: 'custom', ...r });
      focusRegion('reports');
      return null;
    },

    async reportExportRequested(format) {
      const { from, to } = get().reportPeriod;
      try {
        const file = await call('export.period', { from, to, format });
        saveFile(file);
        get().toastShown(`Exported ${file.filename}.`);
      } catch (err) {
        get().toastShown(`Could not export the period: ${errorText(err)}`, 'error');
      }
    },
  };
};
