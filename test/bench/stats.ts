/** Percentiles (nearest rank) of repeated measurements. */
export interface Summary {
  n: number;
  p50: number;
  p95: number;
  min: number;
  max: number;
  mean: number;
}

export function summarise(values: number[]): Summary {
  if (values.length === 0) return { n: 0, p50: NaN, p95: NaN, min: NaN, max: NaN, mean: NaN };
  const v = [...values].sort((a, b) => a - b);
  const rank = (p: number) => v[Math.min(v.length - 1, Math.max(0, Math.ceil(p * v.length) - 1))]!;
  return { n: v.length, p50: rank(0.5), p95: rank(0.95), min: v[0]!, max: v[v.length - 1]!, mean: v.reduce((a, b) => a + b, 0) / v.length };
}

/** CPU time of this process (all its threads) in ms: what a call cost, whatever else the machine runs. */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * Runs `fn` repeatedly (after `warm` unmeasured runs) until `reps` runs or `budgetMs` elapsed, at
 * least `minReps`. Wall-clock and CPU time of each run.
 */
export async function repeat(
  fn: () => unknown,
  opts: { reps: number; warm?: number; budgetMs?: number; minReps?: number },
): Promise<{ wall: number[]; cpu: number[] }> {
  for (let i = 0; i < (opts.warm ?? 2); i++) await fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  const started = performance.now();
  const minReps = opts.minReps ?? 5;
  while (wall.length < opts.reps && (wall.length < minReps || performance.now() - started < (opts.budgetMs ?? 20_000))) {
    const c0 = cpuMs();
    const t0 = performance.now();
    await fn();
    wall.push(performance.now() - t0);
    cpu.push(cpuMs() - c0);
  }
  return { wall, cpu };
}
