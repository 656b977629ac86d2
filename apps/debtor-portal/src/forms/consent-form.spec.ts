import { describe, expect, it } from '@jest/globals';
import { PORTAL_LOCALES } from '../i18n/catalogue.js';
import { CATEGORIES_FOR, validateConsentForm } from './consent-form.js';

const nl = PORTAL_LOCALES.nl.messages;
const en = PORTAL_LOCALES.en.messages;
const linked = ['cred-a', 'cred-b', 'cred-c'];

describe('validateConsentForm', () => {
  it('assumes nothing: an empty form has three problems, each next to its own field', () => {
    expect(validateConsentForm({}, linked, en)).toEqual({
      ok: false,
      errors: [
        { field: 'creditorIds', message: en.consent.errors.creditors },
        { field: 'purposes', message: en.consent.errors.purposes },
        { field: 'duration', message: en.consent.errors.duration },
      ],
    });
  });

  it('turns a filled-in form into the consent answers, the duration in days', () => {
    const result = validateConsentForm({ creditorIds: ['cred-c', 'cred-a'], purposes: ['COLLECTIVE_ARRANGEMENT', 'DEBT_OVERVIEW'], duration: '182' }, linked, nl);
    expect(result).toEqual({ ok: true, value: { creditorIds: ['cred-c', 'cred-a'], purposes: ['DEBT_OVERVIEW', 'COLLECTIVE_ARRANGEMENT'], days: 182 } });
  });

  it('takes a single checked box, sent as a string, as a list of one', () => {
    const result = validateConsentForm({ creditorIds: 'cred-b', purposes: 'DEBT_OVERVIEW', duration: '90' }, linked, nl);
    expect(result).toEqual({ ok: true, value: { creditorIds: ['cred-b'], purposes: ['DEBT_OVERVIEW'], days: 90 } });
  });

  it('refuses a creditor the resident has not linked, even next to linked ones', () => {
    const result = validateConsentForm({ creditorIds: ['cred-a', 'cred-x'], purposes: 'DEBT_OVERVIEW', duration: '365' }, linked, nl);
    expect(result).toEqual({ ok: false, errors: [{ field: 'creditorIds', message: nl.consent.errors.creditors }] });
  });

  it('refuses a purpose it does not know, even next to a known one', () => {
    const unknownOnly = validateConsentForm({ creditorIds: 'cred-a', purposes: 'MARKETING', duration: '365' }, linked, nl);
    const mixed = validateConsentForm({ creditorIds: 'cred-a', purposes: ['DEBT_OVERVIEW', 'MARKETING'], duration: '365' }, linked, nl);
    expect(unknownOnly).toEqual({ ok: false, errors: [{ field: 'purposes', message: nl.consent.errors.purposes }] });
    expect(mixed).toEqual({ ok: false, errors: [{ field: 'purposes', message: nl.consent.errors.purposes }] });
  });

  it('refuses a duration that is not one of the three choices', () => {
    for (const duration of ['30', '366', '', '90 dagen']) {
      expect(validateConsentForm({ creditorIds: 'cred-a', purposes: 'DEBT_OVERVIEW', duration }, linked, nl)).toEqual({
        ok: false,
        errors: [{ field: 'duration', message: nl.consent.errors.duration }],
      });
    }
  });

  it('counts a creditor or purpose sent twice once', () => {
    const result = validateConsentForm({ creditorIds: ['cred-a', 'cred-a', ' cred-b '], purposes: ['DEBT_OVERVIEW', 'DEBT_OVERVIEW'], duration: '365' }, linked, nl);
    expect(result).toEqual({ ok: true, value: { creditorIds: ['cred-a', 'cred-b'], purposes: ['DEBT_OVERVIEW'], days: 365 } });
  });

  it('ignores empty checkbox values', () => {
    const result = validateConsentForm({ creditorIds: ['', 'cred-c'], purposes: ['', 'COLLECTIVE_ARRANGEMENT'], duration: '90' }, linked, nl);
    expect(result).toEqual({ ok: true, value: { creditorIds: ['cred-c'], purposes: ['COLLECTIVE_ARRANGEMENT'], days: 90 } });
  });
});

describe('CATEGORIES_FOR', () => {
  it('shares the claims for an overview, and the claims and the arrangement for an arrangement', () => {
    expect(CATEGORIES_FOR).toEqual({ DEBT_OVERVIEW: ['CLAIMS'], COLLECTIVE_ARRANGEMENT: ['CLAIMS', 'ARRANGEMENT'] });
  });
});
