import { describe, expect, it } from '@jest/globals';
import { readWholeCents } from './whole-cents.js';

describe('readWholeCents', () => {
  it.each([
    ['12345', 12345n],
    ['0', 0n],
    ['-500', -500n],
    ['1000000000', 1_000_000_000n],
    ['99999999999999999999', 99_999_999_999_999_999_999n],
  ])('reads %j as %s cents', (text, expected) => {
    expect(readWholeCents(text)).toBe(expected);
  });

  it.each(['12.50', '1.250', '1,250', '12,50', '€12', '1 250', '+500', '0500', '', '-', '1e3', 'abc', ' 12'])(
    'refuses %j: not a whole number of cents as written',
    (text) => {
      expect(readWholeCents(text)).toBeNull();
    },
  );

  it('accepts integer numbers, in case the Cents scalar was already parsed', () => {
    expect(readWholeCents(250)).toBe(250n);
    expect(readWholeCents(12.5)).toBeNull();
    expect(readWholeCents(Number.NaN)).toBeNull();
  });

  it('refuses anything else', () => {
    expect(readWholeCents(true)).toBeNull();
    expect(readWholeCents(null)).toBeNull();
    expect(readWholeCents(undefined)).toBeNull();
    expect(readWholeCents({ amount: 1 })).toBeNull();
  });
});
