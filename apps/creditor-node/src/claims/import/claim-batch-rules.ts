import { type ClaimFieldLabels, type ClaimImportRow, ImportErrorCode } from './claim-import-row.js';
import type { RowProblem } from './row-problem.js';

/**
 * The checks across the rows of one import, on the fields of each row that passed their own checks.
 *
 * - A claim reference twice: the claim's global id (`creditorId:reference`) must be unique, and two
 *   rows for one claim mean one of them is wrong. Every repeat is reported, naming the first row.
 * - One customer reference with two postcodes or birth dates: the node keeps one customer record,
 *   so a conflict would silently pick one. Each conflicting row is reported, naming the row that
 *   gave the first value. A row without a birth date does not conflict: it just does not say.
 *
 * References compare exactly (after trimming): the back-office's reference is the key, and
 * 'AJ-2025-1' and 'aj-2025-1' may well be different claims.
 */
export function findBatchConflicts(params: {
  rows: readonly { row: number; values: Partial<ClaimImportRow> }[];
  labels: ClaimFieldLabels;
}): RowProblem[] {
  const { rows, labels } = params;
  const problems: RowProblem[] = [];
  const firstRowOfClaim = new Map<string, number>();
  const customers = new Map<string, { postcode?: FirstSeen; birthDate?: FirstSeen }>();

  for (const { row, values } of rows) {
    const { claimReference, customerReference, customerPostcode, customerBirthDate } = values;

    if (claimReference !== undefined) {
      const first = firstRowOfClaim.get(claimReference);
      if (first === undefined) {
        firstRowOfClaim.set(claimReference, row);
      } else {
        problems.push({
          row,
          field: 'claimReference',
          code: ImportErrorCode.DUPLICATE_CLAIM_ID,
          message: `${labels.claimReference} '${claimReference}' already appears in row ${first}; each claim may appear only once in an import`,
        });
      }
    }

    if (customerReference === undefined) continue;
    const customer = customers.get(customerReference) ?? {};
    customers.set(customerReference, customer);
    const who = `${labels.customerReference} '${customerReference}'`;

    if (customerPostcode !== undefined) {
      if (customer.postcode === undefined) customer.postcode = { value: customerPostcode, row };
      else if (customer.postcode.value !== customerPostcode) {
        problems.push({
          row,
          field: 'customerPostcode',
          code: ImportErrorCode.CUSTOMER_CONFLICT,
          message: `${labels.customerPostcode} '${customerPostcode}' conflicts with '${customer.postcode.value}' given for ${who} in row ${customer.postcode.row}`,
        });
      }
    }

    if (customerBirthDate !== undefined && customerBirthDate !== null) {
      if (customer.birthDate === undefined) customer.birthDate = { value: customerBirthDate, row };
      else if (customer.birthDate.value !== customerBirthDate) {
        problems.push({
          row,
          field: 'customerBirthDate',
          code: ImportErrorCode.CUSTOMER_CONFLICT,
          message: `${labels.customerBirthDate} '${customerBirthDate}' conflicts with '${customer.birthDate.value}' given for ${who} in row ${customer.birthDate.row}`,
        });
      }
    }
  }
  return problems;
}

interface FirstSeen {
  value: string;
  row: number;
}
