import { formatDateText, formatMoney, formatMonthText } from '#arrangement';
import { PORTAL_LOCALES, type PortalLocale } from './catalogue.js';

/**
 * Money and dates the way people say them, in the page's language. Money arrives as a decimal
 * string of cents and is formatted from whole cents (never a float in between).
 */
export function money(wireCents: string, locale: PortalLocale): string {
  return formatMoney({ cents: Number(BigInt(wireCents)), locale: PORTAL_LOCALES[locale].platformLocale });
}

const amsterdamDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** "26 januari 2027" from an instant or a calendar date; the calendar is Amsterdam's. */
export function dateText(value: string, locale: PortalLocale): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : amsterdamDay.format(new Date(value));
  return formatDateText({ date: day, locale: PORTAL_LOCALES[locale].platformLocale }) ?? value;
}

/** "januari 2027" from YYYY-MM. */
export function monthText(month: string, locale: PortalLocale): string {
  return formatMonthText({ month, locale: PORTAL_LOCALES[locale].platformLocale }) ?? month;
}

/** Today's calendar date in Amsterdam, YYYY-MM-DD. */
export function todayInAmsterdam(now: Date = new Date()): string {
  return amsterdamDay.format(now);
}
