import { describe, expect, it } from '@jest/globals';
import { MAX_CONSENT_VALIDITY_DAYS } from '#contracts';
import { nl } from '../i18n/nl.js';
import { MANDATE_DURATIONS, mandateEnd, validateMandateForm } from './mandate-form.js';

describe('the mandate form', () => {
  it('takes a code as typed and one of the three durations', () => {
    expect(validateMandateForm({ code: ' k7qm 2xpa ', duration: '12' }, nl)).toEqual({ ok: true, value: { code: 'k7qm 2xpa', months: 12 } });
  });

  it('names each missing or impossible answer at its field', () => {
    expect(validateMandateForm({}, nl)).toEqual({
      ok: false,
      errors: [
        { field: 'code', message: nl.mandate.errors.code },
        { field: 'duration', message: nl.mandate.errors.duration },
      ],
    });
    expect(validateMandateForm({ code: 'x'.repeat(21), duration: '24' }, nl)).toEqual({
      ok: false,
      errors: [
        { field: 'code', message: nl.mandate.errors.codeInvalid },
        { field: 'duration', message: nl.mandate.errors.duration },
      ],
    });
  });

  it('offers no duration the coordinator would refuse, whatever day it starts (leap years too)', () => {
    const longest = Math.max(...MANDATE_DURATIONS.map(Number));
    for (let day = 0; day < 4 * 366; day++) {
      const from = new Date(Date.UTC(2027, 0, 1 + day, 23, 30));
      expect((mandateEnd(from, longest).getTime() - from.getTime()) / 86_400_000).toBeLessThanOrEqual(MAX_CONSENT_VALIDITY_DAYS);
    }
  });

  it('ends a mandate on the same day months later, or on the last day of a shorter month', () => {
    expect(mandateEnd(new Date('2026-12-02T10:00:00Z'), 6).toISOString()).toBe('2027-06-02T10:00:00.000Z');
    expect(mandateEnd(new Date('2026-08-31T10:00:00Z'), 6).toISOString()).toBe('2027-02-28T10:00:00.000Z');
    expect(mandateEnd(new Date('2027-02-28T10:00:00Z'), 24).toISOString()).toBe('2029-02-28T10:00:00.000Z');
  });
});
