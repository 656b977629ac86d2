import { createHash } from 'node:crypto';
import { CONSENT_PURPOSES, DATA_CATEGORIES, MAX_CONSENT_VALIDITY_DAYS, type ConsentPurpose, type DataCategory } from '#contracts';
import { ConsentState } from './consent-lifecycle.js';

/**
 * A resident's consent, modelled after ISO/IEC TS 27560: for one purpose, the creditors it covers, the
 * data categories, a validity, and the hash of the exact text shown when it was given.
 */
export interface ConsentRecord {
  readonly id: string;
  /** The resident the data is about (platform id; never leaves the coordinator). */
  readonly residentId: string;
  /** Who gave it: the resident, or a counsellor acting under a mandate. */
  readonly givenBy: { readonly kind: 'resident' | 'counsellor'; readonly id: string };
  readonly purpose: ConsentPurpose;
  readonly creditorIds: readonly string[];
  readonly categories: readonly DataCategory[];
  readonly validFrom: Date;
  readonly validUntil: Date;
  /** SHA-256 (hex) of the exact consent text version the resident saw. */
  readonly textHash: string;
  readonly state: ConsentState;
}

/** A counsellor's mandate to act for a resident; recorded and revocable like a consent. */
export interface MandateRecord {
  readonly id: string;
  readonly residentId: string;
  readonly counsellorId: string;
  readonly validFrom: Date;
  readonly validUntil: Date;
  readonly textHash: string;
  readonly state: ConsentState;
}

export const ConsentRequestErrorCode = {
  NO_CREDITORS: 'CONSENT_NO_CREDITORS',
  UNKNOWN_CREDITOR: 'CONSENT_UNKNOWN_CREDITOR',
  NO_CATEGORIES: 'CONSENT_NO_CATEGORIES',
  UNKNOWN_CATEGORY: 'CONSENT_UNKNOWN_CATEGORY',
  UNKNOWN_PURPOSE: 'CONSENT_UNKNOWN_PURPOSE',
  VALIDITY_IN_PAST: 'CONSENT_VALIDITY_IN_PAST',
  VALIDITY_TOO_LONG: 'CONSENT_VALIDITY_TOO_LONG',
  MANDATE_FOR_SELF: 'MANDATE_FOR_SELF',
} as const;
export type ConsentRequestErrorCode = (typeof ConsentRequestErrorCode)[keyof typeof ConsentRequestErrorCode];

export interface ConsentRequestError {
  readonly code: ConsentRequestErrorCode;
  readonly field: string;
  readonly message: string;
}

const DAY_MS = 86_400_000;

/** Checks a request to give consent; every problem at once, so one correction fixes them all. */
export function checkConsentRequest(params: {
  readonly purpose: string;
  readonly creditorIds: readonly string[];
  readonly categories: readonly string[];
  readonly validUntil: Date;
  readonly knownCreditorIds: ReadonlySet<string>;
  readonly now: Date;
}): ConsentRequestError[] {
  const errors: ConsentRequestError[] = [];
  if (!(CONSENT_PURPOSES as readonly string[]).includes(params.purpose)) {
    errors.push({ code: ConsentRequestErrorCode.UNKNOWN_PURPOSE, field: 'purpose', message: `Unknown purpose "${params.purpose}".` });
  }
  if (params.creditorIds.length === 0) {
    errors.push({ code: ConsentRequestErrorCode.NO_CREDITORS, field: 'creditorIds', message: 'Choose at least one creditor.' });
  }
  for (const creditorId of params.creditorIds) {
    if (!params.knownCreditorIds.has(creditorId)) {
      errors.push({ code: ConsentRequestErrorCode.UNKNOWN_CREDITOR, field: 'creditorIds', message: `Unknown creditor "${creditorId}".` });
    }
  }
  if (params.categories.length === 0) {
    errors.push({ code: ConsentRequestErrorCode.NO_CATEGORIES, field: 'categories', message: 'Choose at least one kind of data.' });
  }
  for (const category of params.categories) {
    if (!(DATA_CATEGORIES as readonly string[]).includes(category)) {
      errors.push({ code: ConsentRequestErrorCode.UNKNOWN_CATEGORY, field: 'categories', message: `Unknown data category "${category}".` });
    }
  }
  errors.push(...checkValidity({ validUntil: params.validUntil, now: params.now }));
  return errors;
}

/** A consent or mandate ends in the future, and not too far: people renew rather than forget. */
export function checkValidity(params: { readonly validUntil: Date; readonly now: Date }): ConsentRequestError[] {
  if (Number.isNaN(params.validUntil.getTime()) || params.validUntil.getTime() <= params.now.getTime()) {
    return [{ code: ConsentRequestErrorCode.VALIDITY_IN_PAST, field: 'validUntil', message: 'The end date must be in the future.' }];
  }
  if (params.validUntil.getTime() - params.now.getTime() > MAX_CONSENT_VALIDITY_DAYS * DAY_MS) {
    return [
      {
        code: ConsentRequestErrorCode.VALIDITY_TOO_LONG,
        field: 'validUntil',
        message: `A consent or mandate lasts at most ${MAX_CONSENT_VALIDITY_DAYS} days.`,
      },
    ];
  }
  return [];
}

/** A counsellor cannot hold a mandate over themself, and a mandate has a sensible end date. */
export function checkMandateRequest(params: {
  readonly residentId: string;
  readonly counsellorId: string;
  readonly validUntil: Date;
  readonly now: Date;
}): ConsentRequestError[] {
  const self =
    params.residentId === params.counsellorId
      ? [{ code: ConsentRequestErrorCode.MANDATE_FOR_SELF, field: 'counsellorId', message: 'You cannot give a mandate to yourself.' }]
      : [];
  return [...self, ...checkValidity(params)];
}

/**
 * Whether a consent lets this node disclose this category now. Given, within validity, covering the
 * creditor and the category; nothing else (in particular, withdrawal bites at once).
 */
export function consentCovers(
  consent: ConsentRecord,
  request: { readonly creditorId: string; readonly category: DataCategory; readonly now: Date },
): boolean {
  const t = request.now.getTime();
  return (
    consent.state === ConsentState.GIVEN &&
    consent.validFrom.getTime() <= t &&
    t < consent.validUntil.getTime() &&
    consent.creditorIds.includes(request.creditorId) &&
    consent.categories.includes(request.category)
  );
}

/** The hash recorded for the exact text a resident was shown (normalised line endings, UTF-8). */
export function consentTextHash(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n?/g, '\n'), 'utf8').digest('hex');
}
