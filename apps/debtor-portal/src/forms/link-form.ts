import type { Messages } from '../i18n/catalogue.js';
import { field, type FieldError, type FormFields, type Validated } from './form-input.js';

export interface LinkAnswers {
  readonly creditorId: string;
  readonly reference: string;
  /** "3511 AB": the way the creditor's letter writes it. */
  readonly postcode: string;
  /** YYYY-MM-DD, when given. */
  readonly birthDate: string | undefined;
}

const MAX_REFERENCE_LENGTH = 64;

/** Checks the link form: a creditor from the list, a reference, a Dutch postcode, a real date of birth. */
export function validateLinkForm(fields: FormFields, creditorIds: readonly string[], t: Messages, today: string): Validated<LinkAnswers> {
  const errors: FieldError[] = [];
  const creditorId = field(fields, 'creditorId');
  if (!creditorIds.includes(creditorId)) errors.push({ field: 'creditorId', message: t.link.errors.creditor });
  const reference = field(fields, 'reference').replace(/\s+/g, ' ');
  if (reference === '') errors.push({ field: 'reference', message: t.link.errors.reference });
  else if (reference.length > MAX_REFERENCE_LENGTH) errors.push({ field: 'reference', message: t.link.errors.referenceLong });
  const postcode = normalisePostcode(field(fields, 'postcode'));
  if (postcode === undefined) errors.push({ field: 'postcode', message: t.link.errors.postcode });
  const birthText = field(fields, 'birthDate');
  const birthDate = birthText === '' ? undefined : parseDayMonthYear(birthText);
  if (birthText !== '' && (birthDate === undefined || birthDate >= today || birthDate < '1900-01-01')) errors.push({ field: 'birthDate', message: t.link.errors.birthDate });
  if (errors.length > 0 || postcode === undefined) return { ok: false, errors };
  return { ok: true, value: { creditorId, reference, postcode, birthDate } };
}

/** "3511ab", "3511 AB" and "3511  ab" are one postcode: "3511 AB". A postcode never starts with 0. */
export function normalisePostcode(text: string): string | undefined {
  const match = /^([1-9]\d{3})\s*([a-zA-Z]{2})$/.exec(text.trim());
  return match ? `${match[1]} ${(match[2] ?? '').toUpperCase()}` : undefined;
}

/** "12-03-1984", "12/3/1984" or "12.03.1984" as YYYY-MM-DD; undefined for a day that does not exist. */
export function parseDayMonthYear(text: string): string | undefined {
  const match = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/.exec(text.trim());
  if (!match) return undefined;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
