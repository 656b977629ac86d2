import { describe, expect, it } from '@jest/globals';
import { hasIsoDateShape, isCalendarDate } from './calendar-date.js';

describe('calendar dates', () => {
  it.each(['2025-01-31', '2024-02-29', '2000-02-29', '1900-01-01', '2025-12-31', '2025-04-30'])(
    'accepts the real date %s',
    (text) => {
      expect(isCalendarDate(text)).toBe(true);
    },
  );

  it.each([
    ['2025-02-29', 'not a leap year'],
    ['1900-02-29', 'centuries are leap years only when divisible by 400'],
    ['2025-02-30', 'February never has 30 days'],
    ['2025-04-31', 'April has 30 days'],
    ['2025-13-01', 'no 13th month'],
    ['2025-00-10', 'no month 0'],
    ['2025-01-00', 'no day 0'],
  ])('refuses %s (%s)', (text) => {
    expect(hasIsoDateShape(text)).toBe(true);
    expect(isCalendarDate(text)).toBe(false);
  });

  it.each(['31-03-2025', '2025-3-31', '2025/03/31', '20250331', '2025-03-31T00:00:00Z', ' 2025-03-31', ''])(
    'refuses %j, which is not written as YYYY-MM-DD',
    (text) => {
      expect(hasIsoDateShape(text)).toBe(false);
      expect(isCalendarDate(text)).toBe(false);
    },
  );
});
