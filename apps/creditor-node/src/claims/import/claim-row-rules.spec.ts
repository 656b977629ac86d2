import { describe, expect, it } from '@jest/globals';
import { cents } from '#contracts';
import { CSV_FIELD_LABELS } from './claim-csv-columns.js';
import { GRAPHQL_FIELD_LABELS, ImportErrorCode, type ClaimImportRow } from './claim-import-row.js';
import { TODAY } from './claim-import.test-fixtures.js';
import { checkClaimRowRules } from './claim-row-rules.js';

const GOOD: Partial<ClaimImportRow> = {
  customerBirthDate: '1978-04-12',
  principalCents: cents(41_250),
  interestCents: cents(0),
  costsCents: cents(0),
  issuedOn: '2025-02-28',
  dueOn: '2025-04-30',
};

function check(values: Partial<ClaimImportRow>, labels = GRAPHQL_FIELD_LABELS) {
  return checkClaimRowRules({ row: 4, values: { ...GOOD, ...values }, today: TODAY, labels });
}

describe('checkClaimRowRules', () => {
  it('finds nothing wrong with a good row', () => {
    expect(check({})).toEqual([]);
  });

  it('refuses a claim issued after today, and allows one issued today', () => {
    expect(check({ issuedOn: '2025-06-16', dueOn: '2025-07-31' })).toEqual([
      {
        row: 4,
        field: 'issuedOn',
        code: ImportErrorCode.DATE_IN_FUTURE,
        message: "issuedOn must not be after today, 2025-06-15 (got '2025-06-16')",
      },
    ]);
    expect(check({ issuedOn: TODAY, dueOn: TODAY })).toEqual([]);
  });

  it('refuses a due date before the issue date, and allows the same day', () => {
    expect(check({ issuedOn: '2025-03-01', dueOn: '2025-02-28' }, CSV_FIELD_LABELS)).toEqual([
      {
        row: 4,
        field: 'dueOn',
        code: ImportErrorCode.DUE_BEFORE_ISSUED,
        message: "due_on must not be before issued_on 2025-03-01 (got '2025-02-28')",
      },
    ]);
    expect(check({ issuedOn: '2025-03-01', dueOn: '2025-03-01' })).toEqual([]);
  });

  it('allows a due date in the future', () => {
    expect(check({ dueOn: '2026-01-31' })).toEqual([]);
  });

  it('refuses a birth date before 1900 and one after today', () => {
    expect(check({ customerBirthDate: '1899-12-31' })).toEqual([
      {
        row: 4,
        field: 'customerBirthDate',
        code: ImportErrorCode.INVALID_DATE,
        message: "customerBirthDate must not be before 1900-01-01 (got '1899-12-31')",
      },
    ]);
    expect(check({ customerBirthDate: '2025-06-16' })).toEqual([
      {
        row: 4,
        field: 'customerBirthDate',
        code: ImportErrorCode.DATE_IN_FUTURE,
        message: "customerBirthDate must not be after today, 2025-06-15 (got '2025-06-16')",
      },
    ]);
    expect(check({ customerBirthDate: '1900-01-01' })).toEqual([]);
    expect(check({ customerBirthDate: null })).toEqual([]);
  });

  it('refuses a claim whose total is above €10 million, as a problem of the row', () => {
    const total = check({ principalCents: cents(900_000_000), interestCents: cents(60_000_000), costsCents: cents(40_000_001) });
    expect(total).toEqual([
      {
        row: 4,
        field: null,
        code: ImportErrorCode.AMOUNT_TOO_LARGE,
        message:
          'the total of principalCents, interestCents and costsCents must be at most 1000000000 cents (€ 10 million) (got 1000000001)',
      },
    ]);
    expect(check({ principalCents: cents(900_000_000), interestCents: cents(60_000_000), costsCents: cents(40_000_000) })).toEqual(
      [],
    );
  });

  it('skips a rule when a value it needs failed its own checks', () => {
    const { issuedOn: _issued, principalCents: _principal, ...rest } = GOOD;
    expect(
      checkClaimRowRules({ row: 4, values: { ...rest, dueOn: '1999-01-01' }, today: TODAY, labels: GRAPHQL_FIELD_LABELS }),
    ).toEqual([]);
  });
});
