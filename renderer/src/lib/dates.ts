/**
 * Local calendar days and durations for review screens: quick ranges ("last 7 days"), dates
 * typed as YYYY-MM-DD, and spans of time in words. Pure; every function takes `now` or a date.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Local midnight of the day `ts` falls in. */
export function startOfDay(ts: number): number {
  const d = new Date(ts);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

/** Local midnight `days` calendar days after the day of `ts` (DST-safe: by date, not by 24 h). */
export function addDays(ts: number, days: number): number {
  const d = new Date(ts);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + days).getTime();
}

/** Whole local days from midnight `from` to midnight `to`. */
export function daysBetween(from: number, to: number): number {
  return Math.round((startOfDay(to) - startOfDay(from)) / DAY);
}

/** "2026-03-09": how a day is typed and how the server names days. */
export function dayKey(ts: number): string {
  const d = new Date(ts);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Local midnight of a typed day ("2026-03-09", "2026-3-9", "2026/03/09"); null when it is not a real date. */
export function parseDay(text: string): number | null {
  const m = /^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(y, mo - 1, d);
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return null;
  return date.getTime();
}

/**
 * A range of whole days typed by a person, inclusive of both ends; returned as [from, to) in ms.
 * The two ends may come in either order. Errors are sentences to show beside the fields.
 */
export function parseDayRange(fromText: string, toText: string): { from: number; to: number } | { error: string } {
  const from = parseDay(fromText);
  if (from === null) return { error: `“${fromText.trim() || '(empty)'}” is not a date: type it as YYYY-MM-DD.` };
  const to = toText.trim() === '' ? from : parseDay(toText);
  if (to === null) return { error: `“${toText.trim()}” is not a date: type it as YYYY-MM-DD.` };
  const [a, b] = from <= to ? [from, to] : [to, from];
  return { from: a, to: addDays(b, 1) };
}

export type QuickRange = 'today' | '7d' | '30d' | '90d';

export const QUICK_RANGE_LABEL: Record<QuickRange, string> = { today: 'Today', '7d': 'Last 7 days', '30d': 'Last 30 days', '90d': 'Last 90 days' };
const QUICK_RANGE_DAYS: Record<QuickRange, number> = { today: 1, '7d': 7, '30d': 30, '90d': 90 };

/** The days of a quick range as [from, to): today included, to = tomorrow's midnight. */
export function quickRange(range: QuickRange, now: number): { from: number; to: number } {
  const to = addDays(now, 1);
  return { from: addDays(to, -QUICK_RANGE_DAYS[range]), to };
}

/** "Mar 3 – Mar 9" (with the year when it is not this year's), for a [from, to) range of whole days. */
export function dayRangeLabel(from: number, to: number, now: number): string {
  const last = addDays(to, -1);
  const year = new Date(now).getFullYear();
  const showYear = new Date(from).getFullYear() !== year || new Date(last).getFullYear() !== year;
  const fmt = (ts: number) => new Date(ts).toLocaleDateString(undefined, showYear ? { year: 'numeric', month: 'short', day: 'numeric' } : { month: 'short', day: 'numeric' });
  return last <= from ? fmt(from) : `${fmt(from)} – ${fmt(last)}`;
}

/** A span of time for people: "45 s", "12 min", "3 h 20 min", "2 d 4 h". */
export function duration(ms: number): string {
  const v = Math.max(0, ms);
  if (v < MINUTE) return `${Math.round(v / 1000)} s`;
  if (v < HOUR) return `${Math.round(v / MINUTE)} min`;
  if (v < DAY) {
    const h = Math.floor(v / HOUR);
    const m = Math.round((v - h * HOUR) / MINUTE);
    return m === 0 || h >= 10 ? `${Math.round(v / HOUR)} h` : m === 60 ? `${h + 1} h` : `${h} h ${m} min`;
  }
  const d = Math.floor(v / DAY);
  const h = Math.round((v - d * DAY) / HOUR);
  return h === 0 || d >= 10 ? `${Math.round(v / DAY)} d` : h === 24 ? `${d + 1} d` : `${d} d ${h} h`;
}

/** When something is due, in words: "now", "in 40 s", "in 3 min", "in 2 h", "at 14:05 tomorrow". */
export function until(ts: number, now: number): string {
  const ms = ts - now;
  if (ms <= 5_000) return 'now';
  if (ms < MINUTE) return `in ${Math.round(ms / 1000)} s`;
  if (ms < HOUR) return `in ${Math.round(ms / MINUTE)} min`;
  if (ms < 6 * HOUR) return `in ${duration(ms)}`;
  const time = new Date(ts).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  const days = daysBetween(now, ts);
  return days === 0 ? `at ${time}` : days === 1 ? `at ${time} tomorrow` : `on ${new Date(ts).toLocaleDateString(undefined, { month: 'short', day: 'numeric' })}`;
}
