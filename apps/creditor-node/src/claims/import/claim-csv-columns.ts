import {
  CLAIM_ROW_FIELDS,
  type ClaimFieldLabels,
  type ClaimRowField,
  ImportErrorCode,
  type ImportRowError,
} from './claim-import-row.js';

/**
 * The documented CSV format for claim imports: one header line with these snake_case column names
 * (any order, any case), then one claim per record.
 */
export const CSV_FIELD_LABELS: ClaimFieldLabels = {
  claimReference: 'claim_id',
  customerReference: 'customer_id',
  customerPostcode: 'customer_postcode',
  customerBirthDate: 'customer_birth_date',
  description: 'description',
  principalCents: 'principal_cents',
  interestCents: 'interest_cents',
  costsCents: 'costs_cents',
  issuedOn: 'issued_on',
  dueOn: 'due_on',
  stage: 'stage',
  preferential: 'preferential',
};

const OPTIONAL_FIELDS: readonly ClaimRowField[] = ['customerBirthDate', 'interestCents', 'costsCents'];

export interface ClaimCsvColumn {
  name: string;
  field: ClaimRowField;
  /** Optional columns may be left out of the file; their values then count as empty. */
  required: boolean;
}

export const CLAIM_CSV_COLUMNS: readonly ClaimCsvColumn[] = CLAIM_ROW_FIELDS.map((field) => ({
  name: CSV_FIELD_LABELS[field],
  field,
  required: !OPTIONAL_FIELDS.includes(field),
}));

/**
 * Which field each column of the file holds (null: a column to ignore). `ok: false` when the columns
 * cannot be trusted to read any row: a required column is missing (every row would repeat the same
 * MISSING_FIELD) or a column appears twice (which one holds the value?). Unknown columns are errors
 * too, because a typo in a column name must not silently drop data, but they do not stop the rows
 * from being checked, so the user gets every problem in one go.
 */
export function mapCsvHeader(params: {
  header: readonly string[];
  records: readonly { line: number; values: readonly string[] }[];
}):
  | { ok: true; fields: readonly (ClaimRowField | null)[]; errors: ImportRowError[] }
  | { ok: false; errors: ImportRowError[] } {
  const { header, records } = params;
  const errors: ImportRowError[] = [];
  const fields: (ClaimRowField | null)[] = [];
  const positionOf = new Map<ClaimRowField, number>();
  let blocked = false;

  header.forEach((cell, index) => {
    const position = index + 1;
    const written = cell.trim();
    if (written === '') {
      fields.push(null);
      // Excel writes nameless, empty columns after cells that only had formatting. They carry no
      // data, so ignoring them drops nothing; a nameless column with values is refused.
      const used = records.find((record) => (record.values[index] ?? '').trim() !== '');
      if (used !== undefined) {
        errors.push({
          row: 1,
          field: '',
          code: ImportErrorCode.UNKNOWN_COLUMN,
          message: `column ${position} has no name in the header but holds values (first on line ${used.line}); name it or remove it`,
        });
      }
      return;
    }
    const column = CLAIM_CSV_COLUMNS.find((known) => known.name === written.toLowerCase());
    if (column === undefined) {
      fields.push(null);
      errors.push({
        row: 1,
        field: written,
        code: ImportErrorCode.UNKNOWN_COLUMN,
        message: `unknown column '${written}' (column ${position}).${suggestion(written)} The known columns are ${CLAIM_CSV_COLUMNS.map((known) => known.name).join(', ')}.`,
      });
      return;
    }
    const earlier = positionOf.get(column.field);
    if (earlier !== undefined) {
      fields.push(null);
      blocked = true;
      errors.push({
        row: 1,
        field: column.name,
        code: ImportErrorCode.MALFORMED_CSV,
        message: `column '${column.name}' appears twice in the header (columns ${earlier} and ${position})`,
      });
      return;
    }
    positionOf.set(column.field, position);
    fields.push(column.field);
  });

  for (const column of CLAIM_CSV_COLUMNS) {
    if (column.required && !positionOf.has(column.field)) {
      blocked = true;
      errors.push({
        row: 1,
        field: column.name,
        code: ImportErrorCode.MISSING_COLUMN,
        message: `required column '${column.name}' is missing from the header`,
      });
    }
  }

  return blocked ? { ok: false, errors } : { ok: true, fields, errors };
}

/** One CSV record as validation input: values keyed by field, ignored columns left out. */
export function csvRecordToInput(params: {
  fields: readonly (ClaimRowField | null)[];
  values: readonly string[];
}): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  params.fields.forEach((field, index) => {
    if (field !== null) input[field] = params.values[index];
  });
  return input;
}

/** " Did you mean 'interest_cents'?" for a column name one or two typos away from a known one. */
function suggestion(written: string): string {
  const name = written.toLowerCase();
  let best: { name: string; distance: number } | null = null;
  for (const column of CLAIM_CSV_COLUMNS) {
    const distance = editDistance({ a: name, b: column.name });
    if (distance <= 2 && (best === null || distance < best.distance)) best = { name: column.name, distance };
  }
  return best === null ? '' : ` Did you mean '${best.name}'?`;
}

/** Levenshtein distance; column names are short, so the plain quadratic table is fine. */
function editDistance(params: { a: string; b: string }): number {
  const { a, b } = params;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
