import { MAX_CLAIM_AMOUNT_CENTS, sumCents } from '#contracts';
import { type ClaimFieldLabels, type ClaimImportRow, ImportErrorCode } from './claim-import-row.js';
import type { RowProblem } from './row-problem.js';

/** Nobody with a claim today was born before this; an earlier date is a typo (1889 for 1989). */
export const EARLIEST_BIRTH_DATE = '1900-01-01';

/**
 * The checks on one row that need today's date or more than one field, so class-validator cannot
 * express them. They see only values that passed the field checks (the partial row), so a bad date
 * is reported once, as a bad date, and not again as 'due before issued'.
 *
 * `today` comes in as a parameter (YYYY-MM-DD, Europe/Amsterdam) and is never read from the clock
 * here, so these rules are testable on any day. Dates compare as strings: ISO order is date order.
 */
export function checkClaimRowRules(params: {
  row: number;
  values: Partial<ClaimImportRow>;
  today: string;
  labels: ClaimFieldLabels;
}): RowProblem[] {
  const { row, values, today, labels } = params;
  const problems: RowProblem[] = [];
  const { issuedOn, dueOn, customerBirthDate, principalCents, interestCents, costsCents } = values;

  if (issuedOn !== undefined && issuedOn > today) {
    problems.push({
      row,
      field: 'issuedOn',
      code: ImportErrorCode.DATE_IN_FUTURE,
      message: `${labels.issuedOn} must not be after today, ${today} (got '${issuedOn}')`,
    });
  }

  if (issuedOn !== undefined && dueOn !== undefined && dueOn < issuedOn) {
    problems.push({
      row,
      field: 'dueOn',
      code: ImportErrorCode.DUE_BEFORE_ISSUED,
      message: `${labels.dueOn} must not be before ${labels.issuedOn} ${issuedOn} (got '${dueOn}')`,
    });
  }

  if (customerBirthDate !== undefined && customerBirthDate !== null) {
    if (customerBirthDate < EARLIEST_BIRTH_DATE) {
      problems.push({
        row,
        field: 'customerBirthDate',
        code: ImportErrorCode.INVALID_DATE,
        message: `${labels.customerBirthDate} must not be before ${EARLIEST_BIRTH_DATE} (got '${customerBirthDate}')`,
      });
    } else if (customerBirthDate > today) {
      problems.push({
        row,
        field: 'customerBirthDate',
        code: ImportErrorCode.DATE_IN_FUTURE,
        message: `${labels.customerBirthDate} must not be after today, ${today} (got '${customerBirthDate}')`,
      });
    }
  }

  // Each amount is already at most €10 million; the claim as a whole must be too. No single field
  // is wrong here, so the problem belongs to the row.
  if (principalCents !== undefined && interestCents !== undefined && costsCents !== undefined) {
    const total = sumCents([principalCents, interestCents, costsCents]);
    if (total > MAX_CLAIM_AMOUNT_CENTS) {
      problems.push({
        row,
        field: null,
        code: ImportErrorCode.AMOUNT_TOO_LARGE,
        message: `the total of ${labels.principalCents}, ${labels.interestCents} and ${labels.costsCents} must be at most ${MAX_CLAIM_AMOUNT_CENTS} cents (€ 10 million) (got ${total})`,
      });
    }
  }

  return problems;
}
