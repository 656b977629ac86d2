import { isCalendarDate } from './calendar-date.js';
import {
  type ClaimFieldLabels,
  GRAPHQL_FIELD_LABELS,
  ImportErrorCode,
  type ImportRowError,
  type NumberedClaimImportRow,
} from './claim-import-row.js';
import { findBatchConflicts } from './claim-batch-rules.js';
import { CSV_FIELD_LABELS, csvRecordToInput, mapCsvHeader } from './claim-csv-columns.js';
import { parseCsv } from './csv-parser.js';
import { type RowProblem, toSortedImportErrors } from './row-problem.js';
import { validateClaimRow } from './validate-claim-row.js';

/** Rows per import; a bigger back-office export is split into several imports. */
export const DEFAULT_MAX_IMPORT_ROWS = 10_000;

export type ClaimImportResult =
  | { ok: true; rows: NumberedClaimImportRow[] }
  | { ok: false; errors: ImportRowError[] };

/**
 * The one validation for claim imports, shared by the GraphQL mutation and the CSV upload. An import
 * is all-or-nothing, so this finds every problem in every row (sorted by row, then field in column
 * order) instead of stopping at the first.
 *
 * `row` is what the user sees: the index + 1 in the GraphQL list, the line number in a CSV file.
 * `input` holds the raw values keyed by ClaimImportRow field name. `fieldLabels` names the fields
 * in errors (default: the GraphQL camelCase names). `today` is YYYY-MM-DD in Europe/Amsterdam,
 * passed in so the rules never read the clock.
 */
export function validateClaimRows(params: {
  rows: readonly { row: number; input: Readonly<Record<string, unknown>> }[];
  today: string;
  maxRows?: number;
  fieldLabels?: ClaimFieldLabels;
}): ClaimImportResult {
  const { rows, today, maxRows = DEFAULT_MAX_IMPORT_ROWS, fieldLabels: labels = GRAPHQL_FIELD_LABELS } = params;
  // A wrong `today` is the caller's bug, not the user's: fail loudly instead of misjudging dates.
  if (!isCalendarDate(today)) throw new RangeError(`today must be a YYYY-MM-DD date, got '${today}'`);

  if (rows.length === 0) {
    return {
      ok: false,
      errors: [{ row: 1, field: null, code: ImportErrorCode.EMPTY_FILE, message: 'the import contains no claims' }],
    };
  }
  const firstExtra = rows[maxRows];
  if (firstExtra !== undefined) {
    // Stop here: checking rows that will be refused anyway costs time and buries this one message.
    return {
      ok: false,
      errors: [
        {
          row: firstExtra.row,
          field: null,
          code: ImportErrorCode.TOO_MANY_ROWS,
          message: `the import has ${rows.length} claims but at most ${maxRows} are allowed at once; split it into smaller imports`,
        },
      ],
    };
  }

  const problems: RowProblem[] = [];
  const valid: NumberedClaimImportRow[] = [];
  const checked = rows.map(({ row, input }) => {
    const result = validateClaimRow({ row, input, today, labels });
    if (result.ok) {
      valid.push({ row, claim: result.value });
      return { row, values: result.value };
    }
    problems.push(...result.problems);
    return { row, values: result.valid };
  });
  problems.push(...findBatchConflicts({ rows: checked, labels }));

  if (problems.length > 0) return { ok: false, errors: toSortedImportErrors({ problems, labels }) };
  return { ok: true, rows: valid };
}

/**
 * A CSV upload: parse the file, map its header to fields, validate every record. Rows are numbered
 * by the line where each record starts in the file (header = line 1), and errors name the CSV
 * columns. File size limits are the caller's job; `maxRows` limits the number of records.
 */
export function parseClaimCsv(params: { bytes: Uint8Array; today: string; maxRows?: number }): ClaimImportResult {
  const { bytes, today, maxRows } = params;
  const parsed = parseCsv(bytes);
  if (!parsed.ok) return parsed;

  const header = mapCsvHeader({ header: parsed.header, records: parsed.records });
  if (!header.ok) return header;

  const rows = parsed.records.map((record) => ({
    row: record.line,
    input: csvRecordToInput({ fields: header.fields, values: record.values }),
  }));
  const result = validateClaimRows({ rows, today, maxRows, fieldLabels: CSV_FIELD_LABELS });
  if (header.errors.length === 0) return result;
  // Header problems are on line 1, so they come before every row problem.
  return { ok: false, errors: [...header.errors, ...(result.ok ? [] : result.errors)] };
}
