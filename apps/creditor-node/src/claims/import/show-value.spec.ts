import { describe, expect, it } from '@jest/globals';
import { showAmount, showValue } from './show-value.js';

describe('showValue', () => {
  it('quotes text so stray spaces are visible', () => {
    expect(showValue('herinnering')).toBe("'herinnering'");
    expect(showValue('3511 AB ')).toBe("'3511 AB '");
  });

  it('makes control characters visible', () => {
    expect(showValue('Factuur\u0007')).toBe("'Factuur\\u0007'");
  });

  it('cuts long text short', () => {
    const shown = showValue('x'.repeat(500));
    expect(shown).toBe(`'${'x'.repeat(39)}…'`);
  });

  it('names non-text values plainly', () => {
    expect(showValue(12)).toBe('12');
    expect(showValue(true)).toBe('true');
    expect(showValue(null)).toBe('null');
    expect(showValue(undefined)).toBe('nothing');
    expect(showValue(['a'])).toBe('a list');
    expect(showValue({ a: 1 })).toBe('an object');
  });
});

describe('showAmount', () => {
  it('shows an amount bare, as typed', () => {
    expect(showAmount('-500')).toBe('-500');
    expect(showAmount('12.50')).toBe('12.50');
    expect(showAmount(250)).toBe('250');
  });
});
