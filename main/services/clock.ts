/** Time and timers, injectable so services can be tested with a controlled clock. */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): { cancel(): void };
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(fn, ms) {
    // Node fires at once on a delay past 2^31-1 ms; a far-off timer is simply re-armed later.
    const t = setTimeout(fn, Math.min(2 ** 31 - 1, Math.max(0, ms)));
    t.unref?.();
    return { cancel: () => clearTimeout(t) };
  },
};
