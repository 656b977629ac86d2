import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { isCalendarDate } from './calendar-date.js';
import type { ImportErrorCode } from './claim-import-row.js';
import { readImportBoolean } from './import-boolean.js';
import { readWholeCents } from './whole-cents.js';

/**
 * The class-validator pieces for the claim row DTO: a helper that ties every decorator to an
 * ImportErrorCode, and the custom checks class-validator has no built-in for.
 */

/** The context every claim-row decorator carries, so errors map to codes exactly. */
export interface ImportRuleContext {
  code: ImportErrorCode;
}

/**
 * Options for one decorator: its error code, and its message as a predicate about the field
 * ('must be more than 0 (got -500)'). The field's name is put in front later, because the same rule
 * reads 'principal_cents …' in a CSV file and 'principalCents …' in the GraphQL mutation.
 */
export function rule(
  code: ImportErrorCode,
  message: string | ((args: ValidationArguments) => string),
): ValidationOptions {
  const context: ImportRuleContext = { code };
  return { context, message };
}

/**
 * A decorator for a check that needs only the value. Range checks pass when the value is unreadable:
 * that is another check's error to report, and one cell should not get two errors for one mistake.
 */
function valueCheck(name: string, isValid: (value: unknown) => boolean, options: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) => {
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyKey),
      options,
      validator: { validate: (value: unknown) => isValid(value) },
    });
  };
}

/** A whole number of cents: '12345', not '123.45' or '12.345'. */
export function IsWholeCents(options: ValidationOptions): PropertyDecorator {
  return valueCheck('isWholeCents', (value) => readWholeCents(value) !== null, options);
}

export function CentsAtLeast(min: bigint, options: ValidationOptions): PropertyDecorator {
  return valueCheck(
    'centsAtLeast',
    (value) => {
      const amount = readWholeCents(value);
      return amount === null || amount >= min;
    },
    options,
  );
}

export function CentsAtMost(max: bigint, options: ValidationOptions): PropertyDecorator {
  return valueCheck(
    'centsAtMost',
    (value) => {
      const amount = readWholeCents(value);
      return amount === null || amount <= max;
    },
    options,
  );
}

/** YYYY-MM-DD and a day that exists (no 2025-02-30). */
export function IsCalendarDate(options: ValidationOptions): PropertyDecorator {
  return valueCheck('isCalendarDate', (value) => typeof value === 'string' && isCalendarDate(value), options);
}

/** A boolean, or one of the yes/no words a CSV cell may hold. */
export function IsImportBoolean(options: ValidationOptions): PropertyDecorator {
  return valueCheck('isImportBoolean', (value) => readImportBoolean(value) !== null, options);
}

/**
 * At most `max` characters, counted as PostgreSQL's length() counts them (code points), so a value
 * that passes here never trips the database's CHECK. (MaxLength counts differently around emoji.)
 */
export function HasAtMostChars(max: number, options: ValidationOptions): PropertyDecorator {
  return valueCheck('hasAtMostChars', (value) => typeof value === 'string' && Array.from(value).length <= max, options);
}
