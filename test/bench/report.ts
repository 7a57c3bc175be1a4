/** The readable table, with each figure next to its target. */
import type { BenchResult } from './run';
import type { Summary } from './stats';

const ms = (v: number) => (Number.isFinite(v) ? (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)) : '—');

export function printReport(r: BenchResult): void {
  const rows: string[][] = [['measurement', 'p50', 'p95', 'cpu p50', 'cpu p95', 'target', 'met', 'detail']];
  const add = (name: string, s: Summary, target: number | null, detail = '', cpu?: Summary) =>
    rows.push([
      name,
      `${ms(s.p50)} ms`,
      `${ms(s.p95)} ms`,
      cpu ? `${ms(cpu.p50)} ms` : '',
      cpu ? `${ms(cpu.p95)} ms` : '',
      target === null ? '' : `p95 ≤ ${target} ms`,
      target === null ? '' : s.p95 <= target ? 'yes' : cpu && cpu.p95 <= target ? 'cpu only' : 'NO',
      detail,
    ]);
  if (r.ingest) {
    const i = r.ingest;
    rows.push(['ingest real path', `${i.real.msgsPerSec.toFixed(0)} msg/s`, '', `${i.real.cpuMsgsPerSec.toFixed(0)} msg/s`, '', '', '', `batch of ${i.batch}: p50 ${ms(i.real.batchMs.p50)} ms, p95 ${ms(i.real.batchMs.p95)} ms`]);
    rows.push(['ingest bare insert', `${i.bare.msgsPerSec.toFixed(0)} msg/s`, '', `${i.bare.cpuMsgsPerSec.toFixed(0)} msg/s`, '', '', '', `batch of ${i.batch}: p50 ${ms(i.bare.batchMs.p50)} ms, p95 ${ms(i.bare.batchMs.p95)} ms`]);
    rows.push(['ingest ratio real/bare', i.ratio.toFixed(2), '', i.cpuRatio.toFixed(2), '', '≥ 0.80', i.ratio >= 0.8 ? 'yes' : i.cpuRatio >= 0.8 ? 'cpu only' : 'NO', `last tenth (wall): ${i.lastTenth.ratio.toFixed(2)}`]);
  }
  for (const s of r.inbox) add(s.name, s.summary, 5, s.detail, s.cpu);
  for (const s of r.thread) add(s.name, s.summary, 10, s.detail, s.cpu);
  for (const s of r.search) add(s.name, s.summary, 50, s.detail, s.cpu);
  if (r.browser) {
    const b = r.browser;
    add('cold start → first inbox row', b.coldStartMs, 1500, `host ready p50 ${ms(b.hostReadyMs.p50)} ms; runs ${b.coldStartRuns.map((x) => x.toFixed(0)).join(', ')}`);
    add('j → next row painted', b.keyToPaintMs, 16, `${b.keyToPaintMs.n} presses, ${b.keyMisses} missed`);
    rows.push(['host RSS', `${b.memory.hostRssMb.toFixed(0)} MB`, '', '', '', '≤ 250 MB', b.memory.hostRssMb <= 250 ? 'yes' : 'NO', `after ${b.memory.threadsShown} threads shown`]);
    rows.push(['renderer JS heap', `${b.memory.rendererHeapMb.toFixed(1)} MB`, '', '', '', '≤ 150 MB', b.memory.rendererHeapMb <= 150 ? 'yes' : 'NO', `${b.memory.rendererHeapBeforeGcMb.toFixed(1)} MB before GC`]);
    rows.push(['host slow queries (> 50 ms) logged', String(b.hostSlowQueries.length), '', '', '', '', '', b.hostSlowQueries.slice(0, 3).join(' | ').slice(0, 160)]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => [...(row[c] ?? '')].length)));
  const line = (row: string[]) => row.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ');
  console.log(`\nCare Console bench — ${r.size}: ${JSON.stringify({ messages: r.dataset['messages'], threads: r.dataset['threads'] })}, db ${(r.dataset.dbBytes / 1e6).toFixed(0)} MB`);
  console.log(`machine: ${r.machine.nproc} × ${r.machine.cpu}, ${r.machine.ramGiB} GiB, node ${r.machine.node}; load average ${r.machine.load}; run took ${r.seconds.toFixed(0)} s`);
  console.log(`p50/p95: wall clock; cpu: CPU time of the same calls (this process, all its threads), which other load on the machine does not inflate.`);
  console.log(`inbox, thread and search through createCore + dispatch; search ran on the ${r.searchOn}.\n`);
  console.log(line(rows[0]!));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const row of rows.slice(1)) console.log(line(row));
}
