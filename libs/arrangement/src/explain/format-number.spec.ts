import { describe, expect, it } from '@jest/globals';
import { formatNumber, formatPercentage } from './format-number.js';

describe('formatNumber', () => {
  it.each([
    [95, '95', '95'],
    [30.25, '30,25', '30.25'],
    [30.5, '30,5', '30.5'],
    [33.333, '33,33', '33.33'],
    [2, '2', '2'],
    [1.5, '1,5', '1.5'],
    [0.05, '0,05', '0.05'],
    [0, '0', '0'],
    [-2.5, '-2,5', '-2.5'],
    [1234.5, '1234,5', '1234.5'],
  ])('formats %p', (value, nl, en) => {
    expect(formatNumber({ value, locale: 'nl' })).toBe(nl);
    expect(formatNumber({ value, locale: 'en' })).toBe(en);
  });

  it('never shows NaN', () => {
    expect(formatNumber({ value: Number.NaN, locale: 'nl' })).toBe('?');
  });

  it('adds a percent sign', () => {
    expect(formatPercentage({ value: 30.25, locale: 'nl' })).toBe('30,25%');
  });
});
