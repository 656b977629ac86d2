/**
 * Calendar dates as YYYY-MM-DD strings. Import never builds a Date: a Date carries a time zone, and
 * '2025-03-31' parsed in UTC and shown in Amsterdam (or the reverse) can turn into another day.
 * ISO dates of the same length compare correctly as strings, so comparisons need no Date either.
 */

const ISO_DATE_SHAPE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

/** True for text shaped like YYYY-MM-DD, whether or not that day exists. */
export function hasIsoDateShape(text: string): boolean {
  return ISO_DATE_SHAPE.test(text);
}

/** True when the text is YYYY-MM-DD and that day exists in the Gregorian calendar. */
export function isCalendarDate(text: string): boolean {
  const match = ISO_DATE_SHAPE.exec(text);
  if (match === null) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth({ year, month });
}

function daysInMonth(params: { year: number; month: number }): number {
  const { year, month } = params;
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
