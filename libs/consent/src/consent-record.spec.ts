import { describe, expect, it } from '@jest/globals';
import { DataCategory } from '#contracts';
import { ConsentState } from './consent-lifecycle.js';
import { checkConsentRequest, checkMandateRequest, consentCovers, consentTextHash, type ConsentRecord } from './consent-record.js';

const NOW = new Date('2026-03-02T09:00:00Z');
const known = new Set(['gemeente-utrecht', 'hdsr']);
const inDays = (days: number): Date => new Date(NOW.getTime() + days * 86_400_000);

const consent: ConsentRecord = {
  id: 'c-1',
  residentId: 'r-1',
  givenBy: { kind: 'resident', id: 'r-1' },
  purpose: 'debt-overview',
  creditorIds: ['gemeente-utrecht'],
  categories: [DataCategory.CLAIMS],
  validFrom: NOW,
  validUntil: inDays(90),
  textHash: consentTextHash('Ik geef toestemming…'),
  state: ConsentState.GIVEN,
};

describe('consent requests', () => {
  it('accepts a complete request', () => {
    const errors = checkConsentRequest({
      purpose: 'collective-arrangement',
      creditorIds: ['gemeente-utrecht', 'hdsr'],
      categories: ['claims', 'arrangement'],
      validUntil: inDays(180),
      knownCreditorIds: known,
      now: NOW,
    });
    expect(errors).toEqual([]);
  });

  it('names every problem with a stable code', () => {
    const errors = checkConsentRequest({
      purpose: 'marketing',
      creditorIds: ['onbekend-incasso'],
      categories: ['bsn'],
      validUntil: inDays(-1),
      knownCreditorIds: known,
      now: NOW,
    });
    expect(errors.map((e) => e.code)).toEqual([
      'CONSENT_UNKNOWN_PURPOSE',
      'CONSENT_UNKNOWN_CREDITOR',
      'CONSENT_UNKNOWN_CATEGORY',
      'CONSENT_VALIDITY_IN_PAST',
    ]);
  });

  it('refuses an empty choice and a validity beyond a year', () => {
    const errors = checkConsentRequest({
      purpose: 'debt-overview',
      creditorIds: [],
      categories: [],
      validUntil: inDays(400),
      knownCreditorIds: known,
      now: NOW,
    });
    expect(errors.map((e) => e.code)).toEqual(['CONSENT_NO_CREDITORS', 'CONSENT_NO_CATEGORIES', 'CONSENT_VALIDITY_TOO_LONG']);
  });

  it('refuses a mandate for oneself', () => {
    const validity = { validUntil: inDays(90), now: NOW };
    expect(checkMandateRequest({ residentId: 'u-7', counsellorId: 'u-7', ...validity }).map((e) => e.code)).toEqual(['MANDATE_FOR_SELF']);
    expect(checkMandateRequest({ residentId: 'u-7', counsellorId: 'shv-3', ...validity })).toEqual([]);
  });

  it('refuses a mandate that ended already, lasts too long, or has no real date', () => {
    const codes = (validUntil: Date): string[] =>
      checkMandateRequest({ residentId: 'u-7', counsellorId: 'shv-3', validUntil, now: NOW }).map((e) => e.code);
    expect(codes(inDays(-1))).toEqual(['CONSENT_VALIDITY_IN_PAST']);
    expect(codes(NOW)).toEqual(['CONSENT_VALIDITY_IN_PAST']);
    expect(codes(inDays(400))).toEqual(['CONSENT_VALIDITY_TOO_LONG']);
    expect(codes(new Date(Number.NaN))).toEqual(['CONSENT_VALIDITY_IN_PAST']);
  });
});

describe('what a consent covers', () => {
  const request = { creditorId: 'gemeente-utrecht', category: DataCategory.CLAIMS, now: inDays(1) };

  it('covers its creditor and category while given and valid', () => {
    expect(consentCovers(consent, request)).toBe(true);
  });

  it.each([
    ['another creditor', { ...request, creditorId: 'hdsr' }, consent],
    ['another category', { ...request, category: DataCategory.ARRANGEMENT }, consent],
    ['after its end', { ...request, now: inDays(90) }, consent],
    ['before its start', { ...request, now: inDays(-1) }, consent],
    ['once withdrawn', request, { ...consent, state: ConsentState.WITHDRAWN }],
    ['once expired', request, { ...consent, state: ConsentState.EXPIRED }],
  ])('does not cover %s', (_label, asked, record) => {
    expect(consentCovers(record, asked)).toBe(false);
  });

  it('hashes the text shown independent of line endings', () => {
    expect(consentTextHash('a\r\nb')).toBe(consentTextHash('a\nb'));
    expect(consentTextHash('a\nb')).toMatch(/^[0-9a-f]{64}$/);
    expect(consentTextHash('a\nb')).not.toBe(consentTextHash('a\nc'));
  });
});
