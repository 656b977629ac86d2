import type { Messages } from '../i18n/catalogue.js';
import { parseEuroAmount } from './euro-amount.js';
import { field, type FieldError, type FormFields, type Validated } from './form-input.js';

export const HOUSEHOLDS = ['SINGLE', 'SINGLE_PARENT', 'COUPLE', 'COUPLE_WITH_CHILDREN'] as const;
export const AGE_BANDS = ['AGE_18_20', 'AGE_21_TO_AOW', 'AOW_AGE'] as const;
const MAX_MONTHLY_INCOME_CENTS = 10_000_000; // € 100.000 a month: beyond it, a typo is likelier than an income

export interface BudgetAnswers {
  readonly netIncome: string;
  readonly payDay: number;
  readonly household: (typeof HOUSEHOLDS)[number];
  readonly ageBand: (typeof AGE_BANDS)[number];
  readonly partnerAgeBand: (typeof AGE_BANDS)[number] | undefined;
}

/** Checks the budget form and names every problem at once, next to its field. */
export function validateBudgetForm(fields: FormFields, t: Messages): Validated<BudgetAnswers> {
  const errors: FieldError[] = [];
  const incomeCents = parseEuroAmount(field(fields, 'netIncome'));
  if (incomeCents === undefined) errors.push({ field: 'netIncome', message: t.budget.errors.netIncome });
  else if (incomeCents < 0) errors.push({ field: 'netIncome', message: t.budget.errors.netIncomeNegative });
  else if (incomeCents > MAX_MONTHLY_INCOME_CENTS) errors.push({ field: 'netIncome', message: t.budget.errors.netIncomeHigh });
  const payDayText = field(fields, 'payDay');
  const payDay = Number(payDayText);
  if (!/^\d{1,2}$/.test(payDayText) || payDay < 1 || payDay > 31) errors.push({ field: 'payDay', message: t.budget.errors.payDay });
  const household = HOUSEHOLDS.find((h) => h === field(fields, 'household'));
  if (household === undefined) errors.push({ field: 'household', message: t.budget.errors.household });
  const ageBand = AGE_BANDS.find((a) => a === field(fields, 'ageBand'));
  if (ageBand === undefined) errors.push({ field: 'ageBand', message: t.budget.errors.ageBand });
  const withPartner = household === 'COUPLE' || household === 'COUPLE_WITH_CHILDREN';
  const partnerAgeBand = AGE_BANDS.find((a) => a === field(fields, 'partnerAgeBand'));
  if (withPartner && partnerAgeBand === undefined) errors.push({ field: 'partnerAgeBand', message: t.budget.errors.partnerAgeBand });
  if (errors.length > 0 || incomeCents === undefined || household === undefined || ageBand === undefined) return { ok: false, errors };
  return { ok: true, value: { netIncome: String(incomeCents), payDay, household, ageBand, partnerAgeBand: withPartner ? partnerAgeBand : undefined } };
}
