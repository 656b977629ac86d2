import { describe, expect, it } from '@jest/globals';
import { PORTAL_LOCALES } from '../i18n/catalogue.js';
import { validateBudgetForm } from './budget-form.js';

const nl = PORTAL_LOCALES.nl.messages;
const en = PORTAL_LOCALES.en.messages;

describe('validateBudgetForm', () => {
  it('turns a filled-in form into the budget input, the income in whole cents', () => {
    const result = validateBudgetForm({ netIncome: '1.850,50', payDay: '25', household: 'SINGLE', ageBand: 'AGE_21_TO_AOW' }, nl);
    expect(result).toEqual({ ok: true, value: { netIncome: '185050', payDay: 25, household: 'SINGLE', ageBand: 'AGE_21_TO_AOW', partnerAgeBand: undefined } });
  });

  it('names every problem at once, each next to its own field, in the chosen language', () => {
    const result = validateBudgetForm({ netIncome: 'veel', payDay: '32', household: 'COUPLE', ageBand: '' }, en);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { field: 'netIncome', message: en.budget.errors.netIncome },
      { field: 'payDay', message: en.budget.errors.payDay },
      { field: 'ageBand', message: en.budget.errors.ageBand },
      { field: 'partnerAgeBand', message: en.budget.errors.partnerAgeBand },
    ]);
  });

  it('refuses a negative income and an income with a zero too many', () => {
    const negative = validateBudgetForm({ netIncome: '-5', payDay: '1', household: 'SINGLE', ageBand: 'AOW_AGE' }, nl);
    const huge = validateBudgetForm({ netIncome: '1450000', payDay: '1', household: 'SINGLE', ageBand: 'AOW_AGE' }, nl);
    expect(negative.ok ? [] : negative.errors.map((e) => e.message)).toEqual([nl.budget.errors.netIncomeNegative]);
    expect(huge.ok ? [] : huge.errors.map((e) => e.message)).toEqual([nl.budget.errors.netIncomeHigh]);
  });

  it('asks no partner age of a resident living alone', () => {
    expect(validateBudgetForm({ netIncome: '1200', payDay: '31', household: 'SINGLE_PARENT', ageBand: 'AGE_18_20', partnerAgeBand: 'AOW_AGE' }, nl)).toMatchObject({
      ok: true,
      value: { partnerAgeBand: undefined },
    });
  });
});
