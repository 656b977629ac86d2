import { ScheduleInputError } from './schedule-input-error.js';

/**
 * Calendar dates as 'YYYY-MM-DD' strings. All arithmetic goes through UTC, so the machine's time zone
 * (and its daylight-saving jumps) can never move a due date by a day.
 */
export interface CalendarDate {
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  /** 1–31. */
  readonly day: number;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Date.UTC maps years 0–99 to 1900–1999, so four-digit years from 1000 keep the arithmetic honest. */
const MIN_YEAR = 1000;
const MS_PER_DAY = 86_400_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(params: { readonly year: number; readonly month: number }): number {
  const { year, month } = params;
  switch (month) {
    case 2:
      return isLeapYear(year) ? 29 : 28;
    case 4:
    case 6:
    case 9:
    case 11:
      return 30;
    default:
      return 31;
  }
}

/** Parses and validates 'YYYY-MM-DD'; an impossible date such as 2026-02-30 is an error, not March 2. */
export function parseDate(params: { readonly date: string; readonly path?: string }): CalendarDate {
  const path = params.path ?? 'date';
  const match = DATE_PATTERN.exec(params.date);
  if (match === null) throw new ScheduleInputError('INVALID_DATE', `not a date in the form YYYY-MM-DD: "${params.date}"`, path);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth({ year, month })) {
    throw new ScheduleInputError('INVALID_DATE', `no such date: "${params.date}"`, path);
  }
  return { year, month, day };
}

export function formatDate(date: CalendarDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

function toEpochDay(date: CalendarDate): number {
  return Date.UTC(date.year, date.month - 1, date.day) / MS_PER_DAY;
}

function fromEpochDay(epochDay: number): CalendarDate {
  const utc = new Date(epochDay * MS_PER_DAY);
  return { year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate() };
}

/** The date `days` later (or earlier, when negative). */
export function addDays(params: { readonly date: string; readonly days: number; readonly path?: string }): string {
  if (!Number.isSafeInteger(params.days)) throw new ScheduleInputError('INVALID_COUNT', `days must be a whole number: ${params.days}`, 'days');
  return formatDate(fromEpochDay(toEpochDay(parseDate(params)) + params.days));
}

/** Negative when a is before b, 0 when equal; valid 'YYYY-MM-DD' strings sort like the dates they name. */
export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
