/**
 * `g o`: what happened over a period, as charts an agent would rather look at than read, with
 * the numbers beside them. The period picker is a radio group (Tab to it, ←/→ to choose; 1–4
 * and c from anywhere in the view); [ and ] step to the previous / next period.
 */
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { keyLabels } from '../commands/keys';
import { dayKey, dayRangeLabel, QUICK_RANGE_LABEL } from '../lib/dates';
import { PLATFORM } from '../lib/platform';
import { useNow } from '../lib/useNow';
import { store, useStore } from '../store';
import { REPORT_PRESETS, shiftPeriod, type PeriodPreset } from '../store/reports';
import { BackButton } from './BackButton';
import { Keys } from './Keys';
import { BarTable, labelRows, networkRows, networkTotals, SlaCard, Sparkline, TimingCard, VolumeChart, VolumeNumbers } from './ReportCharts';
import './reports.css';

const CHOICES: { preset: PeriodPreset; label: string; key: string }[] = [
  ...REPORT_PRESETS.map((p, i) => ({ preset: p, label: p === 'today' ? 'Today' : QUICK_RANGE_LABEL[p].replace('Last ', ''), key: String(i + 1) })),
  { preset: 'custom', label: 'Custom', key: 'C' },
];

export function ReportsView() {
  const report = useStore((s) => s.report);
  const state = useStore((s) => s.reportState);
  const error = useStore((s) => s.reportError);
  const period = useStore((s) => s.reportPeriod);
  const customOpen = useStore((s) => s.reportCustomOpen);
  const now = useNow();
  const total = report ? networkTotals(report).reduce((a, t) => a + t.count, 0) : 0;
  const threads = report ? report.byNetwork.reduce((a, n) => a + n.threads, 0) : 0;
  const canNext = shiftPeriod(period, 1, now) !== null;

  return (
    <main className="reports" data-region="reports" aria-label="Reports" data-testid="reports" aria-busy={state === 'loading'}>
      <header className="view-head reports-head">
        <div className="view-title">
          <BackButton />
          <h1>Reports</h1>
          <PeriodPicker />
          <div className="period-step">
            <button type="button" className="icon-button" aria-label="Previous period ([)" title="Previous period ([)" onClick={() => store.getState().reportPeriodShifted(-1)}>
              ‹
            </button>
            <span className="period-label" data-testid="period-label">
              {dayRangeLabel(period.from, period.to, now)}
            </span>
            <button type="button" className="icon-button" aria-label="Next period (])" title="Next period (])" disabled={!canNext} onClick={() => store.getState().reportPeriodShifted(1)}>
              ›
            </button>
          </div>
          <div className="reports-export">
            <button type="button" className="button button--small" onClick={() => void store.getState().reportExportRequested('csv')}>
              Export CSV
            </button>
            <button type="button" className="button button--small" onClick={() => void store.getState().reportExportRequested('json')}>
              Export JSON
            </button>
          </div>
        </div>
        <p className="view-hints">
          <Keys chords={[['1']]} />–<Keys chords={[['4']]} /> period · <Keys chords={[['C']]} /> custom days · <Keys chords={[['[']]} /> <Keys chords={[[']']]} /> previous / next ·{' '}
          <Keys chords={keyLabels('Mod+k', PLATFORM)} /> export · <Keys chords={[['Esc']]} /> back
        </p>
        {customOpen && <CustomPeriod />}
      </header>

      <div className="reports-body">
        {state === 'error' && (
          <p className="form-error" role="alert">
            Couldn’t build the report: {error}
          </p>
        )}
        {!report ? (
          <div className="reports-loading" aria-label="Loading the report">
            <span className="sk sk-card" />
            <span className="sk sk-card" />
            <span className="sk sk-card" />
            <span className="sk sk-card" />
            <span className="sk sk-chart" />
          </div>
        ) : (
          <div className={`reports-grid ${state === 'loading' ? 'reports-grid--stale' : ''}`}>
            <section className="card kpi" data-testid="volume-card" aria-label="Volume">
              <h2 className="card-title">Customer messages</h2>
              <p className="kpi-value">{total.toLocaleString()}</p>
              <p className="kpi-sub">
                in {threads.toLocaleString()} {threads === 1 ? 'thread' : 'threads'} · {(total / Math.max(1, Math.round((report.to - report.from) / 86_400_000))).toFixed(1)} a day
              </p>
              <Sparkline report={report} />
            </section>
            <TimingCard title="First response" stat={report.firstResponse} noun="answered threads" testId="first-response" />
            <TimingCard title="Resolution" stat={report.resolution} noun="resolved threads" testId="resolution" />
            <SlaCard sla={report.sla} />
            <section className="card card--wide" aria-label="Volume by day">
              <h2 className="card-title">Volume by day and network</h2>
              <VolumeChart report={report} />
              <VolumeNumbers report={report} />
            </section>
            <BarTable title="By network" rows={networkRows(report)} empty="No threads in this period." testId="by-network" />
            <BarTable title="By label" rows={labelRows(report)} empty="No labelled threads in this period. Label threads with L to see them here." testId="by-label" />
          </div>
        )}
      </div>
    </main>
  );
}

function PeriodPicker() {
  const preset = useStore((s) => s.reportPeriod.preset);
  const customOpen = useStore((s) => s.reportCustomOpen);
  const current = customOpen ? 'custom' : preset;
  const group = useRef<HTMLDivElement>(null);
  // A period chosen by key (1–4, c) while focus is on the picker: focus follows the checked one.
  useEffect(() => {
    const el = group.current;
    if (el && el.contains(document.activeElement)) el.querySelector<HTMLElement>('[aria-checked="true"]')?.focus();
  }, [current]);
  const choose = (p: PeriodPreset) => (p === 'custom' ? store.getState().reportCustomOpened() : store.getState().reportPeriodChosen(p));
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const delta = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
    if (!delta) return;
    e.preventDefault();
    const i = CHOICES.findIndex((c) => c.preset === current);
    const next = CHOICES[(i + delta + CHOICES.length) % CHOICES.length]!;
    // Custom waits for its days; the others apply as the arrow lands on them.
    if (next.preset !== 'custom') choose(next.preset);
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-period="${next.preset}"]`)?.focus());
  };
  return (
    <div className="period-picker" role="radiogroup" aria-label="Period" onKeyDown={onKeyDown} ref={group}>
      {CHOICES.map((c) => (
        <button
          key={c.preset}
          type="button"
          role="radio"
          aria-checked={c.preset === current}
          tabIndex={c.preset === current ? 0 : -1}
          data-period={c.preset}
          data-focus={c.preset === current ? 'reports' : undefined}
          className="period-choice"
          title={`${c.label} (${c.key})`}
          onClick={() => choose(c.preset)}
        >
          {c.label}
        </button>
      ))}
    </div>
  );
}

function CustomPeriod() {
  const period = store.getState().reportPeriod;
  const [from, setFrom] = useState(dayKey(period.from));
  const [to, setTo] = useState(dayKey(period.to - 1));
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(store.getState().reportCustomApplied(from, to));
  };
  return (
    <form className="custom-period" onSubmit={submit} aria-label="Custom period">
      <label className="field">
        <span className="field-label">From</span>
        <input autoFocus data-testid="period-from" value={from} onChange={(e) => setFrom(e.target.value)} placeholder="YYYY-MM-DD" spellCheck={false} inputMode="numeric" />
      </label>
      <label className="field">
        <span className="field-label">To (included)</span>
        <input data-testid="period-to" value={to} onChange={(e) => setTo(e.target.value)} placeholder="YYYY-MM-DD" spellCheck={false} inputMode="numeric" />
      </label>
      <button type="submit" className="button button--primary">
        Show <Keys chords={[['Enter']]} />
      </button>
      <button type="button" className="button" onClick={() => store.getState().reportCustomClosed()}>
        Cancel <Keys chords={[['Esc']]} />
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
