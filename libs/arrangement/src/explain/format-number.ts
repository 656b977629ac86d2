import type { Locale } from './locale.js';

/**
 * A number with at most two decimals, e.g. a percentage (30.25) or a weight (2, 1.5): "30,25" (nl)
 * or "30.25" (en); trailing zeros dropped, so 95 is "95", not "95,00". Not for money (see formatMoney).
 */
export function formatNumber(params: { readonly value: number; readonly locale: Locale }): string {
  const { value, locale } = params;
  if (!Number.isFinite(value)) return '?';
  const hundredths = Math.round(Math.abs(value) * 100);
  const fraction = hundredths % 100;
  const whole = String((hundredths - fraction) / 100);
  const decimals = fraction === 0 ? '' : String(fraction).padStart(2, '0').replace(/0$/, '');
  const sign = value < 0 && hundredths > 0 ? '-' : '';
  const separator = locale === 'nl' ? ',' : '.';
  return decimals === '' ? `${sign}${whole}` : `${sign}${whole}${separator}${decimals}`;
}

export function formatPercentage(params: { readonly value: number; readonly locale: Locale }): string {
  return `${formatNumber(params)}%`;
}
