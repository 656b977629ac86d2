import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { addDays, daysInMonth, formatDate, parseDate } from './calendar-date.js';
import { addMonths } from './calendar-month.js';
import { dueDateIn, firstInstalmentMonth, instalmentDates, payDateIn } from './instalment-dates.js';
import { ScheduleInputError } from './schedule-input-error.js';

describe('instalment dates', () => {
  it('falls due the day after the pay day, every month', () => {
    expect(instalmentDates({ payDay: 25, startsAfter: '2026-03-10', count: 3 })).toEqual([
      { month: '2026-03', payDate: '2026-03-25', dueDate: '2026-03-26' },
      { month: '2026-04', payDate: '2026-04-25', dueDate: '2026-04-26' },
      { month: '2026-05', payDate: '2026-05-25', dueDate: '2026-05-26' },
    ]);
  });

  it('starts with the first pay day on or after acceptance', () => {
    expect(firstInstalmentMonth({ payDay: 25, startsAfter: '2026-03-25' })).toBe('2026-03');
    expect(firstInstalmentMonth({ payDay: 25, startsAfter: '2026-03-26' })).toBe('2026-04');
    expect(firstInstalmentMonth({ payDay: 25, startsAfter: '2026-12-31' })).toBe('2027-01');
    // Pay day 30 in February is the 28th, which is on or after an acceptance on the 28th.
    expect(firstInstalmentMonth({ payDay: 30, startsAfter: '2026-02-28' })).toBe('2026-02');
  });

  it('moves a pay day past the end of the month to its last day', () => {
    expect(payDateIn({ month: '2026-02', payDay: 31 })).toBe('2026-02-28');
    expect(payDateIn({ month: '2028-02', payDay: 31 })).toBe('2028-02-29');
    expect(payDateIn({ month: '2026-04', payDay: 31 })).toBe('2026-04-30');
    expect(payDateIn({ month: '2026-02', payDay: 29 })).toBe('2026-02-28');
  });

  it('puts the instalment after pay day 31 on the 1st of the next month', () => {
    expect(instalmentDates({ payDay: 31, startsAfter: '2026-01-01', count: 4 }).map((date) => date.dueDate)).toEqual([
      '2026-02-01',
      '2026-03-01',
      '2026-04-01',
      '2026-05-01',
    ]);
    expect(dueDateIn({ month: '2028-02', payDay: 31 }).dueDate).toBe('2028-03-01');
    expect(dueDateIn({ month: '2026-12', payDay: 31 }).dueDate).toBe('2027-01-01');
  });

  it('gives no dates for a plan without months', () => {
    expect(instalmentDates({ payDay: 1, startsAfter: '2026-01-01', count: 0 })).toEqual([]);
  });

  it('refuses impossible input with typed errors', () => {
    const codeOf = (run: () => unknown): string | undefined => {
      try {
        run();
      } catch (error) {
        return error instanceof ScheduleInputError ? `${error.code} ${error.path}` : 'other';
      }
      return undefined;
    };
    expect(codeOf(() => instalmentDates({ payDay: 25, startsAfter: '2026-02-30', count: 1 }))).toBe('INVALID_DATE startsAfter');
    expect(codeOf(() => instalmentDates({ payDay: 0, startsAfter: '2026-02-01', count: 1 }))).toBe('INVALID_PAY_DAY payDay');
    expect(codeOf(() => instalmentDates({ payDay: 32, startsAfter: '2026-02-01', count: 1 }))).toBe('INVALID_PAY_DAY payDay');
    expect(codeOf(() => instalmentDates({ payDay: 1.5, startsAfter: '2026-02-01', count: 1 }))).toBe('INVALID_PAY_DAY payDay');
    expect(codeOf(() => instalmentDates({ payDay: 1, startsAfter: '2026-02-01', count: -1 }))).toBe('INVALID_COUNT count');
  });

  it('holds for any pay day and acceptance date', () => {
    const acceptance = fc
      .record({ year: fc.integer({ min: 2021, max: 2040 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
      .map(({ year, month, day }) => formatDate({ year, month, day: Math.min(day, daysInMonth({ year, month })) }));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 31 }), acceptance, fc.integer({ min: 1, max: 40 }), (payDay, startsAfter, count) => {
        const dates = instalmentDates({ payDay, startsAfter, count });
        expect(dates).toHaveLength(count);
        dates.forEach((date, index) => {
          const pay = parseDate({ date: date.payDate });
          expect(pay.day).toBe(Math.min(payDay, daysInMonth(pay)));
          expect(date.dueDate).toBe(addDays({ date: date.payDate, days: 1 }));
          expect(date.payDate >= startsAfter).toBe(true);
          if (index > 0) {
            const previous = dates[index - 1];
            expect(previous && addMonths({ month: previous.month, months: 1 })).toBe(date.month);
            expect(previous && previous.dueDate < date.dueDate).toBe(true);
          }
        });
        // The month before the first has its pay day before acceptance: no earlier start was possible.
        const first = dates[0];
        if (first !== undefined) expect(payDateIn({ month: addMonths({ month: first.month, months: -1 }), payDay }) < startsAfter).toBe(true);
      }),
    );
  });
});
