import { describe, expect, it } from '@jest/globals';
import { CSV_FIELD_LABELS } from './claim-csv-columns.js';
import { GRAPHQL_FIELD_LABELS, ImportErrorCode } from './claim-import-row.js';
import { GOOD_CLAIM, graphqlInput, TODAY } from './claim-import.test-fixtures.js';
import { validateClaimRow } from './validate-claim-row.js';

function validate(overrides: Record<string, unknown>, labels = GRAPHQL_FIELD_LABELS) {
  return validateClaimRow({ row: 3, input: graphqlInput(overrides), today: TODAY, labels });
}

function problems(overrides: Record<string, unknown>, labels = GRAPHQL_FIELD_LABELS) {
  const result = validate(overrides, labels);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('validateClaimRow', () => {
  it('normalises a good row', () => {
    expect(validate({})).toEqual({
      ok: true,
      value: GOOD_CLAIM,
    });
  });

  it('defaults missing interest and costs to 0 and a missing birth date to null', () => {
    const result = validate({ interestCents: undefined, costsCents: '', customerBirthDate: null });
    expect(result).toMatchObject({ ok: true, value: { interestCents: 0, costsCents: 0, customerBirthDate: null } });
  });

  it.each([
    ['3511 AB', '3511AB'],
    ['3511ab', '3511AB'],
    [' 3511 ab ', '3511AB'],
  ])('normalises postcode %j to %j', (input, stored) => {
    expect(validate({ customerPostcode: input })).toMatchObject({ ok: true, value: { customerPostcode: stored } });
  });

  it.each([
    ['INVOICE', 'invoice'],
    ['REMINDER', 'reminder'],
    ['FORMAL_DEMAND', 'formal_demand'],
    ['WRIT', 'writ'],
    ['formal_demand', 'formal_demand'],
  ])('accepts stage %j as %j', (input, stored) => {
    expect(validate({ stage: input })).toMatchObject({ ok: true, value: { stage: stored } });
  });

  it.each([
    ['ja', true],
    ['NEE', false],
    ['1', true],
    [true, true],
  ])('accepts preferential %j as %j', (input, stored) => {
    expect(validate({ preferential: input })).toMatchObject({ ok: true, value: { preferential: stored } });
  });

  it('accepts the largest amounts and a reference of 64 characters', () => {
    const reference = `A${'x'.repeat(63)}`;
    expect(validate({ claimReference: reference, principalCents: '1000000000' })).toMatchObject({
      ok: true,
      value: { claimReference: reference, principalCents: 1_000_000_000 },
    });
  });

  it('accepts amounts a caller already parsed to numbers', () => {
    expect(validate({ principalCents: 41_250, costsCents: 1_100 })).toMatchObject({
      ok: true,
      value: { principalCents: 41_250, costsCents: 1_100 },
    });
  });

  // One case per field error code: the exact code, field and message, in the CSV vocabulary.
  it.each([
    ['claimReference', '', ImportErrorCode.MISSING_FIELD, 'claim_id', 'claim_id is required but empty'],
    ['customerPostcode', '   ', ImportErrorCode.MISSING_FIELD, 'customer_postcode', 'customer_postcode is required but empty'],
    [
      'claimReference',
      'AJ:2025:1',
      ImportErrorCode.INVALID_REFERENCE,
      'claim_id',
      "claim_id may contain only letters, digits, '.', '_', '/' and '-' (got 'AJ:2025:1', which contains ':')",
    ],
    [
      'customerReference',
      '-K88123',
      ImportErrorCode.INVALID_REFERENCE,
      'customer_id',
      "customer_id must start with a letter or digit (got '-K88123')",
    ],
    [
      'claimReference',
      `A${'x'.repeat(64)}`,
      ImportErrorCode.INVALID_REFERENCE,
      'claim_id',
      'claim_id must be at most 64 characters (got 65)',
    ],
    [
      'customerPostcode',
      '0511 AB',
      ImportErrorCode.INVALID_POSTCODE,
      'customer_postcode',
      "customer_postcode must be a Dutch postcode like 3511 AB (got '0511 AB')",
    ],
    [
      'customerBirthDate',
      '12-04-1978',
      ImportErrorCode.INVALID_DATE,
      'customer_birth_date',
      "customer_birth_date must be a date written as YYYY-MM-DD, e.g. 2025-03-31 (got '12-04-1978')",
    ],
    [
      'description',
      'x'.repeat(201),
      ImportErrorCode.INVALID_DESCRIPTION,
      'description',
      'description must be at most 200 characters (got 201)',
    ],
    [
      'description',
      'Aanslag\u0000 2025',
      ImportErrorCode.INVALID_DESCRIPTION,
      'description',
      'description must not contain control characters (found U+0000 at position 8)',
    ],
    [
      'principalCents',
      '12.50',
      ImportErrorCode.INVALID_AMOUNT,
      'principal_cents',
      'principal_cents must be a whole number of cents, without decimals or thousands separators: write 1250 for € 12,50 (got 12.50)',
    ],
    [
      'interestCents',
      '1.250',
      ImportErrorCode.INVALID_AMOUNT,
      'interest_cents',
      'interest_cents must be a whole number of cents, without decimals or thousands separators: write 1250 for € 12,50 (got 1.250)',
    ],
    ['principalCents', '-500', ImportErrorCode.AMOUNT_NOT_POSITIVE, 'principal_cents', 'principal_cents must be more than 0 (got -500)'],
    ['principalCents', '0', ImportErrorCode.AMOUNT_NOT_POSITIVE, 'principal_cents', 'principal_cents must be more than 0 (got 0)'],
    ['interestCents', '-1', ImportErrorCode.AMOUNT_NEGATIVE, 'interest_cents', 'interest_cents must not be negative (got -1)'],
    ['costsCents', '-1100', ImportErrorCode.AMOUNT_NEGATIVE, 'costs_cents', 'costs_cents must not be negative (got -1100)'],
    [
      'principalCents',
      '1000000001',
      ImportErrorCode.AMOUNT_TOO_LARGE,
      'principal_cents',
      'principal_cents must be at most 1000000000 cents (€ 10 million) (got 1000000001)',
    ],
    [
      'costsCents',
      '99999999999999999999',
      ImportErrorCode.AMOUNT_TOO_LARGE,
      'costs_cents',
      'costs_cents must be at most 1000000000 cents (€ 10 million) (got 99999999999999999999)',
    ],
    ['issuedOn', '2025-02-30', ImportErrorCode.INVALID_DATE, 'issued_on', "issued_on is not a real date (got '2025-02-30')"],
    [
      'customerBirthDate',
      '2030-01-01',
      ImportErrorCode.DATE_IN_FUTURE,
      'customer_birth_date',
      "customer_birth_date must not be after today, 2025-06-15 (got '2030-01-01')",
    ],
    [
      'customerBirthDate',
      '1890-05-01',
      ImportErrorCode.INVALID_DATE,
      'customer_birth_date',
      "customer_birth_date must not be before 1900-01-01 (got '1890-05-01')",
    ],
    ['dueOn', '2025-02-27', ImportErrorCode.DUE_BEFORE_ISSUED, 'due_on', "due_on must not be before issued_on 2025-02-28 (got '2025-02-27')"],
    [
      'stage',
      'herinnering',
      ImportErrorCode.UNKNOWN_STAGE,
      'stage',
      "stage must be one of invoice, reminder, formal_demand, writ (got 'herinnering')",
    ],
    [
      'preferential',
      'misschien',
      ImportErrorCode.INVALID_BOOLEAN,
      'preferential',
      "preferential must be one of true/false, ja/nee, yes/no, 1/0 (got 'misschien')",
    ],
  ])('reports %s = %j as %s', (field, value, code, label, message) => {
    expect(problems({ [field]: value }, CSV_FIELD_LABELS)).toEqual([{ row: 3, field, code, message }]);
  });

  it('reports an issue date after today', () => {
    expect(problems({ issuedOn: '2025-06-16', dueOn: '2025-07-31' }, CSV_FIELD_LABELS)).toEqual([
      {
        row: 3,
        field: 'issuedOn',
        code: ImportErrorCode.DATE_IN_FUTURE,
        message: "issued_on must not be after today, 2025-06-15 (got '2025-06-16')",
      },
    ]);
  });

  it('reports a total above €10 million on the row, not on a field', () => {
    expect(problems({ principalCents: '999000000', interestCents: '1000000', costsCents: '1' })).toEqual([
      expect.objectContaining({ row: 3, field: null, code: ImportErrorCode.AMOUNT_TOO_LARGE }),
    ]);
  });

  it('reports a value of the wrong type with the code of its field', () => {
    expect(problems({ claimReference: 4711, preferential: 'ja', issuedOn: 20250228 }).map((p) => [p.field, p.code])).toEqual([
      ['claimReference', ImportErrorCode.INVALID_REFERENCE],
      ['issuedOn', ImportErrorCode.INVALID_DATE],
    ]);
  });

  it('reports an unknown input field rather than dropping it', () => {
    expect(problems({ principal: '41250' })).toEqual([
      {
        row: 3,
        field: null,
        code: ImportErrorCode.UNKNOWN_COLUMN,
        message: expect.stringContaining("unknown field 'principal'; the known fields are claimReference"),
      },
    ]);
  });

  it('reports every problem of a row, and keeps the fields that passed for the checks across rows', () => {
    const result = validate({ principalCents: 'veel', stage: undefined, customerPostcode: '3511 ab' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.field)).toEqual(['principalCents', 'stage']);
    expect(result.valid).toEqual({
      claimReference: 'AJ-2025-004711',
      customerReference: 'BSN-REF-88123',
      customerPostcode: '3511AB',
      customerBirthDate: '1978-04-12',
      description: 'Gemeentelijke belastingen 2025 — afvalstoffenheffing',
      interestCents: 0,
      costsCents: 0,
      issuedOn: '2025-02-28',
      dueOn: '2025-04-30',
      preferential: false,
    });
  });
});
