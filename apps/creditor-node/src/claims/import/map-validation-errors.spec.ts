import { describe, expect, it } from '@jest/globals';
import { ValidationError } from 'class-validator';
import { CSV_FIELD_LABELS } from './claim-csv-columns.js';
import { GRAPHQL_FIELD_LABELS, ImportErrorCode } from './claim-import-row.js';
import { graphqlInput } from './claim-import.test-fixtures.js';
import { toClaimRowDto, validateClaimRowDto } from './claim-row.dto.js';
import { mapValidationErrors } from './map-validation-errors.js';

function problemsFor(overrides: Record<string, unknown>, labels = GRAPHQL_FIELD_LABELS) {
  const errors = validateClaimRowDto(toClaimRowDto(graphqlInput(overrides)));
  return mapValidationErrors({ row: 7, errors, labels });
}

function validationError(params: { property: string; constraints: Record<string, string>; contexts?: Record<string, unknown> }) {
  return Object.assign(new ValidationError(), params);
}

describe('mapValidationErrors', () => {
  it('takes the code from the decorator context and names the field the way the caller does', () => {
    expect(problemsFor({ principalCents: '-500' })).toEqual([
      {
        row: 7,
        field: 'principalCents',
        code: ImportErrorCode.AMOUNT_NOT_POSITIVE,
        message: 'principalCents must be more than 0 (got -500)',
      },
    ]);
    expect(problemsFor({ principalCents: '-500' }, CSV_FIELD_LABELS)[0]?.message).toBe(
      'principal_cents must be more than 0 (got -500)',
    );
  });

  it('reports a missing value once, as missing, not also as malformed', () => {
    // Both IsDefined and the pattern and length checks fail on a missing reference.
    expect(problemsFor({ claimReference: undefined })).toEqual([
      {
        row: 7,
        field: 'claimReference',
        code: ImportErrorCode.MISSING_FIELD,
        message: 'claimReference is required but empty',
      },
    ]);
  });

  it('reports a malformed amount once, not also as out of range', () => {
    expect(problemsFor({ principalCents: 'veel' }).map((p) => p.code)).toEqual([ImportErrorCode.INVALID_AMOUNT]);
  });

  it('reports one problem per field, for every field that has one', () => {
    const problems = problemsFor({ claimReference: 'AJ:1', principalCents: '0', stage: 'beslag', dueOn: '30-04-2025' });
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['claimReference', ImportErrorCode.INVALID_REFERENCE],
      ['principalCents', ImportErrorCode.AMOUNT_NOT_POSITIVE],
      ['dueOn', ImportErrorCode.INVALID_DATE],
      ['stage', ImportErrorCode.UNKNOWN_STAGE],
    ]);
  });

  it('prefers the more basic of two failures whatever order they arrive in', () => {
    const contexts = {
      centsAtLeast: { code: ImportErrorCode.AMOUNT_NOT_POSITIVE },
      isDefined: { code: ImportErrorCode.MISSING_FIELD },
    };
    const error = validationError({
      property: 'principalCents',
      constraints: { centsAtLeast: 'must be more than 0', isDefined: 'is required but empty' },
      contexts,
    });
    expect(mapValidationErrors({ row: 1, errors: [error], labels: GRAPHQL_FIELD_LABELS })[0]?.code).toBe(
      ImportErrorCode.MISSING_FIELD,
    );
  });

  it('throws for a failed check without a code: a programming error must not reach users as a vague error', () => {
    const error = validationError({ property: 'stage', constraints: { isIn: 'must be one of …' } });
    expect(() => mapValidationErrors({ row: 1, errors: [error], labels: GRAPHQL_FIELD_LABELS })).toThrow(
      "Decorator 'isIn' on 'stage' has no ImportErrorCode context",
    );
  });

  it('throws for an error on a property that is not a claim field', () => {
    const error = validationError({ property: 'isAdmin', constraints: {} });
    expect(() => mapValidationErrors({ row: 1, errors: [error], labels: GRAPHQL_FIELD_LABELS })).toThrow('isAdmin');
  });
});
