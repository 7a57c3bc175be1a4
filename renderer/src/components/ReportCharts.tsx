/**
 * The report's charts, drawn by hand in SVG (no chart library): volume by day stacked by
 * network, response-time figures with their bars, the SLA ring, and tables with bars. Colours
 * come from CSS classes (reports.css) so both themes restyle them; every figure is also shown as
 * a number, and each chart has a text alternative.
 */
import { useCallback, useState, type ReactNode } from 'react';
import type { Network, Report, Stat } from '../../../preload/contract';
import { NETWORK_RULES } from '../../../preload/shared/length';
import { addDays, dayKey, duration } from '../lib/dates';
import { NetworkIcon } from './NetworkIcon';

/** Stacking order: neighbouring colours differ the most in this order. */
export const NETWORK_ORDER: Network[] = ['facebook', 'instagram', 'x', 'telegram', 'bluesky', 'mastodon'];

/** The element's width, kept current as the window resizes (720 where nothing lays out, as in tests). */
function useWidth(): [(el: HTMLElement | null) => (() => void) | undefined, number] {
  const [width, setWidth] = useState(720);
  const ref = useCallback((el: HTMLElement | null) => {
    if (!el || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width;
      if (w) setWidth(Math.floor(w));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/**
 * A round upper bound for a count axis and its whole-number step, with at most `ticks` + 1
 * intervals: 0–7 → 8 by 2, 0–43 → 50 by 10, 0–134 → 150 by 50.
 */
export function niceScale(max: number, ticks = 4): { top: number; step: number } {
  if (max <= 0) return { top: ticks, step: 1 };
  for (let mag = 1; ; mag *= 10) {
    for (const m of [1, 2, 2.5, 5]) {
      const step = m * mag;
      if (Number.isInteger(step) && Math.ceil(max / step) <= ticks + 1) return { top: Math.ceil(max / step) * step, step };
    }
  }
}

/** Every local day of the period, with each network's count. */
export function volumeByDay(report: Report): { day: string; date: number; counts: Partial<Record<Network, number>>; total: number }[] {
  const byDay = new Map<string, Partial<Record<Network, number>>>();
  for (const v of report.volume) {
    const c = byDay.get(v.day) ?? {};
    c[v.network] = (c[v.network] ?? 0) + v.count;
    byDay.set(v.day, c);
  }
  const days: ReturnType<typeof volumeByDay> = [];
  for (let d = report.from; d < report.to && days.length < 400; d = addDays(d, 1)) {
    const key = dayKey(d);
    const counts = byDay.get(key) ?? {};
    days.push({ day: key, date: d, counts, total: Object.values(counts).reduce((a, b) => a + (b ?? 0), 0) });
  }
  return days;
}

export function networkTotals(report: Report): { network: Network; count: number }[] {
  const totals = new Map<Network, number>();
  for (const v of report.volume) totals.set(v.network, (totals.get(v.network) ?? 0) + v.count);
  return NETWORK_ORDER.filter((n) => totals.has(n)).map((network) => ({ network, count: totals.get(network) ?? 0 }));
}

const CHART_HEIGHT = 220;
const PAD = { top: 10, right: 8, bottom: 26, left: 38 };

export function VolumeChart({ report }: { report: Report }) {
  const [ref, width] = useWidth();
  const days = volumeByDay(report);
  const totals = networkTotals(report);
  const all = totals.reduce((a, t) => a + t.count, 0);
  const { top, step } = niceScale(Math.max(0, ...days.map((d) => d.total)));
  const plotW = Math.max(100, width - PAD.left - PAD.right);
  const plotH = CHART_HEIGHT - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, days.length);
  const barW = Math.max(2, Math.min(40, slot * 0.68));
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const labelEvery = Math.max(1, Math.ceil(days.length / Math.max(2, Math.floor(plotW / 64))));
  const fmtDay = (d: number) =>
    days.length <= 7 ? new Date(d).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric' }) : new Date(d).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
  const busiest = days.reduce<(typeof days)[number] | null>((best, d) => (!best || d.total > best.total ? d : best), null);

  return (
    <figure className="chart" data-testid="volume-chart">
      <div ref={ref} className="chart-canvas">
        <svg
          width={width}
          height={CHART_HEIGHT}
          viewBox={`0 0 ${width} ${CHART_HEIGHT}`}
          role="img"
          aria-label={`Customer messages per day: ${all} in all${busiest && busiest.total > 0 ? `, busiest ${fmtDay(busiest.date)} with ${busiest.total}` : ''}.`}
        >
          {Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step).map((v) => (
            <g key={v}>
              <line className={v === 0 ? 'axis-base' : 'grid-line'} x1={PAD.left} x2={PAD.left + plotW} y1={y(v)} y2={y(v)} />
              <text className="axis-label" x={PAD.left - 8} y={y(v)} dy="0.32em" textAnchor="end">
                {v}
              </text>
            </g>
          ))}
          {days.map((d, i) => {
            const x = PAD.left + i * slot + (slot - barW) / 2;
            let acc = 0;
            const parts = NETWORK_ORDER.filter((n) => (d.counts[n] ?? 0) > 0);
            return (
              <g key={d.day} className="bar-group">
                <title>{`${new Date(d.date).toLocaleDateString(undefined, { weekday: 'long', month: 'long', day: 'numeric' })}: ${d.total} ${d.total === 1 ? 'message' : 'messages'}${parts.length ? ` — ${parts.map((n) => `${NETWORK_RULES[n].label} ${d.counts[n]}`).join(', ')}` : ''}`}</title>
                <rect className="bar-hit" x={PAD.left + i * slot} y={PAD.top} width={slot} height={plotH} />
                {parts.map((n, j) => {
                  const v = d.counts[n] ?? 0;
                  const y0 = y(acc);
                  acc += v;
                  const y1 = y(acc);
                  const last = j === parts.length - 1;
                  return <rect key={n} className={`net-fill net-fill--${n}`} x={x} y={y1} width={barW} height={Math.max(0, y0 - y1 - (last ? 0 : 1))} rx={last ? Math.min(3, barW / 3) : 0} />;
                })}
                {i % labelEvery === 0 && (
                  <text className="axis-label" x={x + barW / 2} y={CHART_HEIGHT - 8} textAnchor="middle">
                    {fmtDay(d.date)}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption className="legend">
        {totals.length === 0 && <span className="muted">No customer messages in this period.</span>}
        {totals.map((t) => (
          <span key={t.network} className="legend-item">
            <span className={`swatch net-bg--${t.network}`} aria-hidden="true" />
            <span>{NETWORK_RULES[t.network].label}</span>
            <strong className="legend-count">{t.count.toLocaleString()}</strong>
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

/** Daily totals as a row of small bars, for the volume card: the shape of the period at a glance. */
export function Sparkline({ report }: { report: Report }) {
  const days = volumeByDay(report);
  const max = Math.max(1, ...days.map((d) => d.total));
  const w = 240;
  const h = 40;
  const slot = w / Math.max(1, days.length);
  const bar = Math.max(1.5, slot * 0.62);
  return (
    <svg className="sparkline" width="100%" height={h} viewBox={`0 0 ${w} ${h}`} preserveAspectRatio="none" aria-hidden="true">
      {days.map((d, i) => {
        const bh = d.total === 0 ? 1 : Math.max(2, (d.total / max) * (h - 2));
        return <rect key={d.day} className={d.total === max ? 'spark spark--max' : 'spark'} x={i * slot + (slot - bar) / 2} y={h - bh} width={bar} height={bh} rx={Math.min(2, bar / 3)} />;
      })}
    </svg>
  );
}

/** A median in big type with its 90th percentile, both as bars on one scale. */
export function TimingCard({ title, stat, noun, testId }: { title: string; stat: Stat; noun: string; testId: string }) {
  const max = stat.p90Ms ?? 0;
  const pct = (v: number | null) => (v === null || max === 0 ? 0 : Math.max(3, (v / max) * 100));
  return (
    <section className="card kpi" data-testid={testId} aria-label={title}>
      <h2 className="card-title">{title}</h2>
      {stat.count === 0 || stat.medianMs === null ? (
        <>
          <p className="kpi-value kpi-value--empty">—</p>
          <p className="kpi-sub">No {noun} in this period.</p>
        </>
      ) : (
        <>
          <p className="kpi-value">
            {duration(stat.medianMs)}
            <span className="kpi-unit">median</span>
          </p>
          <div className="kpi-bars" aria-hidden="true">
            <span className="kpi-bar-label">Median</span>
            <span className="kpi-track">
              <span className="kpi-fill kpi-fill--median" style={{ width: `${pct(stat.medianMs)}%` }} />
            </span>
            <span className="kpi-bar-value">{duration(stat.medianMs)}</span>
            <span className="kpi-bar-label">90%</span>
            <span className="kpi-track">
              <span className="kpi-fill kpi-fill--p90" style={{ width: `${pct(stat.p90Ms)}%` }} />
            </span>
            <span className="kpi-bar-value">{stat.p90Ms === null ? '—' : duration(stat.p90Ms)}</span>
          </div>
          <p className="kpi-sub">
            9 in 10 within {stat.p90Ms === null ? '—' : duration(stat.p90Ms)} · {stat.count.toLocaleString()} {stat.count === 1 ? 'thread' : 'threads'}
          </p>
        </>
      )}
    </section>
  );
}

/** Met / breached / still waiting and breached, as a ring with the share met in the middle. */
export function SlaCard({ sla }: { sla: Report['sla'] }) {
  const total = sla.met + sla.breached + sla.waitingBreached;
  const r = 38;
  const c = 2 * Math.PI * r;
  const parts = [
    { key: 'met', label: 'Met', value: sla.met },
    { key: 'breached', label: 'Breached', value: sla.breached },
    { key: 'waiting', label: 'Waiting, breached', value: sla.waitingBreached },
  ];
  let offset = 0;
  const pct = total === 0 ? null : Math.round((sla.met / total) * 100);
  return (
    <section className="card kpi sla" data-testid="sla-card" aria-label="First-response target">
      <h2 className="card-title">First-response target</h2>
      <div className="sla-body">
        <svg width="104" height="104" viewBox="0 0 104 104" role="img" aria-label={total === 0 ? 'No threads with a target in this period.' : `${pct}% met: ${sla.met} met, ${sla.breached} breached, ${sla.waitingBreached} still waiting past the target.`}>
          <circle className="ring-track" cx="52" cy="52" r={r} />
          {total > 0 &&
            parts.map((p) => {
              const len = (p.value / total) * c;
              const el = len > 0 && (
                <circle
                  key={p.key}
                  className={`ring ring--${p.key}`}
                  cx="52"
                  cy="52"
                  r={r}
                  strokeDasharray={`${Math.max(0, len - (len > 4 ? 1.5 : 0))} ${c}`}
                  strokeDashoffset={-offset}
                  transform="rotate(-90 52 52)"
                />
              );
              offset += len;
              return el;
            })}
          <text className="ring-value" x="52" y="50" textAnchor="middle">
            {pct === null ? '—' : `${pct}%`}
          </text>
          <text className="ring-caption" x="52" y="66" textAnchor="middle">
            met
          </text>
        </svg>
        <ul className="sla-legend">
          {parts.map((p) => (
            <li key={p.key}>
              <span className={`swatch sla-bg--${p.key}`} aria-hidden="true" />
              <span>{p.label}</span>
              <strong>{p.value.toLocaleString()}</strong>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

interface Row {
  key: string;
  name: ReactNode;
  threads: number;
  stat: Stat;
  barClass?: string;
  barColor?: string;
}

/** Threads per row as bars on one scale, with the first-response figures beside them. */
export function BarTable({ title, rows, empty, testId }: { title: string; rows: Row[]; empty: string; testId: string }) {
  const max = Math.max(1, ...rows.map((r) => r.threads));
  return (
    <section className="card" data-testid={testId}>
      <h2 className="card-title">{title}</h2>
      {rows.length === 0 ? (
        <p className="muted card-empty">{empty}</p>
      ) : (
        <table className="bar-table">
          <thead>
            <tr>
              <th scope="col" />
              <th scope="col">Threads</th>
              <th scope="col" className="num">
                First reply, median
              </th>
              <th scope="col" className="num">
                90%
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.name}</th>
                <td className="bar-td">
                  <span className="bar-cell">
                    <span className="table-track">
                      <span className={`table-fill ${r.barClass ?? ''}`} style={{ width: `${Math.max(2, (r.threads / max) * 100)}%`, ...(r.barColor ? { background: r.barColor } : {}) }} />
                    </span>
                    <span className="table-count">{r.threads.toLocaleString()}</span>
                  </span>
                </td>
                <td className="num">{r.stat.medianMs === null ? '—' : duration(r.stat.medianMs)}</td>
                <td className="num">{r.stat.p90Ms === null ? '—' : duration(r.stat.p90Ms)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function networkRows(report: Report): Row[] {
  return report.byNetwork.map((n) => ({
    key: n.network,
    name: (
      <span className="row-name-cell">
        <NetworkIcon network={n.network} size={14} />
        {NETWORK_RULES[n.network].label}
      </span>
    ),
    threads: n.threads,
    stat: n.firstResponse,
    barClass: `net-bg--${n.network}`,
  }));
}

export function labelRows(report: Report): Row[] {
  return report.byLabel.map((l) => ({
    key: l.label,
    name: (
      <span className="row-name-cell">
        <span className="label-dot" style={{ background: l.color }} aria-hidden="true" />
        <span dir="auto">{l.label}</span>
      </span>
    ),
    threads: l.threads,
    stat: l.firstResponse,
    barColor: l.color,
  }));
}

/** The per-day numbers behind the volume chart, on request. */
export function VolumeNumbers({ report }: { report: Report }) {
  const days = volumeByDay(report);
  const nets = networkTotals(report).map((t) => t.network);
  return (
    <details className="numbers">
      <summary>Numbers by day</summary>
      <div className="numbers-scroll">
        <table className="numbers-table">
          <thead>
            <tr>
              <th scope="col">Day</th>
              {nets.map((n) => (
                <th key={n} scope="col" className="num">
                  {NETWORK_RULES[n].label}
                </th>
              ))}
              <th scope="col" className="num">
                All
              </th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day}>
                <th scope="row">{new Date(d.date).toLocaleDateString(undefined, { weekday: 'short', month: 'short', day: 'numeric' })}</th>
                {nets.map((n) => (
                  <td key={n} className="num">
                    {d.counts[n] ?? 0}
                  </td>
                ))}
                <td className="num">
                  <strong>{d.total}</strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
