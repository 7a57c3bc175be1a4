import { describe, expect, it } from 'vitest';
import { formatWhen, parseDuration, parseTimeOfDay, parseWhen, quickChoices, spanWords, untilWords } from '../../renderer/src/lib/when';

// Tuesday 14 April 2026, 10:20:10 local time. Dates are built from local parts, so the tests
// hold in any time zone.
const NOW = new Date(2026, 3, 14, 10, 20, 10).getTime();
const at = (month: number, day: number, hour: number, minute = 0, year = 2026) => new Date(year, month, day, hour, minute).getTime();
const H = 3_600_000;

describe('parseWhen: relative', () => {
  it.each([
    ['in 3 hours', at(3, 14, 13, 20)],
    ['3h', at(3, 14, 13, 20)],
    ['3 hrs', at(3, 14, 13, 20)],
    ['in an hour', at(3, 14, 11, 20)],
    ['half an hour', at(3, 14, 10, 50)],
    ['90 min', at(3, 14, 11, 50)],
    ['1h 30m', at(3, 14, 11, 50)],
    ['in 1 hour and 30 minutes', at(3, 14, 11, 50)],
    ['2d', at(3, 16, 10, 20)],
    ['in two days', at(3, 16, 10, 20)],
    ['1w', at(3, 21, 10, 20)],
    ['for 3 hours', at(3, 14, 13, 20)],
    ['Snooze until tomorrow', at(3, 15, 9)],
  ])('%s', (input, expected) => {
    expect(parseWhen(input, NOW)).toBe(expected);
  });

  it('"later today" is three hours on, rounded up to the quarter hour', () => {
    expect(parseWhen('later today', NOW)).toBe(at(3, 14, 13, 30));
  });
});

describe('parseWhen: days and times', () => {
  it.each([
    ['tomorrow', at(3, 15, 9)],
    ['tomorrow 9:00', at(3, 15, 9)],
    ['Tomorrow at 14:30', at(3, 15, 14, 30)],
    ['tomorrow 2pm', at(3, 15, 14)],
    ['tomorrow morning', at(3, 15, 9)],
    ['tomorrow afternoon', at(3, 15, 14)],
    ['9am tomorrow', at(3, 15, 9)],
    ['tonight', at(3, 14, 20)],
    ['tonight 9', at(3, 14, 21)],
    ['this afternoon', at(3, 14, 14)],
    ['monday', at(3, 20, 9)],
    ['Mon', at(3, 20, 9)],
    ['next monday', at(3, 20, 9)],
    ['on friday', at(3, 17, 9)],
    ['fri 4pm', at(3, 17, 16)],
    ['thu 8:15', at(3, 16, 8, 15)],
    ['next week', at(3, 20, 9)],
    ['next week 14:00', at(3, 20, 14)],
    ['weekend', at(3, 18, 10)],
    ['next month', at(4, 1, 9)],
    ['14:00', at(3, 14, 14)],
    ['at 9', at(3, 15, 9)],
    ['9:00', at(3, 15, 9)],
    ['5pm', at(3, 14, 17)],
    ['noon', at(3, 14, 12)],
    ['eod', at(3, 14, 17)],
    ['20 apr', at(3, 20, 9)],
    ['april 20 15:00', at(3, 20, 15)],
    ['2026-05-01', at(4, 1, 9)],
    ['1 jan', at(0, 1, 9, 0, 2027)],
  ])('%s', (input, expected) => {
    expect(parseWhen(input, NOW)).toBe(expected);
  });

  it('a weekday named on that very day means next week’s', () => {
    expect(parseWhen('tuesday', NOW)).toBe(at(3, 21, 9));
  });

  it('"morning" after the morning has started means tomorrow’s; "this morning" stays today and is past', () => {
    expect(parseWhen('morning', NOW)).toBe(at(3, 15, 9));
    expect(parseWhen('this morning', NOW)).toBeNull();
  });

  it('tonight after dark, or a time that has passed "today", is in the past: null', () => {
    const late = at(3, 14, 22);
    expect(parseWhen('tonight', late)).toBeNull();
    expect(parseWhen('today 9:00', NOW)).toBeNull();
  });
});

describe('parseWhen: refuses what it cannot read', () => {
  it.each(['', '   ', 'soon', '3', 'tomorrow 25:00', 'monday 9:75', '31 feb', 'in -3 hours', 'h', '13pm', 'hours', 'tomorrow banana'])('%j', (input) => {
    expect(parseWhen(input, NOW)).toBeNull();
  });
});

describe('pieces', () => {
  it('times of day', () => {
    expect(parseTimeOfDay('12am')).toEqual([0, 0]);
    expect(parseTimeOfDay('12pm')).toEqual([12, 0]);
    expect(parseTimeOfDay('09.30')).toEqual([9, 30]);
    expect(parseTimeOfDay('24:00')).toBeNull();
  });

  it('durations', () => {
    expect(parseDuration('3h')).toBe(3 * H);
    expect(parseDuration('2 weeks')).toBe(14 * 24 * H);
    expect(parseDuration('3 bananas')).toBeNull();
  });

  it('quick choices: later today, tomorrow morning, next week', () => {
    expect(quickChoices(NOW).map((c) => [c.title, c.at])).toEqual([
      ['Later today', at(3, 14, 13, 30)],
      ['Tomorrow morning', at(3, 15, 9)],
      ['Next week', at(3, 20, 9)],
    ]);
    // Late in the evening "later today" would be tomorrow: it says so.
    expect(quickChoices(at(3, 14, 22))[0]!.title).toBe('In 3 hours');
  });

  it('words for when and how far', () => {
    expect(formatWhen(at(3, 14, 17, 30), NOW, 'en-GB')).toBe('today 17:30');
    expect(formatWhen(at(3, 15, 9), NOW, 'en-GB')).toBe('tomorrow 09:00');
    expect(formatWhen(at(3, 20, 9), NOW, 'en-GB')).toBe('Mon 20 Apr, 09:00');
    expect(untilWords(NOW + 3 * H, NOW)).toBe('in 3 h');
    expect(spanWords(5 * 24 * H + 3 * H + 20 * 60_000)).toBe('5 d 3 h');
    expect(spanWords(2 * H + 10 * 60_000)).toBe('2 h 10 min');
    expect(spanWords(20_000)).toBe('1 min');
  });
});

describe('quick choices on a Sunday', () => {
  it('next week is not tomorrow morning again: it is the Monday after', () => {
    const sunday = new Date(2026, 3, 19, 15, 0).getTime();
    const [, tomorrow, nextWeek] = quickChoices(sunday);
    expect(tomorrow!.at).toBe(new Date(2026, 3, 20, 9, 0).getTime());
    expect(nextWeek!.at).toBe(new Date(2026, 3, 27, 9, 0).getTime());
  });

  it('a relative time rounds to the nearest minute', () => {
    expect(parseWhen('in 3 hours', NOW + 45_000)).toBe(new Date(2026, 3, 14, 13, 21).getTime());
  });
});
