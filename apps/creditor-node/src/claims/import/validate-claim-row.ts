import { type Cents, cents, parseCents } from '#contracts';
import { isCollectionStage } from '../domain/collection-stage.js';
import {
  CLAIM_ROW_FIELDS,
  type ClaimFieldLabels,
  type ClaimImportRow,
  type ClaimRowField,
  ImportErrorCode,
  isClaimRowField,
} from './claim-import-row.js';
import { type ClaimRowDto, toClaimRowDto, validateClaimRowDto } from './claim-row.dto.js';
import { checkClaimRowRules } from './claim-row-rules.js';
import { readImportBoolean } from './import-boolean.js';
import { mapValidationErrors } from './map-validation-errors.js';
import type { RowProblem } from './row-problem.js';
import { showValue } from './show-value.js';
import { readWholeCents } from './whole-cents.js';

/**
 * Validates and normalises one row. When the row is not valid, `valid` still holds every field that
 * passed its own checks, so the checks across rows (duplicate claim ids, conflicting customers) can
 * run on a row that has problems elsewhere: one upload shows every problem.
 */
export function validateClaimRow(params: {
  row: number;
  input: Readonly<Record<string, unknown>>;
  today: string;
  labels: ClaimFieldLabels;
}):
  | { ok: true; value: ClaimImportRow }
  | { ok: false; problems: RowProblem[]; valid: Partial<ClaimImportRow> } {
  const { row, input, today, labels } = params;

  const problems: RowProblem[] = Object.keys(input)
    .filter((key) => !isClaimRowField(key))
    .map((key) => ({
      row,
      field: null,
      code: ImportErrorCode.UNKNOWN_COLUMN,
      message: `unknown field ${showValue(key)}; the known fields are ${CLAIM_ROW_FIELDS.map((field) => labels[field]).join(', ')}`,
    }));

  const dto = toClaimRowDto(input);
  const fieldProblems = mapValidationErrors({ row, errors: validateClaimRowDto(dto), labels });
  const failed = new Set(fieldProblems.map((problem) => problem.field));
  const valid = normaliseValidFields({ dto, isValid: (field) => !failed.has(field) });
  problems.push(...fieldProblems, ...checkClaimRowRules({ row, values: valid, today, labels }));

  if (problems.length === 0 && isComplete(valid)) return { ok: true, value: valid };
  if (problems.length === 0) throw new Error(`Row ${row} passed validation but is incomplete`);
  return { ok: false, problems, valid };
}

/** The normalised value of every field that passed its checks. */
function normaliseValidFields(params: {
  dto: ClaimRowDto;
  isValid: (field: ClaimRowField) => boolean;
}): Partial<ClaimImportRow> {
  const { dto, isValid } = params;
  const valid: Partial<ClaimImportRow> = {};
  if (isValid('claimReference') && typeof dto.claimReference === 'string') valid.claimReference = dto.claimReference;
  if (isValid('customerReference') && typeof dto.customerReference === 'string') {
    valid.customerReference = dto.customerReference;
  }
  if (isValid('customerPostcode') && typeof dto.customerPostcode === 'string') {
    // '3511 ab' and '3511AB' are the same address; store one form so customers compare equal.
    valid.customerPostcode = dto.customerPostcode.toUpperCase().replace(' ', '');
  }
  if (isValid('customerBirthDate')) {
    valid.customerBirthDate = typeof dto.customerBirthDate === 'string' ? dto.customerBirthDate : null;
  }
  if (isValid('description') && typeof dto.description === 'string') valid.description = dto.description;
  if (isValid('principalCents')) valid.principalCents = toCents(dto.principalCents);
  if (isValid('interestCents')) valid.interestCents = toCents(dto.interestCents ?? '0');
  if (isValid('costsCents')) valid.costsCents = toCents(dto.costsCents ?? '0');
  if (isValid('issuedOn') && typeof dto.issuedOn === 'string') valid.issuedOn = dto.issuedOn;
  if (isValid('dueOn') && typeof dto.dueOn === 'string') valid.dueOn = dto.dueOn;
  if (isValid('stage') && isCollectionStage(dto.stage)) valid.stage = dto.stage;
  if (isValid('preferential')) valid.preferential = readImportBoolean(dto.preferential) ?? undefined;
  return valid;
}

/** Only called for amounts that passed their checks; converts through the one Cents parser. */
function toCents(value: unknown): Cents | undefined {
  const amount = readWholeCents(value);
  if (amount === null) return undefined;
  // parseCents('-0') would be -0; an amount that passed its checks is never negative anyway.
  return amount === 0n ? cents(0) : parseCents(amount.toString());
}

function isComplete(valid: Partial<ClaimImportRow>): valid is ClaimImportRow {
  return CLAIM_ROW_FIELDS.every((field) => valid[field] !== undefined);
}
