import { compareDates, daysInMonth, formatDate, parseDate } from './calendar-date.js';
import { addMonths, formatMonth, monthIndex, monthOfDate, parseMonth } from './calendar-month.js';
import { ScheduleInputError } from './schedule-input-error.js';

/**
 * RULES.md §3: an instalment is due the day after the resident's pay day, so the money is collected
 * while it is still on the account, not at the end of the month when it is gone.
 */
export interface InstalmentDate {
  /** The month of the pay day this instalment follows, 'YYYY-MM'. */
  readonly month: string;
  readonly payDate: string;
  /** The day after the pay date; with pay day 31 this can be the 1st of the next month. */
  readonly dueDate: string;
}

export function validatePayDay(payDay: number, path = 'payDay'): void {
  if (!Number.isInteger(payDay) || payDay < 1 || payDay > 31) {
    throw new ScheduleInputError('INVALID_PAY_DAY', `pay day must be a whole number from 1 to 31: ${payDay}`, path);
  }
}

/** The pay date in a month: a pay day past the month's end (31 in April, 30 in February) is its last day. */
export function payDateIn(params: { readonly month: string; readonly payDay: number }): string {
  validatePayDay(params.payDay);
  const { year, month } = parseMonth({ month: params.month });
  return formatDate({ year, month, day: Math.min(params.payDay, daysInMonth({ year, month })) });
}

/**
 * The pay date and due date in one month, in plain integer arithmetic (this runs once per month of
 * every plan): the day after a pay day on the month's last day is the 1st of the next month.
 */
function instalmentDateAt(year: number, month: number, payDay: number): InstalmentDate {
  const last = daysInMonth({ year, month });
  const day = Math.min(payDay, last);
  const due = day < last ? { year, month, day: day + 1 } : month === 12 ? { year: year + 1, month: 1, day: 1 } : { year, month: month + 1, day: 1 };
  return { month: formatMonth({ year, month }), payDate: formatDate({ year, month, day }), dueDate: formatDate(due) };
}

/** The due date of the instalment that follows the pay day of `month`. */
export function dueDateIn(params: { readonly month: string; readonly payDay: number }): InstalmentDate {
  validatePayDay(params.payDay);
  const { year, month } = parseMonth({ month: params.month });
  return instalmentDateAt(year, month, params.payDay);
}

/**
 * The first month whose pay date falls on or after `startsAfter` (the day all creditors accepted):
 * the resident never pays before the plan exists, and starts with the first pay after that.
 */
export function firstInstalmentMonth(params: { readonly payDay: number; readonly startsAfter: string }): string {
  const accepted = parseDate({ date: params.startsAfter, path: 'startsAfter' });
  const month = monthOfDate(formatDate(accepted));
  return compareDates(payDateIn({ month, payDay: params.payDay }), params.startsAfter) >= 0 ? month : addMonths({ month, months: 1 });
}

/** The dates of `count` monthly instalments, one per month from the first month after acceptance. */
export function instalmentDates(params: {
  readonly payDay: number;
  readonly startsAfter: string;
  readonly count: number;
}): InstalmentDate[] {
  const { payDay, startsAfter, count } = params;
  validatePayDay(payDay);
  if (!Number.isSafeInteger(count) || count < 0) throw new ScheduleInputError('INVALID_COUNT', `count must be a whole number ≥ 0: ${count}`, 'count');
  const first = monthIndex({ month: firstInstalmentMonth({ payDay, startsAfter }) });
  return Array.from({ length: count }, (_, offset) => {
    const index = first + offset;
    return instalmentDateAt(Math.floor(index / 12), (index % 12) + 1, payDay);
  });
}
