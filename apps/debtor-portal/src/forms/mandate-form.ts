import type { Messages } from '../i18n/catalogue.js';
import { field, type FieldError, type FormFields, type Validated } from './form-input.js';

/** How long a mandate may hold, in months: three choices, none chosen beforehand, the longest a year (the most a mandate may last). */
export const MANDATE_DURATIONS = ['3', '6', '12'] as const;

export interface MandateAnswers {
  /** As typed; the coordinator reads case, spaces and dashes away. */
  readonly code: string;
  readonly months: number;
}

/** Checks the mandate form: a code (whether it is valid only the coordinator knows) and one duration. */
export function validateMandateForm(fields: FormFields, t: Messages): Validated<MandateAnswers> {
  const errors: FieldError[] = [];
  const code = field(fields, 'code').trim();
  if (code === '') errors.push({ field: 'code', message: t.mandate.errors.code });
  else if (code.length > 20) errors.push({ field: 'code', message: t.mandate.errors.codeInvalid });
  const duration = MANDATE_DURATIONS.find((d) => d === field(fields, 'duration'));
  if (duration === undefined) errors.push({ field: 'duration', message: t.mandate.errors.duration });
  if (errors.length > 0 || duration === undefined) return { ok: false, errors };
  return { ok: true, value: { code, months: Number(duration) } };
}

/** The mandate's end: the same day of the month, `months` later (the last day when that month is shorter). */
export function mandateEnd(from: Date, months: number): Date {
  const end = new Date(from.getTime());
  const day = end.getUTCDate();
  end.setUTCDate(1);
  end.setUTCMonth(end.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0)).getUTCDate();
  end.setUTCDate(Math.min(day, lastDay));
  return end;
}
