import { describe, expect, it } from '@jest/globals';
import { PORTAL_LOCALES } from '../i18n/catalogue.js';
import { normalisePostcode, parseDayMonthYear, validateLinkForm } from './link-form.js';

const nl = PORTAL_LOCALES.nl.messages;
const en = PORTAL_LOCALES.en.messages;
const creditors = ['cred-a', 'cred-b'];
const today = '2026-05-20';

describe('validateLinkForm', () => {
  it('turns a filled-in form into the link answers, postcode and date of birth written the one way', () => {
    const result = validateLinkForm({ creditorId: 'cred-b', reference: '  AB   123  45 ', postcode: '3511ab', birthDate: '12-3-1984' }, creditors, nl, today);
    expect(result).toEqual({ ok: true, value: { creditorId: 'cred-b', reference: 'AB 123 45', postcode: '3511 AB', birthDate: '1984-03-12' } });
  });

  it('leaves the date of birth out when none is given', () => {
    const result = validateLinkForm({ creditorId: 'cred-a', reference: 'R-1', postcode: '1012 JS', birthDate: '' }, creditors, nl, today);
    expect(result).toEqual({ ok: true, value: { creditorId: 'cred-a', reference: 'R-1', postcode: '1012 JS', birthDate: undefined } });
  });

  it('leaves the date of birth out when the field is missing altogether', () => {
    const result = validateLinkForm({ creditorId: 'cred-a', reference: 'R-1', postcode: '1012JS' }, creditors, nl, today);
    expect(result).toEqual({ ok: true, value: { creditorId: 'cred-a', reference: 'R-1', postcode: '1012 JS', birthDate: undefined } });
  });

  it('names every problem at once, each next to its own field, in the chosen language', () => {
    const result = validateLinkForm({ creditorId: '', reference: '   ', postcode: '0123 AB', birthDate: 'gisteren' }, creditors, en, today);
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'creditorId', message: en.link.errors.creditor },
        { field: 'reference', message: en.link.errors.reference },
        { field: 'postcode', message: en.link.errors.postcode },
        { field: 'birthDate', message: en.link.errors.birthDate },
      ],
    });
  });

  it('refuses a creditor that is not in the list', () => {
    const result = validateLinkForm({ creditorId: 'cred-z', reference: 'R-1', postcode: '3511 AB', birthDate: '' }, creditors, nl, today);
    expect(result).toEqual({ ok: false, errors: [{ field: 'creditorId', message: nl.link.errors.creditor }] });
  });

  it('accepts a reference of 64 characters and refuses one of 65', () => {
    const fits = validateLinkForm({ creditorId: 'cred-a', reference: 'x'.repeat(64), postcode: '3511 AB' }, creditors, nl, today);
    const tooLong = validateLinkForm({ creditorId: 'cred-a', reference: 'x'.repeat(65), postcode: '3511 AB' }, creditors, nl, today);
    expect(fits).toMatchObject({ ok: true, value: { reference: 'x'.repeat(64) } });
    expect(tooLong).toEqual({ ok: false, errors: [{ field: 'reference', message: nl.link.errors.referenceLong }] });
  });

  it('refuses a date of birth in the future, today, before 1900, or a day that does not exist', () => {
    const birthErrors = (birthDate: string) => {
      const result = validateLinkForm({ creditorId: 'cred-a', reference: 'R-1', postcode: '3511 AB', birthDate }, creditors, nl, today);
      return result.ok ? [] : result.errors;
    };
    const refused = [{ field: 'birthDate', message: nl.link.errors.birthDate }];
    expect(birthErrors('01-01-2030')).toEqual(refused);
    expect(birthErrors('20-05-2026')).toEqual(refused);
    expect(birthErrors('31-12-1899')).toEqual(refused);
    expect(birthErrors('31-02-1990')).toEqual(refused);
    expect(birthErrors('19-05-2026')).toEqual([]);
    expect(birthErrors('01-01-1900')).toEqual([]);
  });

  it('reads a list-valued field by its first value', () => {
    const result = validateLinkForm({ creditorId: ['cred-a', 'cred-b'], reference: ['R-1'], postcode: ['3511 ab'] }, creditors, nl, today);
    expect(result).toEqual({ ok: true, value: { creditorId: 'cred-a', reference: 'R-1', postcode: '3511 AB', birthDate: undefined } });
  });
});

describe('normalisePostcode', () => {
  it('writes every spelling of a postcode as four digits, a space and two capitals', () => {
    expect(normalisePostcode('3511ab')).toBe('3511 AB');
    expect(normalisePostcode('3511 AB')).toBe('3511 AB');
    expect(normalisePostcode('  3511   aB ')).toBe('3511 AB');
    expect(normalisePostcode('9999zz')).toBe('9999 ZZ');
  });

  it('refuses what is not a Dutch postcode', () => {
    expect(normalisePostcode('0511 AB')).toBeUndefined();
    expect(normalisePostcode('351 AB')).toBeUndefined();
    expect(normalisePostcode('35111 AB')).toBeUndefined();
    expect(normalisePostcode('3511 A')).toBeUndefined();
    expect(normalisePostcode('3511 ABC')).toBeUndefined();
    expect(normalisePostcode('3511-AB')).toBeUndefined();
    expect(normalisePostcode('')).toBeUndefined();
  });
});

describe('parseDayMonthYear', () => {
  it('reads day-month-year with a dash, slash, dot or space, with or without leading zeros', () => {
    expect(parseDayMonthYear('12-03-1984')).toBe('1984-03-12');
    expect(parseDayMonthYear('12/3/1984')).toBe('1984-03-12');
    expect(parseDayMonthYear('1.2.2000')).toBe('2000-02-01');
    expect(parseDayMonthYear(' 5 11 1975 ')).toBe('1975-11-05');
  });

  it('knows leap years', () => {
    expect(parseDayMonthYear('29-02-2000')).toBe('2000-02-29');
    expect(parseDayMonthYear('29-02-1996')).toBe('1996-02-29');
    expect(parseDayMonthYear('29-02-1900')).toBeUndefined();
    expect(parseDayMonthYear('29-02-2023')).toBeUndefined();
  });

  it('refuses a day or month that does not exist, and other shapes of date', () => {
    expect(parseDayMonthYear('31-02-1990')).toBeUndefined();
    expect(parseDayMonthYear('31-04-1990')).toBeUndefined();
    expect(parseDayMonthYear('00-01-1990')).toBeUndefined();
    expect(parseDayMonthYear('01-13-1990')).toBeUndefined();
    expect(parseDayMonthYear('01-00-1990')).toBeUndefined();
    expect(parseDayMonthYear('1990-03-12')).toBeUndefined();
    expect(parseDayMonthYear('12-03-84')).toBeUndefined();
    expect(parseDayMonthYear('123-03-1984')).toBeUndefined();
    expect(parseDayMonthYear('12031984')).toBeUndefined();
    expect(parseDayMonthYear('')).toBeUndefined();
  });
});
