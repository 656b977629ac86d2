import { describe, expect, it } from '@jest/globals';
import { GRAPHQL_FIELD_LABELS, ImportErrorCode } from './claim-import-row.js';
import { CSV_FIELD_LABELS } from './claim-csv-columns.js';
import { type RowProblem, toSortedImportErrors } from './row-problem.js';

describe('toSortedImportErrors', () => {
  const problems: RowProblem[] = [
    { row: 3, field: 'dueOn', code: ImportErrorCode.INVALID_DATE, message: 'b' },
    { row: 2, field: 'stage', code: ImportErrorCode.UNKNOWN_STAGE, message: 'c' },
    { row: 3, field: 'claimReference', code: ImportErrorCode.INVALID_REFERENCE, message: 'd' },
    { row: 3, field: null, code: ImportErrorCode.AMOUNT_TOO_LARGE, message: 'e' },
    { row: 2, field: 'principalCents', code: ImportErrorCode.INVALID_AMOUNT, message: 'f' },
  ];

  it('sorts by row, then row-wide problems, then fields in column order', () => {
    const sorted = toSortedImportErrors({ problems, labels: GRAPHQL_FIELD_LABELS });
    expect(sorted.map((e) => [e.row, e.field])).toEqual([
      [2, 'principalCents'],
      [2, 'stage'],
      [3, null],
      [3, 'claimReference'],
      [3, 'dueOn'],
    ]);
  });

  it('names fields the way the user named them', () => {
    const sorted = toSortedImportErrors({ problems, labels: CSV_FIELD_LABELS });
    expect(sorted.map((e) => e.field)).toEqual(['principal_cents', 'stage', null, 'claim_id', 'due_on']);
  });

  it('does not reorder the input', () => {
    const copy = [...problems];
    toSortedImportErrors({ problems, labels: GRAPHQL_FIELD_LABELS });
    expect(problems).toEqual(copy);
  });
});
