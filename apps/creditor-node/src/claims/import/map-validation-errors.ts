import type { ValidationError } from 'class-validator';
import {
  type ClaimFieldLabels,
  ImportErrorCode,
  isClaimRowField,
  isImportErrorCode,
} from './claim-import-row.js';
import type { RowProblem } from './row-problem.js';

/**
 * Turns class-validator's errors for one row into row problems. The code comes from the decorator's
 * `context` (see `rule`), never from parsing a message. A failed decorator without a code is a
 * programming error and throws, so it cannot slip through as a vague error.
 *
 * One problem per field: when several checks fail on one value, the most basic one is reported
 * (an empty value is 'missing', not also 'not a date'; '12.50' is 'not whole cents', not also
 * 'too small'). Fixing it may reveal the next, which is rare and better than noise on every cell.
 */
export function mapValidationErrors(params: {
  row: number;
  errors: readonly ValidationError[];
  labels: ClaimFieldLabels;
}): RowProblem[] {
  const { row, errors, labels } = params;
  const problems: RowProblem[] = [];
  for (const error of errors) {
    const field = error.property;
    if (!isClaimRowField(field)) throw new Error(`Validation error for unknown property '${field}'`);
    let chosen: { code: ImportErrorCode; predicate: string } | null = null;
    for (const [constraint, predicate] of Object.entries(error.constraints ?? {})) {
      const code = codeOf({ error, constraint });
      if (chosen === null || checkLevel(code) < checkLevel(chosen.code)) chosen = { code, predicate };
    }
    if (chosen !== null) {
      problems.push({ row, field, code: chosen.code, message: `${labels[field]} ${chosen.predicate}` });
    }
  }
  return problems;
}

function codeOf(params: { error: ValidationError; constraint: string }): ImportErrorCode {
  const context: unknown = params.error.contexts?.[params.constraint];
  const code: unknown = typeof context === 'object' && context !== null ? Reflect.get(context, 'code') : undefined;
  if (!isImportErrorCode(code)) {
    throw new Error(`Decorator '${params.constraint}' on '${params.error.property}' has no ImportErrorCode context`);
  }
  return code;
}

/** Lower is more basic: presence, then form, then meaning. */
function checkLevel(code: ImportErrorCode): number {
  switch (code) {
    case ImportErrorCode.MISSING_FIELD:
      return 0;
    case ImportErrorCode.INVALID_AMOUNT:
    case ImportErrorCode.INVALID_DATE:
    case ImportErrorCode.INVALID_REFERENCE:
    case ImportErrorCode.INVALID_POSTCODE:
    case ImportErrorCode.INVALID_BOOLEAN:
    case ImportErrorCode.INVALID_DESCRIPTION:
    case ImportErrorCode.UNKNOWN_STAGE:
      return 1;
    case ImportErrorCode.AMOUNT_NOT_POSITIVE:
    case ImportErrorCode.AMOUNT_NEGATIVE:
    case ImportErrorCode.AMOUNT_TOO_LARGE:
    case ImportErrorCode.DATE_IN_FUTURE:
    case ImportErrorCode.DUE_BEFORE_ISSUED:
    case ImportErrorCode.DUPLICATE_CLAIM_ID:
    case ImportErrorCode.CUSTOMER_CONFLICT:
      return 2;
    // File-level codes never come from a field decorator; ranked last for completeness.
    case ImportErrorCode.MALFORMED_CSV:
    case ImportErrorCode.INVALID_ENCODING:
    case ImportErrorCode.MISSING_COLUMN:
    case ImportErrorCode.UNKNOWN_COLUMN:
    case ImportErrorCode.TOO_MANY_ROWS:
    case ImportErrorCode.EMPTY_FILE:
      return 3;
  }
}
