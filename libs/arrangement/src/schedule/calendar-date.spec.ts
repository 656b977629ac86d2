import { describe, expect, it } from '@jest/globals';
import { addDays, compareDates, daysInMonth, isLeapYear, parseDate } from './calendar-date.js';
import { ScheduleInputError } from './schedule-input-error.js';

function errorOf(run: () => unknown): ScheduleInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof ScheduleInputError) return error;
    throw error;
  }
  throw new Error('expected a ScheduleInputError');
}

describe('calendar dates', () => {
  it('parses a valid date', () => {
    expect(parseDate({ date: '2026-03-26' })).toEqual({ year: 2026, month: 3, day: 26 });
  });

  it('knows leap years, centuries included', () => {
    expect([2024, 2026, 1900, 2000, 2100].map(isLeapYear)).toEqual([true, false, false, true, false]);
    expect(daysInMonth({ year: 2024, month: 2 })).toBe(29);
    expect(daysInMonth({ year: 2026, month: 2 })).toBe(28);
    expect(daysInMonth({ year: 2026, month: 4 })).toBe(30);
    expect(daysInMonth({ year: 2026, month: 12 })).toBe(31);
  });

  it.each(['2026-02-30', '2026-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-2-3', '26-02-03', '2026-02-03T00:00', '', '0999-01-01'])(
    'refuses %p with a typed error',
    (date) => {
      const error = errorOf(() => parseDate({ date, path: 'startsAfter' }));
      expect(error.code).toBe('INVALID_DATE');
      expect(error.path).toBe('startsAfter');
    },
  );

  it('accepts 29 February in a leap year', () => {
    expect(parseDate({ date: '2000-02-29' }).day).toBe(29);
    expect(parseDate({ date: '2028-02-29' }).day).toBe(29);
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays({ date: '2026-01-31', days: 1 })).toBe('2026-02-01');
    expect(addDays({ date: '2026-02-28', days: 1 })).toBe('2026-03-01');
    expect(addDays({ date: '2028-02-28', days: 1 })).toBe('2028-02-29');
    expect(addDays({ date: '2026-12-31', days: 1 })).toBe('2027-01-01');
    expect(addDays({ date: '2026-03-01', days: -5 })).toBe('2026-02-24');
    expect(addDays({ date: '2026-01-26', days: 30 })).toBe('2026-02-25');
    // The last Sunday of March and of October: a local-time implementation loses or gains an hour here.
    expect(addDays({ date: '2026-03-29', days: 1 })).toBe('2026-03-30');
    expect(addDays({ date: '2026-10-25', days: 1 })).toBe('2026-10-26');
  });

  it('refuses a fractional number of days', () => {
    expect(errorOf(() => addDays({ date: '2026-01-01', days: 1.5 })).code).toBe('INVALID_COUNT');
  });

  it('compares dates', () => {
    expect(compareDates('2026-01-31', '2026-02-01')).toBeLessThan(0);
    expect(compareDates('2026-02-01', '2026-02-01')).toBe(0);
    expect(compareDates('2027-01-01', '2026-12-31')).toBeGreaterThan(0);
  });
});
