import { ScheduleInputError } from './schedule-input-error.js';

/**
 * Calendar months as 'YYYY-MM' strings. An instalment belongs to the month of the pay day it follows;
 * pauses are counted in these months. Arithmetic runs on a month index (year × 12 + month − 1), so
 * there are no dates, and no time zones, involved.
 */
const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;

export interface CalendarMonth {
  readonly year: number;
  /** 1–12. */
  readonly month: number;
}

export function parseMonth(params: { readonly month: string; readonly path?: string }): CalendarMonth {
  const path = params.path ?? 'month';
  const match = MONTH_PATTERN.exec(params.month);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  if (match === null || year < 1000 || month < 1 || month > 12) {
    throw new ScheduleInputError('INVALID_MONTH', `not a month in the form YYYY-MM: "${params.month}"`, path);
  }
  return { year, month };
}

export function formatMonth(month: CalendarMonth): string {
  return `${String(month.year).padStart(4, '0')}-${String(month.month).padStart(2, '0')}`;
}

/** A month as one integer, so months can be added and compared. */
export function monthIndex(params: { readonly month: string; readonly path?: string }): number {
  const { year, month } = parseMonth(params);
  return year * 12 + month - 1;
}

export function monthFromIndex(index: number): string {
  return formatMonth({ year: Math.floor(index / 12), month: (index % 12) + 1 });
}

export function addMonths(params: { readonly month: string; readonly months: number; readonly path?: string }): string {
  if (!Number.isSafeInteger(params.months)) throw new ScheduleInputError('INVALID_COUNT', `months must be a whole number: ${params.months}`, 'months');
  return monthFromIndex(monthIndex(params) + params.months);
}

/** The month a 'YYYY-MM-DD' date falls in (the date is expected to be valid already). */
export function monthOfDate(date: string): string {
  return date.slice(0, 7);
}
