import { describe, expect, it } from '@jest/globals';
import { CSV_FIELD_LABELS } from './claim-csv-columns.js';
import { type ClaimImportRow, GRAPHQL_FIELD_LABELS, ImportErrorCode } from './claim-import-row.js';
import { findBatchConflicts } from './claim-batch-rules.js';

function row(number: number, values: Partial<ClaimImportRow>) {
  return { row: number, values: { customerReference: 'K-0042', customerPostcode: '3511AB', customerBirthDate: null, ...values } };
}

describe('findBatchConflicts', () => {
  it('finds nothing in distinct claims of one consistent customer', () => {
    const rows = [row(2, { claimReference: 'AJ-1' }), row(3, { claimReference: 'AJ-2', customerBirthDate: '1978-04-12' })];
    expect(findBatchConflicts({ rows, labels: GRAPHQL_FIELD_LABELS })).toEqual([]);
  });

  it('reports every repeat of a claim reference, naming the first row', () => {
    const rows = [
      row(2, { claimReference: 'AJ-2025-004711' }),
      row(3, { claimReference: 'AJ-2025-004712' }),
      row(4, { claimReference: 'AJ-2025-004711' }),
      row(7, { claimReference: 'AJ-2025-004711' }),
    ];
    expect(findBatchConflicts({ rows, labels: CSV_FIELD_LABELS })).toEqual([
      {
        row: 4,
        field: 'claimReference',
        code: ImportErrorCode.DUPLICATE_CLAIM_ID,
        message: "claim_id 'AJ-2025-004711' already appears in row 2; each claim may appear only once in an import",
      },
      {
        row: 7,
        field: 'claimReference',
        code: ImportErrorCode.DUPLICATE_CLAIM_ID,
        message: "claim_id 'AJ-2025-004711' already appears in row 2; each claim may appear only once in an import",
      },
    ]);
  });

  it('treats references that differ in case as different claims', () => {
    const rows = [row(1, { claimReference: 'aj-1' }), row(2, { claimReference: 'AJ-1' })];
    expect(findBatchConflicts({ rows, labels: GRAPHQL_FIELD_LABELS })).toEqual([]);
  });

  it('reports a customer with a second postcode, naming the row of the first', () => {
    const rows = [row(2, { claimReference: 'AJ-1' }), row(3, { claimReference: 'AJ-2', customerPostcode: '1012AB' })];
    expect(findBatchConflicts({ rows, labels: CSV_FIELD_LABELS })).toEqual([
      {
        row: 3,
        field: 'customerPostcode',
        code: ImportErrorCode.CUSTOMER_CONFLICT,
        message: "customer_postcode '1012AB' conflicts with '3511AB' given for customer_id 'K-0042' in row 2",
      },
    ]);
  });

  it('reports a customer with a second birth date, but not a row that gives none', () => {
    const rows = [
      row(1, { claimReference: 'AJ-1' }),
      row(2, { claimReference: 'AJ-2', customerBirthDate: '1978-04-12' }),
      row(3, { claimReference: 'AJ-3' }),
      row(4, { claimReference: 'AJ-4', customerBirthDate: '1987-04-12' }),
    ];
    expect(findBatchConflicts({ rows, labels: GRAPHQL_FIELD_LABELS })).toEqual([
      {
        row: 4,
        field: 'customerBirthDate',
        code: ImportErrorCode.CUSTOMER_CONFLICT,
        message: "customerBirthDate '1987-04-12' conflicts with '1978-04-12' given for customerReference 'K-0042' in row 2",
      },
    ]);
  });

  it('compares only the values that passed their own checks', () => {
    const rows = [
      { row: 1, values: { claimReference: 'AJ-1', customerReference: 'K-1' } },
      { row: 2, values: { customerReference: 'K-1', customerPostcode: '1012AB' } },
      { row: 3, values: { claimReference: 'AJ-1' } },
    ];
    expect(findBatchConflicts({ rows, labels: GRAPHQL_FIELD_LABELS }).map((p) => [p.row, p.code])).toEqual([
      [3, ImportErrorCode.DUPLICATE_CLAIM_ID],
    ]);
  });
});
