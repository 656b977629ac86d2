import type { Messages } from '../i18n/catalogue.js';
import { parseEuroAmount } from './euro-amount.js';
import { field, type FieldError, type FormFields, type Validated } from './form-input.js';

export const PLAN_MODES = ['REPAYMENT', 'SETTLEMENT'] as const;
/** Rows for claims added by hand on the counsellor's proposal form. */
export const MANUAL_CLAIM_ROWS = [1, 2, 3] as const;
const MAX_TERM_MONTHS = 120;

export interface ManualClaimAnswer {
  readonly creditorName: string;
  readonly reference: string;
  readonly amount: string;
  readonly preferential: boolean;
}

export interface ProposeAnswers {
  readonly mode: (typeof PLAN_MODES)[number];
  readonly termMonths: number | undefined;
  readonly manualClaims: readonly ManualClaimAnswer[];
}

/**
 * The counsellor's proposal form: the kind of plan, a settlement's term, and claims of creditors not on
 * the platform. A row left wholly empty is no claim; a row begun must be finished.
 */
export function validateProposeForm(fields: FormFields, t: Messages): Validated<ProposeAnswers> {
  const errors: FieldError[] = [];
  const mode = PLAN_MODES.find((m) => m === (field(fields, 'mode') || 'REPAYMENT')) ?? 'REPAYMENT';
  const termText = field(fields, 'termMonths');
  let termMonths: number | undefined;
  if (mode === 'SETTLEMENT' && termText !== '') {
    termMonths = Number(termText);
    if (!/^\d{1,3}$/.test(termText) || termMonths < 1 || termMonths > MAX_TERM_MONTHS) errors.push({ field: 'termMonths', message: t.caseload.errors.term });
  }
  const manualClaims: ManualClaimAnswer[] = [];
  for (const row of MANUAL_CLAIM_ROWS) {
    const creditorName = field(fields, `manualName${row}`);
    const reference = field(fields, `manualReference${row}`);
    const amountText = field(fields, `manualAmount${row}`);
    if (creditorName === '' && reference === '' && amountText === '') continue;
    const amount = parseEuroAmount(amountText);
    if (creditorName === '' || creditorName.length > 200) errors.push({ field: `manualName${row}`, message: t.caseload.errors.manualName });
    if (reference === '' || reference.length > 64) errors.push({ field: `manualReference${row}`, message: t.caseload.errors.manualReference });
    if (amount === undefined || amount <= 0) errors.push({ field: `manualAmount${row}`, message: t.caseload.errors.manualAmount });
    else manualClaims.push({ creditorName, reference, amount: String(amount), preferential: field(fields, `manualPreferential${row}`) === 'yes' });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { mode, termMonths, manualClaims } };
}

export interface PauseAnswers {
  readonly fromMonth: string;
  readonly months: number;
  readonly incomeDropPercent: number | undefined;
}

export const PAUSE_MONTH_CHOICES = ['1', '2', '3', '4', '5', '6'] as const;

/** The pause form: a month of the plan to start in, how many months, and optionally how far income fell. */
export function validatePauseForm(fields: FormFields, planMonths: readonly string[], t: Messages): Validated<PauseAnswers> {
  const errors: FieldError[] = [];
  const fromMonth = field(fields, 'fromMonth');
  if (!planMonths.includes(fromMonth)) errors.push({ field: 'fromMonth', message: t.pause.errors['fromMonth'] ?? '' });
  const months = PAUSE_MONTH_CHOICES.find((m) => m === field(fields, 'months'));
  if (months === undefined) errors.push({ field: 'months', message: t.pause.errors['months'] ?? '' });
  const dropText = field(fields, 'incomeDropPercent').replace(/%$/, '').trim();
  const drop = dropText === '' ? undefined : Number(dropText);
  if (drop !== undefined && (!/^\d{1,3}$/.test(dropText) || drop > 100)) errors.push({ field: 'incomeDropPercent', message: t.pause.errors['drop'] ?? '' });
  if (errors.length > 0 || months === undefined) return { ok: false, errors };
  return { ok: true, value: { fromMonth, months: Number(months), incomeDropPercent: drop } };
}
