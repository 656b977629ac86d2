import { isOneOf, type Cents } from '#contracts';
import type { CollectionStage } from '../domain/collection-stage.js';

/**
 * One claim as it leaves import validation: every field checked and normalised, so the code that
 * stores claims never has to look at raw back-office input again.
 */
export interface ClaimImportRow {
  /** The creditor's own claim reference; becomes part of the global id `creditorId:reference`. */
  claimReference: string;
  customerReference: string;
  /** Dutch postcode, upper case without the space: '3511AB'. */
  customerPostcode: string;
  /** YYYY-MM-DD, or null when the back-office did not give one. */
  customerBirthDate: string | null;
  description: string;
  principalCents: Cents;
  interestCents: Cents;
  costsCents: Cents;
  /** YYYY-MM-DD */
  issuedOn: string;
  /** YYYY-MM-DD */
  dueOn: string;
  stage: CollectionStage;
  preferential: boolean;
}

/**
 * A validated row with the number the user knows it by (CSV line, or position in the GraphQL list),
 * so that problems found later, against the stored claims, can still name the row.
 */
export interface NumberedClaimImportRow {
  row: number;
  claim: ClaimImportRow;
}

/** The fields of a claim row, in the documented column order (errors are sorted in this order). */
export type ClaimRowField = keyof ClaimImportRow;

export const CLAIM_ROW_FIELDS: readonly ClaimRowField[] = [
  'claimReference',
  'customerReference',
  'customerPostcode',
  'customerBirthDate',
  'description',
  'principalCents',
  'interestCents',
  'costsCents',
  'issuedOn',
  'dueOn',
  'stage',
  'preferential',
];

export function isClaimRowField(value: unknown): value is ClaimRowField {
  return typeof value === 'string' && (CLAIM_ROW_FIELDS as readonly string[]).includes(value);
}

/**
 * How fields are named in error messages and in `ImportRowError.field`: the GraphQL mutation speaks
 * camelCase, the CSV file speaks its snake_case column names. One validation, two vocabularies.
 */
export type ClaimFieldLabels = Readonly<Record<ClaimRowField, string>>;

/** The GraphQL input field names, which are the ClaimImportRow names. */
export const GRAPHQL_FIELD_LABELS: ClaimFieldLabels = {
  claimReference: 'claimReference',
  customerReference: 'customerReference',
  customerPostcode: 'customerPostcode',
  customerBirthDate: 'customerBirthDate',
  description: 'description',
  principalCents: 'principalCents',
  interestCents: 'interestCents',
  costsCents: 'costsCents',
  issuedOn: 'issuedOn',
  dueOn: 'dueOn',
  stage: 'stage',
  preferential: 'preferential',
};

/**
 * Why an import was refused. Stable: the portal and back-office integrations may switch on these,
 * so never rename one, only add.
 */
export const ImportErrorCode = {
  /** The file is not valid CSV: unterminated or stray quote, wrong number of fields, empty line. */
  MALFORMED_CSV: 'MALFORMED_CSV',
  /** The file is not UTF-8 (typically a Windows-1252 export). */
  INVALID_ENCODING: 'INVALID_ENCODING',
  /** A required column is missing from the header. */
  MISSING_COLUMN: 'MISSING_COLUMN',
  /** The header has a column we do not know (often a typo of a known one). */
  UNKNOWN_COLUMN: 'UNKNOWN_COLUMN',
  /** A required value is empty or absent. */
  MISSING_FIELD: 'MISSING_FIELD',
  /** An amount is not a whole number of cents ("12.50", "1.250", "abc"). */
  INVALID_AMOUNT: 'INVALID_AMOUNT',
  /** The principal is zero or negative. */
  AMOUNT_NOT_POSITIVE: 'AMOUNT_NOT_POSITIVE',
  /** Interest or costs are negative. */
  AMOUNT_NEGATIVE: 'AMOUNT_NEGATIVE',
  /** A single amount, or principal + interest + costs, is above €10 million. */
  AMOUNT_TOO_LARGE: 'AMOUNT_TOO_LARGE',
  /** Not a YYYY-MM-DD date, a date that does not exist (2025-02-30), or out of range. */
  INVALID_DATE: 'INVALID_DATE',
  /** A date that has not happened yet (issued_on, customer_birth_date). */
  DATE_IN_FUTURE: 'DATE_IN_FUTURE',
  DUE_BEFORE_ISSUED: 'DUE_BEFORE_ISSUED',
  UNKNOWN_STAGE: 'UNKNOWN_STAGE',
  /** A claim or customer reference with characters or a length we do not accept. */
  INVALID_REFERENCE: 'INVALID_REFERENCE',
  INVALID_POSTCODE: 'INVALID_POSTCODE',
  INVALID_BOOLEAN: 'INVALID_BOOLEAN',
  /** The description is too long or contains control characters. */
  INVALID_DESCRIPTION: 'INVALID_DESCRIPTION',
  /** The same claim reference twice in one import. */
  DUPLICATE_CLAIM_ID: 'DUPLICATE_CLAIM_ID',
  /** The same customer reference with a different postcode or birth date in one import. */
  CUSTOMER_CONFLICT: 'CUSTOMER_CONFLICT',
  TOO_MANY_ROWS: 'TOO_MANY_ROWS',
  /** No claims at all: an empty file, a header without rows, or an empty list. */
  EMPTY_FILE: 'EMPTY_FILE',
} as const;
export type ImportErrorCode = (typeof ImportErrorCode)[keyof typeof ImportErrorCode];
export const IMPORT_ERROR_CODES: readonly ImportErrorCode[] = Object.values(ImportErrorCode);

export function isImportErrorCode(value: unknown): value is ImportErrorCode {
  return isOneOf(IMPORT_ERROR_CODES, value);
}

/** One problem in an import, precise enough for a user to find and fix the cell. */
export interface ImportRowError {
  /**
   * 1-based. CSV: the line in the file where the record starts, the header being line 1.
   * GraphQL: the index in the input list + 1. File-level problems use row 1.
   */
  row: number;
  /** The field or column as the user named it, or null when the problem is not one field's. */
  field: string | null;
  code: ImportErrorCode;
  /** English, specific, naming the offending value. */
  message: string;
}
