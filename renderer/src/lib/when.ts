/**
 * "When should this thread come back?" in the words an agent types: "in 3 hours", "3h",
 * "tomorrow 9:00", "monday", "next week", "tonight", "fri 2pm", "14 apr". Pure: every function
 * takes `now`, so the parser is tested against a fixed clock, and local time is the agent's.
 *
 * Defaults follow what people mean: a day without a time is 09:00 (the start of a working
 * day), "tonight" is 20:00, "next week" is Monday 09:00, a bare time that has passed today
 * means tomorrow. Anything that lands in the past, or that we can't read, is null: the picker
 * then says it didn't understand instead of guessing.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const DEFAULT_HOUR = 9;

const UNIT_MS: Record<string, number> = {
  m: MINUTE,
  min: MINUTE,
  mins: MINUTE,
  minute: MINUTE,
  minutes: MINUTE,
  h: HOUR,
  hr: HOUR,
  hrs: HOUR,
  hour: HOUR,
  hours: HOUR,
  d: DAY,
  day: DAY,
  days: DAY,
  w: 7 * DAY,
  wk: 7 * DAY,
  wks: 7 * DAY,
  week: 7 * DAY,
  weeks: 7 * DAY,
};

const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12, half: 0.5 };

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Words for a part of the day, as the hour it starts. */
const DAY_PARTS: Record<string, [number, number]> = {
  morning: [9, 0],
  noon: [12, 0],
  midday: [12, 0],
  lunch: [12, 0],
  lunchtime: [12, 0],
  afternoon: [14, 0],
  eod: [17, 0],
  'end of day': [17, 0],
  evening: [18, 0],
  night: [20, 0],
};

function weekdayIndex(word: string): number {
  if (word.length < 2) return -1;
  // "mon", "tue", "tues", "wed", "thu", "thur", "thurs" ... and the full names.
  return WEEKDAYS.findIndex((d) => d.startsWith(word) && word.length >= (d === 'tuesday' || d === 'thursday' || d === 'saturday' || d === 'sunday' ? 2 : 3));
}

function monthIndex(word: string): number {
  if (word.length < 3) return -1;
  return MONTHS.findIndex((m) => m.startsWith(word));
}

function atTime(day: Date, hour: number, minute: number): number {
  const d = new Date(day.getFullYear(), day.getMonth(), day.getDate(), hour, minute, 0, 0);
  return d.getTime();
}

function startOfDay(ts: number): Date {
  const d = new Date(ts);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate());
}

function addDays(day: Date, n: number): Date {
  return new Date(day.getFullYear(), day.getMonth(), day.getDate() + n);
}

/** "9", "9:30", "09.30", "9am", "9:30 pm", "21:00", "noon". Null when it isn't a time. */
export function parseTimeOfDay(input: string): [number, number] | null {
  const s = input.trim();
  const part = DAY_PARTS[s];
  if (part) return part;
  if (s === 'midnight') return [0, 0];
  const m = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$/.exec(s);
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  const meridiem = m[3]?.replace(/\./g, '');
  if (minute > 59) return null;
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    if (meridiem === 'pm' && hour !== 12) hour += 12;
    if (meridiem === 'am' && hour === 12) hour = 0;
  } else if (hour > 23) {
    return null;
  }
  return [hour, minute];
}

/** "3h", "in 3 hours", "2 days", "an hour", "1h 30m", "90 min". Milliseconds, or null. */
export function parseDuration(input: string): number | null {
  let s = input.trim().replace(/^in\s+/, '');
  if (s === 'half an hour') return 30 * MINUTE;
  s = s.replace(/\band\b/g, ' ').replace(/,/g, ' ');
  const re = /(\d+(?:\.\d+)?|[a-z]+)\s*([a-z]+)\s*/gy;
  let total = 0;
  let pieces = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    const n = /^\d/.test(m[1]!) ? Number(m[1]) : NUMBER_WORDS[m[1]!];
    const unit = UNIT_MS[m[2]!];
    if (n === undefined || unit === undefined || !Number.isFinite(n)) return null;
    total += n * unit;
    pieces++;
    if (re.lastIndex >= s.length) break;
  }
  if (pieces === 0 || re.lastIndex < s.length || total <= 0) return null;
  return total;
}

/** The day a word names, relative to `now`; null when it isn't one. `next` pushes weekdays a week on. */
function parseDay(words: string, now: number): { day: Date; defaultTime: [number, number] | null } | null {
  const today = startOfDay(now);
  const s = words.trim();
  if (s === 'today') return { day: today, defaultTime: null };
  if (s === 'tonight') return { day: today, defaultTime: [20, 0] };
  if (s === 'tomorrow' || s === 'tmrw' || s === 'tmr' || s === 'tom') return { day: addDays(today, 1), defaultTime: [DEFAULT_HOUR, 0] };
  if (s === 'next week') return { day: addDays(today, ((8 - today.getDay()) % 7) || 7), defaultTime: [DEFAULT_HOUR, 0] };
  if (s === 'weekend' || s === 'this weekend' || s === 'next weekend') {
    const toSat = (6 - today.getDay() + 7) % 7 || 7;
    return { day: addDays(today, toSat + (s === 'next weekend' ? 7 : 0)), defaultTime: [10, 0] };
  }
  if (s === 'next month') return { day: new Date(today.getFullYear(), today.getMonth() + 1, 1), defaultTime: [DEFAULT_HOUR, 0] };

  const wd = /^(next\s+|this\s+|on\s+)?([a-z]+)$/.exec(s);
  if (wd) {
    const i = weekdayIndex(wd[2]!);
    if (i >= 0) {
      // "monday" on a Monday means the next one; "next monday" the same (people rarely mean
      // "the Monday after the coming one", and when they do they type a date).
      const ahead = ((i - today.getDay() + 7) % 7) || 7;
      return { day: addDays(today, ahead), defaultTime: [DEFAULT_HOUR, 0] };
    }
  }

  // ISO date: 2026-04-14
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (iso) return validDate(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]));
  // "14 apr", "14th april", "apr 14", "april 14th"
  const dm = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)$/.exec(s) ?? null;
  const md = /^([a-z]+)\s+(\d{1,2})(?:st|nd|rd|th)?$/.exec(s) ?? null;
  const day = dm ? Number(dm[1]) : md ? Number(md[2]) : NaN;
  const month = dm ? monthIndex(dm[2]!) : md ? monthIndex(md[1]!) : -1;
  if (month >= 0 && day >= 1) {
    // A date without a year is the next time it comes round.
    let year = today.getFullYear();
    if (new Date(year, month, day) < today) year++;
    return validDate(year, month, day);
  }
  return null;
}

function validDate(year: number, month: number, day: number): { day: Date; defaultTime: [number, number] } | null {
  const d = new Date(year, month, day);
  if (d.getFullYear() !== year || d.getMonth() !== month || d.getDate() !== day) return null;
  return { day: d, defaultTime: [DEFAULT_HOUR, 0] };
}

function normalise(input: string): string {
  return input
    .toLowerCase()
    .replace(/[‘’']/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(snooze\s+)?(until|till|til|for)\s+/, '')
    .replace(/^snooze\s+/, '');
}

/**
 * When `input` means, as ms since epoch, or null. Results before `now` are null: a snooze
 * must end in the future.
 */
export function parseWhen(input: string, now: number): number | null {
  const s = normalise(input);
  if (!s) return null;
  const at = parseAbsolute(s, now) ?? relative(s, now);
  return at !== null && at > now ? at : null;
}

function relative(s: string, now: number): number | null {
  if (s === 'later' || s === 'later today') return laterToday(now);
  const ms = parseDuration(s);
  // To the minute: "in 3 hours" at 14:02:37 is 17:03, which is what the agent will read.
  return ms === null ? null : Math.round((now + ms) / MINUTE) * MINUTE;
}

function parseAbsolute(s: string, now: number): number | null {
  // "this afternoon", "this evening", "tomorrow morning", "monday afternoon", "end of day".
  // Without "this", a part of the day that has passed means tomorrow's ("morning" at 10:00).
  const partOnly = /^(this\s+)?(morning|noon|midday|lunch|lunchtime|afternoon|evening|eod|end of day)$/.exec(s);
  if (partOnly) {
    const [h, m] = DAY_PARTS[partOnly[2]!]!;
    const today = atTime(startOfDay(now), h, m);
    return today > now || partOnly[1] ? today : atTime(addDays(startOfDay(now), 1), h, m);
  }

  // "<day> [at] <time>", "<day> <part>", "<time> <day>", "<day>", "<time>"
  const words = s.split(' ');
  for (let cut = words.length; cut >= 1; cut--) {
    const dayWords = words.slice(0, cut).join(' ');
    const rest = words.slice(cut).join(' ').replace(/^at\s+/, '').replace(/^in the\s+/, '');
    const day = parseDay(dayWords, now);
    if (!day) continue;
    if (rest === '') {
      if (!day.defaultTime) return null;
      return atTime(day.day, day.defaultTime[0], day.defaultTime[1]);
    }
    const time = parseTimeOfDay(rest);
    if (!time) return null;
    // "tonight 9" is 21:00, not 09:00.
    const hour = dayWords === 'tonight' && time[0] < 12 && !/am/.test(rest) ? time[0] + 12 : time[0];
    return atTime(day.day, hour, time[1]);
  }
  // "<time> <day>": "9am tomorrow", "14:00 on friday"
  for (let cut = 1; cut < words.length; cut++) {
    const time = parseTimeOfDay(words.slice(0, cut).join(' '));
    const day = parseDay(words.slice(cut).join(' ').replace(/^on\s+/, ''), now);
    if (time && day) return atTime(day.day, time[0], time[1]);
  }
  // A bare time: today if it is still ahead, else tomorrow. A bare number is not a time
  // ("3" might mean 3 hours): it needs a colon, am/pm, or "at".
  const bare = s.replace(/^at\s+/, '');
  if (bare !== s || /[:.]|am|pm|noon|midday|midnight/.test(bare)) {
    const time = parseTimeOfDay(bare);
    if (time) {
      const today = atTime(startOfDay(now), time[0], time[1]);
      return today > now ? today : atTime(addDays(startOfDay(now), 1), time[0], time[1]);
    }
  }
  return null;
}

/** Three hours on, rounded up to the quarter hour: "later today". */
export function laterToday(now: number): number {
  const quarter = 15 * MINUTE;
  return Math.ceil((now + 3 * HOUR) / quarter) * quarter;
}

export interface QuickChoice {
  id: 'later' | 'tomorrow' | 'next-week';
  title: string;
  at: number;
}

/** The three choices offered before anything is typed. */
export function quickChoices(now: number): QuickChoice[] {
  const later = laterToday(now);
  const sameDay = startOfDay(later).getTime() === startOfDay(now).getTime();
  const tomorrow = atTime(addDays(startOfDay(now), 1), DEFAULT_HOUR, 0);
  const monday = parseWhen('next week', now)!;
  return [
    { id: 'later', title: sameDay ? 'Later today' : 'In 3 hours', at: later },
    { id: 'tomorrow', title: 'Tomorrow morning', at: tomorrow },
    // On a Sunday the coming Monday is tomorrow morning already: offer the one after.
    { id: 'next-week', title: 'Next week', at: monday === tomorrow ? atTime(addDays(startOfDay(monday), 7), DEFAULT_HOUR, 0) : monday },
  ];
}

/** "today 17:30", "tomorrow 09:00", "Mon 14 Apr, 09:00": when a snooze ends, at a glance. */
export function formatWhen(at: number, now: number, locale?: string): string {
  const time = new Date(at).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  const days = Math.round((startOfDay(at).getTime() - startOfDay(now).getTime()) / DAY);
  if (days === 0) return `today ${time}`;
  if (days === 1) return `tomorrow ${time}`;
  const sameYear = new Date(at).getFullYear() === new Date(now).getFullYear();
  const date = new Date(at).toLocaleDateString(locale, { weekday: 'short', day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }) });
  return `${date}, ${time}`;
}

/** "in 3 h", "in 2 d 4 h", "in 25 min": how far away, roughly. */
export function untilWords(at: number, now: number): string {
  const ms = Math.max(0, at - now);
  if (ms < MINUTE) return 'in under a minute';
  return `in ${spanWords(ms)}`;
}

/** A span in two units at most: "5 d 3 h", "2 h 10 min", "25 min". */
export function spanWords(ms: number): string {
  const total = Math.max(0, Math.round(ms / MINUTE));
  const d = Math.floor(total / (24 * 60));
  const h = Math.floor((total % (24 * 60)) / 60);
  const m = total % 60;
  if (d > 0) return h > 0 ? `${d} d ${h} h` : `${d} d`;
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  return `${Math.max(1, m)} min`;
}
