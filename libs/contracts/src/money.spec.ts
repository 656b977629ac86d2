import { describe, expect, it } from '@jest/globals';
import { InvalidCentsError, cents, formatEuro, parseCents, sumCents } from './money.js';

describe('money as whole cents', () => {
  it.each([['0', 0], ['12345', 12345], ['-500', -500], ['1000000000', 1_000_000_000]])('parses %s', (text, value) => {
    expect(parseCents(text)).toBe(value);
  });

  it.each(['12.50', '1,00', '', ' 1', '01', '1e3', '-0x1', '99999999999999999'])('refuses %j', (text) => {
    expect(() => parseCents(text)).toThrow(InvalidCentsError);
  });

  it('refuses fractions and unsafe integers', () => {
    expect(() => cents(0.1)).toThrow(InvalidCentsError);
    expect(() => cents(2 ** 53)).toThrow(InvalidCentsError);
    expect(() => sumCents([cents(Number.MAX_SAFE_INTEGER), cents(1)])).toThrow(InvalidCentsError);
  });

  it('formats for Dutch readers without going through fractions', () => {
    expect(formatEuro(cents(123456))).toBe('€\u00a01.234,56');
    expect(formatEuro(cents(5))).toBe('€\u00a00,05');
    expect(formatEuro(cents(100_000_000_07))).toBe('€\u00a0100.000.000,07');
    expect(formatEuro(cents(-250))).toBe('-€\u00a02,50');
  });
});
