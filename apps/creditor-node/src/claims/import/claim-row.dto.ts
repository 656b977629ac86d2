import { MAX_CLAIM_AMOUNT_CENTS } from '#contracts';
import {
  IsDefined,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  type ValidationArguments,
  type ValidationError,
  validateSync,
} from 'class-validator';
import { COLLECTION_STAGES } from '../domain/collection-stage.js';
import { hasIsoDateShape } from './calendar-date.js';
import { CLAIM_ROW_FIELDS, type ClaimRowField, ImportErrorCode } from './claim-import-row.js';
import {
  CentsAtLeast,
  CentsAtMost,
  HasAtMostChars,
  IsCalendarDate,
  IsImportBoolean,
  IsWholeCents,
  rule,
} from './claim-row.validators.js';
import { IMPORT_BOOLEAN_WORDS } from './import-boolean.js';
import { showAmount, showValue } from './show-value.js';

export const MAX_REFERENCE_LENGTH = 64;
export const MAX_DESCRIPTION_LENGTH = 200;

/**
 * No colon: a reference becomes part of the global claim id `creditorId:reference`, and a colon in it
 * would make that id ambiguous. The length limit is part of the pattern ({0,63}); MaxLength below
 * only exists to say so in plain words.
 */
export const REFERENCE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/;
/** Dutch postcode: four digits not starting with 0, an optional space, two letters (any case). */
export const POSTCODE_PATTERN = /^[1-9][0-9]{3} ?[A-Z]{2}$/i;
const NO_CONTROL_CHARACTERS = /^\P{Cc}*$/u;

const MAX_AMOUNT = BigInt(MAX_CLAIM_AMOUNT_CENTS);

const missing = rule(ImportErrorCode.MISSING_FIELD, 'is required but empty');

/**
 * One claim row as it arrives, from a CSV record or a GraphQL input object: text (amounts are text
 * too: the Cents scalar is a decimal string) and, for `preferential`, a boolean from GraphQL or a
 * yes/no word from CSV. Every decorator carries the ImportErrorCode it reports (see `rule`).
 * Several decorators on a field may fail on one value (a missing reference is also not text);
 * mapValidationErrors reports the most basic, so decorator order does not matter.
 *
 * Build it with `toClaimRowDto`, which first tidies the raw values (see there).
 */
export class ClaimRowDto {
  @IsDefined(missing)
  @IsString(rule(ImportErrorCode.INVALID_REFERENCE, 'must be text'))
  @MaxLength(MAX_REFERENCE_LENGTH, rule(ImportErrorCode.INVALID_REFERENCE, tooLong(MAX_REFERENCE_LENGTH)))
  @Matches(REFERENCE_PATTERN, rule(ImportErrorCode.INVALID_REFERENCE, badReference))
  claimReference!: string;

  @IsDefined(missing)
  @IsString(rule(ImportErrorCode.INVALID_REFERENCE, 'must be text'))
  @MaxLength(MAX_REFERENCE_LENGTH, rule(ImportErrorCode.INVALID_REFERENCE, tooLong(MAX_REFERENCE_LENGTH)))
  @Matches(REFERENCE_PATTERN, rule(ImportErrorCode.INVALID_REFERENCE, badReference))
  customerReference!: string;

  @IsDefined(missing)
  @IsString(rule(ImportErrorCode.INVALID_POSTCODE, 'must be text'))
  @Matches(
    POSTCODE_PATTERN,
    rule(ImportErrorCode.INVALID_POSTCODE, ({ value }) => `must be a Dutch postcode like 3511 AB (got ${showValue(value)})`),
  )
  customerPostcode!: string;

  @IsOptional()
  @IsString(rule(ImportErrorCode.INVALID_DATE, 'must be text'))
  @IsCalendarDate(rule(ImportErrorCode.INVALID_DATE, badDate))
  customerBirthDate?: string;

  @IsDefined(missing)
  @IsString(rule(ImportErrorCode.INVALID_DESCRIPTION, 'must be text'))
  @HasAtMostChars(MAX_DESCRIPTION_LENGTH, rule(ImportErrorCode.INVALID_DESCRIPTION, tooLong(MAX_DESCRIPTION_LENGTH)))
  @Matches(NO_CONTROL_CHARACTERS, rule(ImportErrorCode.INVALID_DESCRIPTION, controlCharacter))
  description!: string;

  @IsDefined(missing)
  @IsWholeCents(rule(ImportErrorCode.INVALID_AMOUNT, notWholeCents))
  @CentsAtLeast(1n, rule(ImportErrorCode.AMOUNT_NOT_POSITIVE, ({ value }) => `must be more than 0 (got ${showAmount(value)})`))
  @CentsAtMost(MAX_AMOUNT, rule(ImportErrorCode.AMOUNT_TOO_LARGE, tooLarge))
  principalCents!: string;

  @IsOptional()
  @IsWholeCents(rule(ImportErrorCode.INVALID_AMOUNT, notWholeCents))
  @CentsAtLeast(0n, rule(ImportErrorCode.AMOUNT_NEGATIVE, negative))
  @CentsAtMost(MAX_AMOUNT, rule(ImportErrorCode.AMOUNT_TOO_LARGE, tooLarge))
  interestCents?: string;

  @IsOptional()
  @IsWholeCents(rule(ImportErrorCode.INVALID_AMOUNT, notWholeCents))
  @CentsAtLeast(0n, rule(ImportErrorCode.AMOUNT_NEGATIVE, negative))
  @CentsAtMost(MAX_AMOUNT, rule(ImportErrorCode.AMOUNT_TOO_LARGE, tooLarge))
  costsCents?: string;

  @IsDefined(missing)
  @IsString(rule(ImportErrorCode.INVALID_DATE, 'must be text'))
  @IsCalendarDate(rule(ImportErrorCode.INVALID_DATE, badDate))
  issuedOn!: string;

  @IsDefined(missing)
  @IsString(rule(ImportErrorCode.INVALID_DATE, 'must be text'))
  @IsCalendarDate(rule(ImportErrorCode.INVALID_DATE, badDate))
  dueOn!: string;

  @IsDefined(missing)
  @IsString(rule(ImportErrorCode.UNKNOWN_STAGE, 'must be text'))
  @IsIn(
    [...COLLECTION_STAGES],
    rule(ImportErrorCode.UNKNOWN_STAGE, ({ value }) => `must be one of ${COLLECTION_STAGES.join(', ')} (got ${showValue(value)})`),
  )
  stage!: string;

  @IsDefined(missing)
  @IsImportBoolean(
    rule(
      ImportErrorCode.INVALID_BOOLEAN,
      ({ value }) => `must be one of ${IMPORT_BOOLEAN_WORDS.join(', ')} (got ${showValue(value)})`,
    ),
  )
  preferential!: string | boolean;
}

/**
 * The DTO for one input row, with its text tidied before any check: trimmed, and empty text made
 * undefined, so an empty CSV cell and a field left out of the GraphQL input are the same thing:
 * missing. The stage is lower-cased, so the GraphQL enum names (INVOICE, FORMAL_DEMAND) and a CSV
 * 'Reminder' all meet the stored values. Only the known fields are copied: anything else is
 * reported by the caller, never smuggled onto the instance.
 *
 * (A plain function rather than class-transformer's @Transform: same result, one place to read,
 * and twice as fast on a 10,000-row import.)
 */
export function toClaimRowDto(input: Readonly<Record<string, unknown>>): ClaimRowDto {
  const tidied: Partial<Record<ClaimRowField, unknown>> = {};
  for (const field of CLAIM_ROW_FIELDS) {
    if (Object.hasOwn(input, field)) tidied[field] = tidy({ field, value: input[field] });
  }
  return Object.assign(new ClaimRowDto(), tidied);
}

function tidy(params: { field: ClaimRowField; value: unknown }): unknown {
  const { field, value } = params;
  if (typeof value !== 'string') return value;
  const text = (field === 'description' ? oneLine(value) : value).trim();
  if (text === '') return undefined;
  return field === 'stage' ? text.toLowerCase() : text;
}

/** Runs every decorator on every field; a failing field never hides the next one's problems. */
export function validateClaimRowDto(dto: ClaimRowDto): ValidationError[] {
  return validateSync(dto, {
    forbidUnknownValues: true,
    validationError: { target: false, value: true },
  });
}

/**
 * Line breaks and tabs in a description become one space. A multi-line cell is valid CSV and common
 * in back-office exports; the description is shown on one line, and no information is lost. Other
 * control characters are still refused.
 */
function oneLine(value: string): string {
  return value.replace(/[ ]*[\r\n\t]+[\r\n\t ]*/g, ' ');
}

function tooLong(max: number): (args: ValidationArguments) => string {
  return ({ value }) => {
    const length = typeof value === 'string' ? Array.from(value).length : 0;
    return `must be at most ${max} characters (got ${length})`;
  };
}

function badReference({ value }: ValidationArguments): string {
  if (typeof value !== 'string') return `must be text (got ${showValue(value)})`;
  if (!/^[A-Za-z0-9]/.test(value)) return `must start with a letter or digit (got ${showValue(value)})`;
  const bad = Array.from(value).find((char) => !/[A-Za-z0-9._/-]/.test(char));
  if (bad !== undefined) {
    return `may contain only letters, digits, '.', '_', '/' and '-' (got ${showValue(value)}, which contains ${showValue(bad)})`;
  }
  return `must be at most ${MAX_REFERENCE_LENGTH} characters (got ${Array.from(value).length})`;
}

function badDate({ value }: ValidationArguments): string {
  if (typeof value === 'string' && hasIsoDateShape(value)) return `is not a real date (got ${showValue(value)})`;
  return `must be a date written as YYYY-MM-DD, e.g. 2025-03-31 (got ${showValue(value)})`;
}

function controlCharacter({ value }: ValidationArguments): string {
  const chars = typeof value === 'string' ? Array.from(value) : [];
  const index = chars.findIndex((char) => /\p{Cc}/u.test(char));
  const code = (chars[index] ?? '').codePointAt(0) ?? 0;
  return `must not contain control characters (found U+${code.toString(16).toUpperCase().padStart(4, '0')} at position ${index + 1})`;
}

function notWholeCents({ value }: ValidationArguments): string {
  return `must be a whole number of cents, without decimals or thousands separators: write 1250 for € 12,50 (got ${showAmount(value)})`;
}

function negative({ value }: ValidationArguments): string {
  return `must not be negative (got ${showAmount(value)})`;
}

function tooLarge({ value }: ValidationArguments): string {
  return `must be at most ${MAX_AMOUNT} cents (€ 10 million) (got ${showAmount(value)})`;
}
