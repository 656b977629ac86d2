import { describe, expect, it } from '@jest/globals';
import { PORTAL_LOCALES } from '../i18n/catalogue.js';
import { validatePauseForm, validateProposeForm } from './plan-form.js';

const nl = PORTAL_LOCALES.nl.messages;
const en = PORTAL_LOCALES.en.messages;

describe('validateProposeForm', () => {
  it('proposes a repayment plan without manual claims when nothing is filled in', () => {
    expect(validateProposeForm({}, nl)).toEqual({ ok: true, value: { mode: 'REPAYMENT', termMonths: undefined, manualClaims: [] } });
  });

  it('ignores a term for a repayment plan', () => {
    expect(validateProposeForm({ mode: 'REPAYMENT', termMonths: '999' }, nl)).toEqual({ ok: true, value: { mode: 'REPAYMENT', termMonths: undefined, manualClaims: [] } });
  });

  it('takes a settlement with its term, or without one', () => {
    expect(validateProposeForm({ mode: 'SETTLEMENT', termMonths: '18' }, nl)).toEqual({ ok: true, value: { mode: 'SETTLEMENT', termMonths: 18, manualClaims: [] } });
    expect(validateProposeForm({ mode: 'SETTLEMENT', termMonths: '' }, nl)).toEqual({ ok: true, value: { mode: 'SETTLEMENT', termMonths: undefined, manualClaims: [] } });
  });

  it('accepts a settlement term of 1 to 120 months and nothing else', () => {
    expect(validateProposeForm({ mode: 'SETTLEMENT', termMonths: '1' }, nl)).toMatchObject({ ok: true, value: { termMonths: 1 } });
    expect(validateProposeForm({ mode: 'SETTLEMENT', termMonths: '120' }, nl)).toMatchObject({ ok: true, value: { termMonths: 120 } });
    for (const termMonths of ['0', '121', '-3', '12.5', 'twaalf', '1e2', '0120']) {
      expect(validateProposeForm({ mode: 'SETTLEMENT', termMonths }, en)).toEqual({ ok: false, errors: [{ field: 'termMonths', message: en.caseload.errors.term }] });
    }
  });

  it('takes a manual claim with its amount in whole cents, preferential only when answered yes', () => {
    const result = validateProposeForm(
      {
        manualName1: 'Woningcorporatie Mitros',
        manualReference1: 'HUUR-2024',
        manualAmount1: '250,50',
        manualPreferential1: 'yes',
        manualName3: 'Sportschool',
        manualReference3: 'S-9',
        manualAmount3: '€ 1.200',
        manualPreferential3: 'no',
      },
      nl,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        mode: 'REPAYMENT',
        termMonths: undefined,
        manualClaims: [
          { creditorName: 'Woningcorporatie Mitros', reference: 'HUUR-2024', amount: '25050', preferential: true },
          { creditorName: 'Sportschool', reference: 'S-9', amount: '120000', preferential: false },
        ],
      },
    });
  });

  it('ignores a row left wholly empty (spaces count as empty)', () => {
    const result = validateProposeForm({ manualName2: '  ', manualReference2: '', manualAmount2: ' ', manualPreferential2: 'yes' }, nl);
    expect(result).toEqual({ ok: true, value: { mode: 'REPAYMENT', termMonths: undefined, manualClaims: [] } });
  });

  it('asks a row that was begun to be finished, naming the missing fields of that row', () => {
    const result = validateProposeForm({ manualReference2: 'K-1' }, en);
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'manualName2', message: en.caseload.errors.manualName },
        { field: 'manualAmount2', message: en.caseload.errors.manualAmount },
      ],
    });
  });

  it('refuses a zero, negative or unreadable amount and a name or reference that is too long', () => {
    const amountErrors = (manualAmount1: string) => {
      const result = validateProposeForm({ manualName1: 'A', manualReference1: 'B', manualAmount1 }, nl);
      return result.ok ? [] : result.errors;
    };
    const refused = [{ field: 'manualAmount1', message: nl.caseload.errors.manualAmount }];
    expect(amountErrors('0')).toEqual(refused);
    expect(amountErrors('-10')).toEqual(refused);
    expect(amountErrors('veel')).toEqual(refused);
    expect(amountErrors('0,01')).toEqual([]);
    const long = validateProposeForm({ manualName1: 'n'.repeat(201), manualReference1: 'r'.repeat(65), manualAmount1: '10' }, nl);
    expect(long).toEqual({
      ok: false,
      errors: [
        { field: 'manualName1', message: nl.caseload.errors.manualName },
        { field: 'manualReference1', message: nl.caseload.errors.manualReference },
      ],
    });
    const fits = validateProposeForm({ manualName1: 'n'.repeat(200), manualReference1: 'r'.repeat(64), manualAmount1: '10' }, nl);
    expect(fits).toMatchObject({ ok: true, value: { manualClaims: [{ creditorName: 'n'.repeat(200), reference: 'r'.repeat(64), amount: '1000', preferential: false }] } });
  });
});

describe('validatePauseForm', () => {
  const planMonths = ['2026-06', '2026-07', '2026-08'];

  it('turns a filled-in form into the pause answers', () => {
    expect(validatePauseForm({ fromMonth: '2026-07', months: '3', incomeDropPercent: '40' }, planMonths, nl)).toEqual({
      ok: true,
      value: { fromMonth: '2026-07', months: 3, incomeDropPercent: 40 },
    });
  });

  it('leaves the income drop out when none is given', () => {
    expect(validatePauseForm({ fromMonth: '2026-06', months: '1', incomeDropPercent: '' }, planMonths, nl)).toEqual({
      ok: true,
      value: { fromMonth: '2026-06', months: 1, incomeDropPercent: undefined },
    });
    expect(validatePauseForm({ fromMonth: '2026-06', months: '6' }, planMonths, nl)).toEqual({
      ok: true,
      value: { fromMonth: '2026-06', months: 6, incomeDropPercent: undefined },
    });
  });

  it('accepts an income drop from 0 to 100, with or without a percent sign', () => {
    const drop = (incomeDropPercent: string) => {
      const result = validatePauseForm({ fromMonth: '2026-08', months: '2', incomeDropPercent }, planMonths, nl);
      return result.ok ? result.value.incomeDropPercent : 'refused';
    };
    expect(drop('50%')).toBe(50);
    expect(drop('50 %')).toBe(50);
    expect(drop('0')).toBe(0);
    expect(drop('100')).toBe(100);
    expect(drop('101')).toBe('refused');
    expect(drop('-5')).toBe('refused');
    expect(drop('12,5')).toBe('refused');
    expect(drop('veel')).toBe('refused');
    expect(drop('%')).toBeUndefined();
  });

  it('names every problem at once, each next to its own field', () => {
    expect(validatePauseForm({ fromMonth: '2026-09', months: '7', incomeDropPercent: '150' }, planMonths, en)).toEqual({
      ok: false,
      errors: [
        { field: 'fromMonth', message: en.pause.errors['fromMonth'] },
        { field: 'months', message: en.pause.errors['months'] },
        { field: 'incomeDropPercent', message: en.pause.errors['drop'] },
      ],
    });
  });

  it('allows only 1 to 6 months, written as a plain number', () => {
    for (const months of ['0', '7', '', '03', '2.0']) {
      expect(validatePauseForm({ fromMonth: '2026-06', months }, planMonths, nl)).toEqual({ ok: false, errors: [{ field: 'months', message: nl.pause.errors['months'] }] });
    }
  });

  it('refuses a start month when the plan has no months', () => {
    expect(validatePauseForm({ fromMonth: '', months: '1' }, [], nl)).toEqual({ ok: false, errors: [{ field: 'fromMonth', message: nl.pause.errors['fromMonth'] }] });
  });
});
