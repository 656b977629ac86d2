import { describe, expect, it } from '@jest/globals';
import { formatDateText, formatMonthText } from './format-date.js';

describe('date texts', () => {
  it('writes dates as people say them', () => {
    expect(formatDateText({ date: '2026-03-01', locale: 'nl' })).toBe('1 maart 2026');
    expect(formatDateText({ date: '2026-12-26', locale: 'en' })).toBe('26 December 2026');
    expect(formatMonthText({ month: '2026-05', locale: 'nl' })).toBe('mei 2026');
    expect(formatMonthText({ month: '2026-05', locale: 'en' })).toBe('May 2026');
  });

  it('gives nothing for text that is not a date, so no code reaches the resident', () => {
    expect(formatDateText({ date: undefined, locale: 'nl' })).toBeUndefined();
    expect(formatDateText({ date: '2026-13-01', locale: 'nl' })).toBeUndefined();
    expect(formatMonthText({ month: 'single', locale: 'nl' })).toBeUndefined();
  });
});
