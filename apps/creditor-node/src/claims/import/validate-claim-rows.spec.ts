import { describe, expect, it } from '@jest/globals';
import { ImportErrorCode } from './claim-import-row.js';
import { graphqlInput, numbered, TODAY } from './claim-import.test-fixtures.js';
import { DEFAULT_MAX_IMPORT_ROWS, validateClaimRows } from './validate-claim-rows.js';

function errorsOf(result: ReturnType<typeof validateClaimRows>) {
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('validateClaimRows (the GraphQL way in)', () => {
  it('returns every row validated and numbered by its position in the list', () => {
    const result = validateClaimRows({
      rows: numbered([
        graphqlInput(),
        graphqlInput({ claimReference: 'AJ-2025-004712', description: 'Rioolheffing 2025', principalCents: '18900', stage: 'INVOICE' }),
      ]),
      today: TODAY,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows.map((r) => [r.row, r.claim.claimReference, r.claim.principalCents, r.claim.stage])).toEqual([
      [1, 'AJ-2025-004711', 41_250, 'reminder'],
      [2, 'AJ-2025-004712', 18_900, 'invoice'],
    ]);
  });

  it('rejects a list with one bad row as a whole, naming each row and field', () => {
    const rows = numbered([
      graphqlInput({ claimReference: 'WV-2025-0100' }),
      graphqlInput({ claimReference: 'WV-2025-0101', principalCents: '-500' }),
      graphqlInput({ claimReference: 'WV-2025-0100' }),
    ]);
    expect(errorsOf(validateClaimRows({ rows, today: TODAY }))).toEqual([
      {
        row: 2,
        field: 'principalCents',
        code: ImportErrorCode.AMOUNT_NOT_POSITIVE,
        message: 'principalCents must be more than 0 (got -500)',
      },
      {
        row: 3,
        field: 'claimReference',
        code: ImportErrorCode.DUPLICATE_CLAIM_ID,
        message: "claimReference 'WV-2025-0100' already appears in row 1; each claim may appear only once in an import",
      },
    ]);
  });

  it('collects every problem of every row, sorted by row and then by field in column order', () => {
    const rows = numbered([
      graphqlInput({ claimReference: 'AJ-1', stage: 'beslag', principalCents: '12,50' }),
      graphqlInput({ claimReference: 'AJ-2' }),
      graphqlInput({ claimReference: 'AJ-3', preferential: 'misschien', customerPostcode: '1012 AB', dueOn: '2025-01-01' }),
    ]);
    expect(errorsOf(validateClaimRows({ rows, today: TODAY })).map((e) => [e.row, e.field, e.code])).toEqual([
      [1, 'principalCents', ImportErrorCode.INVALID_AMOUNT],
      [1, 'stage', ImportErrorCode.UNKNOWN_STAGE],
      [3, 'customerPostcode', ImportErrorCode.CUSTOMER_CONFLICT],
      [3, 'dueOn', ImportErrorCode.DUE_BEFORE_ISSUED],
      [3, 'preferential', ImportErrorCode.INVALID_BOOLEAN],
    ]);
  });

  it('checks duplicates and customers also on rows that have other problems', () => {
    const rows = numbered([
      graphqlInput({ claimReference: 'AJ-1' }),
      graphqlInput({ claimReference: 'AJ-1', principalCents: '', customerBirthDate: '1980-01-01' }),
    ]);
    expect(errorsOf(validateClaimRows({ rows, today: TODAY })).map((e) => [e.row, e.field, e.code])).toEqual([
      [2, 'claimReference', ImportErrorCode.DUPLICATE_CLAIM_ID],
      [2, 'customerBirthDate', ImportErrorCode.CUSTOMER_CONFLICT],
      [2, 'principalCents', ImportErrorCode.MISSING_FIELD],
    ]);
  });

  it('refuses an empty list', () => {
    expect(errorsOf(validateClaimRows({ rows: [], today: TODAY }))).toEqual([
      { row: 1, field: null, code: ImportErrorCode.EMPTY_FILE, message: 'the import contains no claims' },
    ]);
  });

  it('refuses more rows than allowed, on the first row too many, without checking the rows', () => {
    const rows = numbered([graphqlInput(), graphqlInput({ claimReference: 'AJ-2' }), { nonsense: true }]);
    expect(errorsOf(validateClaimRows({ rows, today: TODAY, maxRows: 2 }))).toEqual([
      {
        row: 3,
        field: null,
        code: ImportErrorCode.TOO_MANY_ROWS,
        message: 'the import has 3 claims but at most 2 are allowed at once; split it into smaller imports',
      },
    ]);
    expect(validateClaimRows({ rows: rows.slice(0, 2), today: TODAY, maxRows: 2 }).ok).toBe(true);
  });

  it('allows 10,000 rows by default', () => {
    expect(DEFAULT_MAX_IMPORT_ROWS).toBe(10_000);
    const rows = Array.from({ length: 10_001 }, (_, i) => ({ row: i + 1, input: {} }));
    expect(errorsOf(validateClaimRows({ rows, today: TODAY }))).toEqual([
      expect.objectContaining({ row: 10_001, code: ImportErrorCode.TOO_MANY_ROWS }),
    ]);
  });

  it('validates 10,000 good rows in reasonable time', () => {
    const rows = numbered(
      Array.from({ length: 10_000 }, (_, i) => graphqlInput({ claimReference: `AJ-2025-${String(i).padStart(6, '0')}` })),
    );
    const started = performance.now();
    const result = validateClaimRows({ rows, today: TODAY });
    expect(result.ok).toBe(true);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it.each(['', '15-06-2025', '2025-02-30'])('throws for a today of %j: that is a bug in the caller', (today) => {
    expect(() => validateClaimRows({ rows: numbered([graphqlInput()]), today })).toThrow(RangeError);
  });
});
