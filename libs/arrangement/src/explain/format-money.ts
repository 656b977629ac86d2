import type { Locale } from './locale.js';

/** Thrown for an amount that is not a whole number of cents: formatting must never round money. */
export class InvalidMoneyError extends Error {
  constructor(readonly value: number) {
    super(`not a whole number of cents: ${value}`);
    this.name = 'InvalidMoneyError';
  }
}

/** Digits grouped by three from the right, e.g. "1234567" → "1.234.567". */
function group(digits: string, separator: string): string {
  let result = '';
  for (let end = digits.length; end > 0; end -= 3) {
    const part = digits.slice(Math.max(0, end - 3), end);
    result = result === '' ? part : `${part}${separator}${result}`;
  }
  return result;
}

/**
 * "€ 1.234,56" (nl) or "€1,234.56" (en) from whole cents. Euros and cents are split with integer
 * remainders, never by dividing into a fraction, so no amount can be shown a cent off. The Dutch form
 * uses a non-breaking space, as the platform's formatEuro does, so "€" never wraps away from the
 * number on a narrow phone screen. A negative amount puts the sign first: "-€ 2,50", "-€2.50".
 */
export function formatMoney(params: { readonly cents: number; readonly locale: Locale }): string {
  const { cents, locale } = params;
  if (!Number.isSafeInteger(cents)) throw new InvalidMoneyError(cents);
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  const centPart = absolute % 100;
  // (absolute − centPart) is a multiple of 100, so this division is exact for every safe integer.
  const euros = String((absolute - centPart) / 100);
  const centText = String(centPart).padStart(2, '0');
  switch (locale) {
    case 'nl':
      return `${sign}€\u00a0${group(euros, '.')},${centText}`;
    case 'en':
      return `${sign}€${group(euros, ',')}.${centText}`;
  }
}
