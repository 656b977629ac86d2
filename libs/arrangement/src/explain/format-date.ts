import type { Locale } from './locale.js';

const MONTH_NAMES: Record<Locale, readonly string[]> = {
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/**
 * Dates as people say them: "26 maart 2026", "26 March 2026"; months as "maart 2026". Read straight
 * from the 'YYYY-MM-DD' / 'YYYY-MM' text, so no time zone can shift the day. Anything else gives
 * undefined, and the text then leaves the date out rather than show a code.
 */
export function formatDateText(params: { readonly date: string | undefined; readonly locale: Locale }): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(params.date ?? '');
  if (match === null) return undefined;
  const name = MONTH_NAMES[params.locale][Number(match[2]) - 1];
  const day = Number(match[3]);
  return name === undefined || day < 1 || day > 31 ? undefined : `${day} ${name} ${match[1]}`;
}

export function formatMonthText(params: { readonly month: string | undefined; readonly locale: Locale }): string | undefined {
  const match = /^(\d{4})-(\d{2})$/.exec(params.month ?? '');
  if (match === null) return undefined;
  const name = MONTH_NAMES[params.locale][Number(match[2]) - 1];
  return name === undefined ? undefined : `${name} ${match[1]}`;
}
