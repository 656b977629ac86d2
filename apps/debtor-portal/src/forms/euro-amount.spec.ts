import { describe, expect, it } from '@jest/globals';
import { parseEuroAmount } from './euro-amount.js';

describe('parseEuroAmount', () => {
  it.each([
    ['1450', 145_000],
    ['1450,50', 145_050],
    ['1450,5', 145_050],
    ['1.450,50', 145_050],
    ['1,450.50', 145_050],
    ['€ 1.450', 145_000],
    ['€\u00a01450.05', 145_005],
    ['0', 0],
    [',50', 50],
    ['12.345.678,90', 1_234_567_890],
    ['-20', -2_000],
  ])('reads %j as %d cents', (text, cents) => {
    expect(parseEuroAmount(text)).toBe(cents);
  });

  it.each(['', 'abc', '12,3456', '1.45.0', '1..5', '14 50 x', '1e5', '€', '1.4500'])('refuses %j', (text) => {
    expect(parseEuroAmount(text)).toBeUndefined();
  });
});
