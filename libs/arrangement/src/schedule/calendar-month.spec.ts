import { describe, expect, it } from '@jest/globals';
import { addMonths, monthFromIndex, monthIndex, monthOfDate, parseMonth } from './calendar-month.js';
import { ScheduleInputError } from './schedule-input-error.js';

describe('calendar months', () => {
  it('adds months across years, both ways', () => {
    expect(addMonths({ month: '2026-11', months: 2 })).toBe('2027-01');
    expect(addMonths({ month: '2026-01', months: -1 })).toBe('2025-12');
    expect(addMonths({ month: '2026-03', months: 0 })).toBe('2026-03');
    expect(addMonths({ month: '2026-03', months: 24 })).toBe('2028-03');
  });

  it('round-trips the month index', () => {
    expect(monthFromIndex(monthIndex({ month: '2026-12' }))).toBe('2026-12');
    expect(monthIndex({ month: '2027-01' }) - monthIndex({ month: '2026-12' })).toBe(1);
  });

  it('takes the month of a date', () => {
    expect(monthOfDate('2026-02-28')).toBe('2026-02');
  });

  it.each(['2026-13', '2026-00', '2026-1', '202603', '2026-03-01'])('refuses %p with a typed error', (month) => {
    expect(() => parseMonth({ month, path: 'request.fromMonth' })).toThrow(ScheduleInputError);
    try {
      parseMonth({ month, path: 'request.fromMonth' });
    } catch (error) {
      expect(error).toMatchObject({ code: 'INVALID_MONTH', path: 'request.fromMonth' });
    }
  });
});
