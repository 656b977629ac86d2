import {
  CLAIM_ROW_FIELDS,
  type ClaimFieldLabels,
  type ClaimRowField,
  type ImportErrorCode,
  type ImportRowError,
} from './claim-import-row.js';

/**
 * A problem found while validating rows, still tied to a typed field so problems can be sorted in
 * column order; it becomes an ImportRowError (with the field as the user names it) at the end.
 * The message is already complete, field label included.
 */
export interface RowProblem {
  row: number;
  field: ClaimRowField | null;
  code: ImportErrorCode;
  message: string;
}

/**
 * Sorted by row, then by field in the documented column order (row-wide problems first), so a user
 * can walk through the file from top to bottom and each line from left to right. The sort is
 * stable, so problems of one field keep the order in which they were found.
 */
export function toSortedImportErrors(params: {
  problems: readonly RowProblem[];
  labels: ClaimFieldLabels;
}): ImportRowError[] {
  const { problems, labels } = params;
  return [...problems]
    .sort((a, b) => a.row - b.row || fieldOrder(a.field) - fieldOrder(b.field))
    .map((problem) => ({
      row: problem.row,
      field: problem.field === null ? null : labels[problem.field],
      code: problem.code,
      message: problem.message,
    }));
}

function fieldOrder(field: ClaimRowField | null): number {
  return field === null ? -1 : CLAIM_ROW_FIELDS.indexOf(field);
}
