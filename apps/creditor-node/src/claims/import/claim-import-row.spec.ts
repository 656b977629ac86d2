import { describe, expect, it } from '@jest/globals';
import {
  CLAIM_ROW_FIELDS,
  GRAPHQL_FIELD_LABELS,
  IMPORT_ERROR_CODES,
  ImportErrorCode,
  isClaimRowField,
  isImportErrorCode,
} from './claim-import-row.js';

describe('import error codes', () => {
  it('are their own names, so clients can switch on either', () => {
    for (const [name, code] of Object.entries(ImportErrorCode)) expect(code).toBe(name);
  });

  it('include every code the import reports', () => {
    expect([...IMPORT_ERROR_CODES].sort()).toEqual(
      [
        'AMOUNT_NEGATIVE',
        'AMOUNT_NOT_POSITIVE',
        'AMOUNT_TOO_LARGE',
        'CUSTOMER_CONFLICT',
        'DATE_IN_FUTURE',
        'DUE_BEFORE_ISSUED',
        'DUPLICATE_CLAIM_ID',
        'EMPTY_FILE',
        'INVALID_AMOUNT',
        'INVALID_BOOLEAN',
        'INVALID_DATE',
        'INVALID_DESCRIPTION',
        'INVALID_ENCODING',
        'INVALID_POSTCODE',
        'INVALID_REFERENCE',
        'MALFORMED_CSV',
        'MISSING_COLUMN',
        'MISSING_FIELD',
        'TOO_MANY_ROWS',
        'UNKNOWN_COLUMN',
        'UNKNOWN_STAGE',
      ].sort(),
    );
  });

  it('are recognised by isImportErrorCode, and nothing else is', () => {
    expect(IMPORT_ERROR_CODES.every(isImportErrorCode)).toBe(true);
    expect(isImportErrorCode('CLAIM_NOT_FOUND')).toBe(false);
    expect(isImportErrorCode(undefined)).toBe(false);
  });
});

describe('claim row fields', () => {
  it('are recognised by isClaimRowField', () => {
    expect(CLAIM_ROW_FIELDS.every(isClaimRowField)).toBe(true);
    expect(isClaimRowField('principal')).toBe(false);
    expect(isClaimRowField('__proto__')).toBe(false);
  });

  it('keep their own names in the GraphQL vocabulary', () => {
    for (const field of CLAIM_ROW_FIELDS) expect(GRAPHQL_FIELD_LABELS[field]).toBe(field);
  });
});
