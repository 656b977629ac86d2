import type { Messages } from '../i18n/catalogue.js';
import { field, fieldList, type FieldError, type FormFields, type Validated } from './form-input.js';

export const CONSENT_PURPOSES = ['DEBT_OVERVIEW', 'COLLECTIVE_ARRANGEMENT'] as const;
export type ConsentPurposeName = (typeof CONSENT_PURPOSES)[number];

/** How long a consent may hold, in days: three choices, none chosen beforehand. */
export const CONSENT_DURATIONS = ['90', '182', '365'] as const;

/** What each purpose shares: the claims, and for an arrangement also the arrangement itself. */
export const CATEGORIES_FOR: Readonly<Record<ConsentPurposeName, readonly string[]>> = {
  DEBT_OVERVIEW: ['CLAIMS'],
  COLLECTIVE_ARRANGEMENT: ['CLAIMS', 'ARRANGEMENT'],
};

export interface ConsentAnswers {
  readonly creditorIds: readonly string[];
  readonly purposes: readonly ConsentPurposeName[];
  readonly days: number;
}

/** Checks the consent form: at least one linked creditor, at least one purpose, one duration. Nothing is assumed. */
export function validateConsentForm(fields: FormFields, linkedCreditorIds: readonly string[], t: Messages): Validated<ConsentAnswers> {
  const errors: FieldError[] = [];
  const creditorIds = [...new Set(fieldList(fields, 'creditorIds'))];
  if (creditorIds.length === 0 || creditorIds.some((id) => !linkedCreditorIds.includes(id))) errors.push({ field: 'creditorIds', message: t.consent.errors.creditors });
  const chosen = fieldList(fields, 'purposes');
  const purposes = CONSENT_PURPOSES.filter((p) => chosen.includes(p));
  if (purposes.length === 0 || purposes.length !== new Set(chosen).size) errors.push({ field: 'purposes', message: t.consent.errors.purposes });
  const duration = CONSENT_DURATIONS.find((d) => d === field(fields, 'duration'));
  if (duration === undefined) errors.push({ field: 'duration', message: t.consent.errors.duration });
  if (errors.length > 0 || duration === undefined) return { ok: false, errors };
  return { ok: true, value: { creditorIds, purposes, days: Number(duration) } };
}
