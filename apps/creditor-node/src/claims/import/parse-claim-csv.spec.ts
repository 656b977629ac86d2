import { describe, expect, it } from '@jest/globals';
import { IMPORT_ERROR_CODES, ImportErrorCode } from './claim-import-row.js';
import { FULL_HEADER, GOOD_CLAIM, graphqlInput, numbered, TODAY, utf8 } from './claim-import.test-fixtures.js';
import { parseClaimCsv as parseClaimCsvByItsOwnName } from './parse-claim-csv.js';
import { parseClaimCsv, validateClaimRows } from './validate-claim-rows.js';

type Column = (typeof FULL_HEADER)[number];

const GOOD_RECORD: Readonly<Record<Column, string>> = {
  claim_id: 'AJ-2025-004711',
  customer_id: 'BSN-REF-88123',
  customer_postcode: '3511 AB',
  customer_birth_date: '1978-04-12',
  description: 'Gemeentelijke belastingen 2025 — afvalstoffenheffing',
  principal_cents: '41250',
  interest_cents: '0',
  costs_cents: '0',
  issued_on: '2025-02-28',
  due_on: '2025-04-30',
  stage: 'reminder',
  preferential: 'nee',
};

/** One CSV line as Excel writes it: values with the delimiter, quotes or line breaks are quoted. */
function line(values: readonly string[], delimiter = ';'): string {
  return values
    .map((value) => (/[;,"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value))
    .join(delimiter);
}

function record(overrides: Partial<Record<Column, string>> = {}, header: readonly string[] = FULL_HEADER): string {
  const values: Record<string, string | undefined> = { ...GOOD_RECORD, ...overrides };
  return line(header.map((column) => values[column] ?? ''));
}

function csv(lines: readonly string[]): Uint8Array {
  return utf8(`${lines.join('\r\n')}\r\n`);
}

function goodFile(...records: string[]): Uint8Array {
  return csv([line(FULL_HEADER), ...records]);
}

function errorsOf(result: ReturnType<typeof parseClaimCsv>) {
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('parseClaimCsv (the CSV way in)', () => {
  it('imports a Dutch Excel file: BOM, semicolons, CRLF, quoted values, a value over two lines', () => {
    const text = [
      `\uFEFF${line(FULL_HEADER)}`,
      record(),
      'AJ-2025-004712;BSN-REF-88124;1012 ab;;"Rioolheffing 2025; ""eigenaar""\r\nperceel Oudegracht 1";18900;;350;2025-03-31;2025-05-31;FORMAL_DEMAND;Ja',
      record({ claim_id: 'WS-2025-000017', stage: 'writ', preferential: '1', principal_cents: '99500', interest_cents: '1210' }),
      '',
    ].join('\r\n');
    const result = parseClaimCsv({ bytes: utf8(text), today: TODAY });
    expect(result).toEqual({
      ok: true,
      rows: [
        {
          row: 2,
          claim: GOOD_CLAIM,
        },
        {
          row: 3,
          claim: {
            claimReference: 'AJ-2025-004712',
            customerReference: 'BSN-REF-88124',
            customerPostcode: '1012AB',
            customerBirthDate: null,
            description: 'Rioolheffing 2025; "eigenaar" perceel Oudegracht 1',
            principalCents: 18_900,
            interestCents: 0,
            costsCents: 350,
            issuedOn: '2025-03-31',
            dueOn: '2025-05-31',
            stage: 'formal_demand',
            preferential: true,
          },
        },
        {
          row: 5,
          claim: expect.objectContaining({ claimReference: 'WS-2025-000017', stage: 'writ', preferential: true, interestCents: 1_210 }),
        },
      ],
    });
  });

  it('imports a comma file without the optional columns', () => {
    const header = FULL_HEADER.filter((c) => !['customer_birth_date', 'interest_cents', 'costs_cents'].includes(c));
    const text = [header.join(','), record({}, header).replaceAll(';', ','), ''].join('\n');
    const result = parseClaimCsv({ bytes: utf8(text), today: TODAY });
    expect(result).toMatchObject({
      ok: true,
      rows: [{ row: 2, claim: { customerBirthDate: null, interestCents: 0, costsCents: 0 } }],
    });
  });

  it('gives the same claims through CSV as through GraphQL', () => {
    const file = goodFile(
      record(),
      record({ claim_id: 'AJ-2025-004712', customer_birth_date: '', interest_cents: '', costs_cents: '1100', stage: 'formal_demand', preferential: 'ja' }),
    );
    const graphql = numbered([
      graphqlInput(),
      graphqlInput({ claimReference: 'AJ-2025-004712', customerBirthDate: undefined, interestCents: undefined, costsCents: '1100', stage: 'FORMAL_DEMAND', preferential: true }),
    ]);
    const fromCsv = parseClaimCsv({ bytes: file, today: TODAY });
    const fromGraphql = validateClaimRows({ rows: graphql, today: TODAY });
    if (!fromCsv.ok || !fromGraphql.ok) throw new Error('expected both to validate');
    expect(fromCsv.rows.map((r) => r.claim)).toEqual(fromGraphql.rows.map((r) => r.claim));
    // Numbering differs on purpose: file lines (header = 1) against list positions.
    expect(fromCsv.rows.map((r) => r.row)).toEqual([2, 3]);
    expect(fromGraphql.rows.map((r) => r.row)).toEqual([1, 2]);
  });

  it('gives the same problems through CSV as through GraphQL, each in its own names', () => {
    const fromCsv = errorsOf(parseClaimCsv({ bytes: goodFile(record({ principal_cents: '-500' })), today: TODAY }));
    const fromGraphql = errorsOf(validateClaimRows({ rows: numbered([graphqlInput({ principalCents: '-500' })]), today: TODAY }));
    expect(fromCsv).toEqual([
      { row: 2, field: 'principal_cents', code: ImportErrorCode.AMOUNT_NOT_POSITIVE, message: 'principal_cents must be more than 0 (got -500)' },
    ]);
    expect(fromGraphql).toEqual([
      { row: 1, field: 'principalCents', code: ImportErrorCode.AMOUNT_NOT_POSITIVE, message: 'principalCents must be more than 0 (got -500)' },
    ]);
  });

  it('keeps line numbers right for the rows after a description that spans lines', () => {
    const file = goodFile(
      record({ claim_id: 'AJ-1', description: 'Aanslag 2025\nregel twee\nregel drie' }),
      record({ claim_id: 'AJ-2', principal_cents: '12.50' }),
      record({ claim_id: 'AJ-3', stage: 'beslag' }),
    );
    expect(errorsOf(parseClaimCsv({ bytes: file, today: TODAY })).map((e) => [e.row, e.field, e.code])).toEqual([
      [5, 'principal_cents', ImportErrorCode.INVALID_AMOUNT],
      [6, 'stage', ImportErrorCode.UNKNOWN_STAGE],
    ]);
  });

  it('reports unknown columns and the problems in the rows together', () => {
    const header = [...FULL_HEADER, 'opmerking'];
    const file = csv([line(header), `${record({ due_on: '2025-01-01' })};zie brief`]);
    expect(errorsOf(parseClaimCsv({ bytes: file, today: TODAY })).map((e) => [e.row, e.field, e.code])).toEqual([
      [1, 'opmerking', ImportErrorCode.UNKNOWN_COLUMN],
      [2, 'due_on', ImportErrorCode.DUE_BEFORE_ISSUED],
    ]);
  });

  it('reports only the header when a required column is missing, instead of the same problem on every row', () => {
    const header = FULL_HEADER.filter((c) => c !== 'stage');
    const file = csv([line(header), record({}, header), record({ principal_cents: 'x' }, header)]);
    expect(errorsOf(parseClaimCsv({ bytes: file, today: TODAY }))).toEqual([
      { row: 1, field: 'stage', code: ImportErrorCode.MISSING_COLUMN, message: "required column 'stage' is missing from the header" },
    ]);
  });

  it('rejects the file of the back-office integration test with every problem', () => {
    const text = [
      'claim_id,customer_id,customer_postcode,description,principal_cents,issued_on,due_on,stage,preferential',
      'WV-2024-0900,WV-1,8011CD,Heffing,0,2024-03-31,2024-05-31,writ,false',
      'WV-2024-0901,WV-1,8011CD,Heffing,1200000000,2024-02-30,2024-05-31,beslag,false',
    ].join('\n');
    expect(errorsOf(parseClaimCsv({ bytes: utf8(text), today: TODAY })).map((e) => [e.row, e.field, e.code])).toEqual([
      [2, 'principal_cents', ImportErrorCode.AMOUNT_NOT_POSITIVE],
      [3, 'principal_cents', ImportErrorCode.AMOUNT_TOO_LARGE],
      [3, 'issued_on', ImportErrorCode.INVALID_DATE],
      [3, 'stage', ImportErrorCode.UNKNOWN_STAGE],
    ]);
  });

  it('is also exported as parse-claim-csv.js', () => {
    expect(parseClaimCsvByItsOwnName).toBe(parseClaimCsv);
  });

  // Every code, end to end through the CSV path: the exact code, row (file line) and field.
  const windows1252 = Uint8Array.from([...utf8(`${line(FULL_HEADER)}\r\n${record({ description: 'Caf' })}`), 0xe9, 0x0d, 0x0a]);
  const withoutDueOn = FULL_HEADER.filter((c) => c !== 'due_on');
  const cases: readonly [ImportErrorCode, Uint8Array, { row: number; field: string | null }, number | undefined][] = [
    [ImportErrorCode.MALFORMED_CSV, goodFile(record(), record().replace(/;nee$/, '')), { row: 3, field: null }, undefined],
    [ImportErrorCode.INVALID_ENCODING, windows1252, { row: 2, field: null }, undefined],
    [ImportErrorCode.MISSING_COLUMN, csv([line(withoutDueOn), record({}, withoutDueOn)]), { row: 1, field: 'due_on' }, undefined],
    [ImportErrorCode.UNKNOWN_COLUMN, csv([`${line(FULL_HEADER)};Opmerking`, `${record()};`]), { row: 1, field: 'Opmerking' }, undefined],
    [ImportErrorCode.MISSING_FIELD, goodFile(record({ stage: ' ' })), { row: 2, field: 'stage' }, undefined],
    [ImportErrorCode.INVALID_AMOUNT, goodFile(record({ principal_cents: '1.250' })), { row: 2, field: 'principal_cents' }, undefined],
    [ImportErrorCode.AMOUNT_NOT_POSITIVE, goodFile(record({ principal_cents: '0' })), { row: 2, field: 'principal_cents' }, undefined],
    [ImportErrorCode.AMOUNT_NEGATIVE, goodFile(record({ interest_cents: '-250' })), { row: 2, field: 'interest_cents' }, undefined],
    [ImportErrorCode.AMOUNT_TOO_LARGE, goodFile(record({ costs_cents: '1000000001' })), { row: 2, field: 'costs_cents' }, undefined],
    [ImportErrorCode.INVALID_DATE, goodFile(record({ issued_on: '2025-02-30' })), { row: 2, field: 'issued_on' }, undefined],
    [ImportErrorCode.DATE_IN_FUTURE, goodFile(record({ issued_on: '2025-06-16', due_on: '2025-07-31' })), { row: 2, field: 'issued_on' }, undefined],
    [ImportErrorCode.DUE_BEFORE_ISSUED, goodFile(record({ due_on: '2025-02-27' })), { row: 2, field: 'due_on' }, undefined],
    [ImportErrorCode.UNKNOWN_STAGE, goodFile(record({ stage: 'aanmaning' })), { row: 2, field: 'stage' }, undefined],
    [ImportErrorCode.INVALID_REFERENCE, goodFile(record({ claim_id: 'AJ 2025 004711' })), { row: 2, field: 'claim_id' }, undefined],
    [ImportErrorCode.INVALID_POSTCODE, goodFile(record({ customer_postcode: '35111AB' })), { row: 2, field: 'customer_postcode' }, undefined],
    [ImportErrorCode.INVALID_BOOLEAN, goodFile(record({ preferential: 'j' })), { row: 2, field: 'preferential' }, undefined],
    [ImportErrorCode.INVALID_DESCRIPTION, goodFile(record({ description: 'a'.repeat(201) })), { row: 2, field: 'description' }, undefined],
    [ImportErrorCode.DUPLICATE_CLAIM_ID, goodFile(record(), record()), { row: 3, field: 'claim_id' }, undefined],
    [
      ImportErrorCode.CUSTOMER_CONFLICT,
      goodFile(record(), record({ claim_id: 'AJ-2025-004712', customer_postcode: '3512 JE' })),
      { row: 3, field: 'customer_postcode' },
      undefined,
    ],
    [ImportErrorCode.TOO_MANY_ROWS, goodFile(record(), record({ claim_id: 'AJ-2' }), record({ claim_id: 'AJ-3' })), { row: 4, field: null }, 2],
    [ImportErrorCode.EMPTY_FILE, csv([line(FULL_HEADER)]), { row: 1, field: null }, undefined],
  ];

  it.each(cases)('reports %s with its row and field', (code, bytes, where, maxRows) => {
    const errors = errorsOf(parseClaimCsv({ bytes, today: TODAY, maxRows }));
    expect(errors).toEqual([{ ...where, code, message: expect.any(String) }]);
    expect(errors[0]?.message.length).toBeGreaterThan(20);
  });

  it('has a case above for every import error code', () => {
    expect(new Set(cases.map(([code]) => code))).toEqual(new Set(IMPORT_ERROR_CODES));
  });
});
