import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { InvalidMoneyError, formatMoney } from './format-money.js';

const NBSP = '\u00a0';

describe('formatMoney', () => {
  it.each([
    [0, `€${NBSP}0,00`, '€0.00'],
    [5, `€${NBSP}0,05`, '€0.05'],
    [100, `€${NBSP}1,00`, '€1.00'],
    [123_456, `€${NBSP}1.234,56`, '€1,234.56'],
    [-123_456, `-€${NBSP}1.234,56`, '-€1,234.56'],
    [-5, `-€${NBSP}0,05`, '-€0.05'],
    [99_999, `€${NBSP}999,99`, '€999.99'],
    [100_000, `€${NBSP}1.000,00`, '€1,000.00'],
    [100_000_000_07, `€${NBSP}100.000.000,07`, '€100,000,000.07'],
    [Number.MAX_SAFE_INTEGER, `€${NBSP}90.071.992.547.409,91`, '€90,071,992,547,409.91'],
    [-0, `€${NBSP}0,00`, '€0.00'],
  ])('formats %p cents', (cents, nl, en) => {
    expect(formatMoney({ cents, locale: 'nl' })).toBe(nl);
    expect(formatMoney({ cents, locale: 'en' })).toBe(en);
  });

  it.each([0.5, 12.345, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1])('refuses %p: not whole cents', (cents) => {
    expect(() => formatMoney({ cents, locale: 'nl' })).toThrow(InvalidMoneyError);
  });

  it('agrees with exact bigint arithmetic on any safe integer', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (cents) => {
        const big = BigInt(cents);
        const absolute = big < 0n ? -big : big;
        const euros = (absolute / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
        const expected = `${big < 0n ? '-' : ''}€${NBSP}${euros},${(absolute % 100n).toString().padStart(2, '0')}`;
        expect(formatMoney({ cents, locale: 'nl' })).toBe(expected);
      }),
    );
  });
});
