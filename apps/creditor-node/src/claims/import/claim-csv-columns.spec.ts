import { describe, expect, it } from '@jest/globals';
import { ImportErrorCode } from './claim-import-row.js';
import { FULL_HEADER } from './claim-import.test-fixtures.js';
import { CLAIM_CSV_COLUMNS, csvRecordToInput, mapCsvHeader } from './claim-csv-columns.js';

const REQUIRED_HEADER = FULL_HEADER.filter(
  (name) => !['customer_birth_date', 'interest_cents', 'costs_cents'].includes(name),
);

describe('the CSV columns', () => {
  it('are the documented snake_case names, three of them optional', () => {
    expect(CLAIM_CSV_COLUMNS.map((c) => c.name)).toEqual(FULL_HEADER);
    expect(CLAIM_CSV_COLUMNS.filter((c) => !c.required).map((c) => c.name)).toEqual([
      'customer_birth_date',
      'interest_cents',
      'costs_cents',
    ]);
  });
});

describe('mapCsvHeader', () => {
  it('maps columns in any order and case, with stray spaces', () => {
    const header = [' Stage', 'CLAIM_ID ', ...REQUIRED_HEADER.filter((n) => n !== 'stage' && n !== 'claim_id')];
    const result = mapCsvHeader({ header, records: [] });
    expect(result).toEqual({
      ok: true,
      fields: [
        'stage',
        'claimReference',
        'customerReference',
        'customerPostcode',
        'description',
        'principalCents',
        'issuedOn',
        'dueOn',
        'preferential',
      ],
      errors: [],
    });
  });

  it('reports every missing required column on row 1, and does not let rows be read', () => {
    const header = REQUIRED_HEADER.filter((n) => n !== 'due_on' && n !== 'principal_cents');
    expect(mapCsvHeader({ header, records: [] })).toEqual({
      ok: false,
      errors: [
        {
          row: 1,
          field: 'principal_cents',
          code: ImportErrorCode.MISSING_COLUMN,
          message: "required column 'principal_cents' is missing from the header",
        },
        {
          row: 1,
          field: 'due_on',
          code: ImportErrorCode.MISSING_COLUMN,
          message: "required column 'due_on' is missing from the header",
        },
      ],
    });
  });

  it('reports an unknown column on row 1, suggests the column it probably meant, and still lets rows be read', () => {
    const result = mapCsvHeader({ header: [...REQUIRED_HEADER, 'intrest_cents'], records: [] });
    expect(result.ok).toBe(true);
    expect(result.errors).toEqual([
      {
        row: 1,
        field: 'intrest_cents',
        code: ImportErrorCode.UNKNOWN_COLUMN,
        message: expect.stringContaining("unknown column 'intrest_cents' (column 10). Did you mean 'interest_cents'?"),
      },
    ]);
    if (result.ok) expect(result.fields[9]).toBeNull();
  });

  it('makes no suggestion for a column that resembles nothing', () => {
    const result = mapCsvHeader({ header: [...REQUIRED_HEADER, 'Opmerking'], records: [] });
    expect(result.errors[0]?.message).not.toContain('Did you mean');
    expect(result.errors[0]?.message).toContain('The known columns are claim_id, customer_id');
  });

  it('refuses a column that appears twice', () => {
    const result = mapCsvHeader({ header: [...REQUIRED_HEADER, 'Principal_Cents'], records: [] });
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          row: 1,
          field: 'principal_cents',
          code: ImportErrorCode.MALFORMED_CSV,
          message: "column 'principal_cents' appears twice in the header (columns 5 and 10)",
        },
      ],
    });
  });

  it('ignores a nameless column without values, as Excel writes after formatted cells', () => {
    const records = [{ line: 2, values: [...REQUIRED_HEADER.map(() => 'x'), ' '] }];
    const result = mapCsvHeader({ header: [...REQUIRED_HEADER, ''], records });
    expect(result).toMatchObject({ ok: true, errors: [] });
    if (result.ok) expect(result.fields[9]).toBeNull();
  });

  it('refuses a nameless column that holds values, naming the first line with one', () => {
    const records = [
      { line: 2, values: [...REQUIRED_HEADER.map(() => 'x'), ''] },
      { line: 3, values: [...REQUIRED_HEADER.map(() => 'x'), 'zie brief'] },
    ];
    const result = mapCsvHeader({ header: [...REQUIRED_HEADER, ''], records });
    expect(result.errors).toEqual([
      {
        row: 1,
        field: '',
        code: ImportErrorCode.UNKNOWN_COLUMN,
        message: 'column 10 has no name in the header but holds values (first on line 3); name it or remove it',
      },
    ]);
  });
});

describe('csvRecordToInput', () => {
  it('keys values by field and leaves ignored columns out', () => {
    expect(
      csvRecordToInput({ fields: ['claimReference', null, 'principalCents'], values: ['AJ-1', 'ruis', '41250'] }),
    ).toEqual({ claimReference: 'AJ-1', principalCents: '41250' });
  });
});
