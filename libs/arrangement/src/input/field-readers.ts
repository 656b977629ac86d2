import { FIRST_DATE } from '../parameters/select-parameter-set.js';
import { parseDate } from '../schedule/calendar-date.js';
import { ScheduleInputError } from '../schedule/schedule-input-error.js';
import { InputRejected, reject, type Validated } from './input-error.js';

/** A JSON object's fields, read one by one with a specific error for each way a field can be wrong. */
export class FieldReader {
  private readonly record: Record<string, unknown>;

  constructor(
    value: unknown,
    private readonly prefix: string,
    private readonly allowed: readonly string[],
  ) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) reject('NOT_AN_OBJECT', prefix, `${prefix === '' ? 'the input' : prefix} must be a JSON object`);
    this.record = value as Record<string, unknown>;
    for (const key of Object.keys(this.record)) {
      if (!allowed.includes(key)) reject('UNKNOWN_FIELD', this.path(key), `unknown field "${key}"; expected one of: ${allowed.join(', ')}`);
    }
  }

  path(field: string): string {
    return this.prefix === '' ? field : `${this.prefix}.${field}`;
  }

  has(field: string): boolean {
    return this.record[field] !== undefined;
  }

  raw(field: string): unknown {
    const value = this.record[field];
    if (value === undefined || value === null) reject('MISSING_FIELD', this.path(field), `${this.path(field)} is required`);
    return value;
  }

  /** Whole cents between min and max (inclusive). */
  cents(field: string, limits: { readonly min: number; readonly max: number; readonly what: string }): number {
    const value = this.raw(field);
    const path = this.path(field);
    if (typeof value !== 'number' || !Number.isFinite(value)) reject('INVALID_TYPE', path, `${path} must be a number of cents, e.g. 134545 for €1,345.45`);
    if (!Number.isInteger(value)) reject('INVALID_CENTS', path, `${path} must be whole cents, not ${value}`);
    if (value < 0) reject('INVALID_CENTS', path, `${path} must not be negative (${value})`);
    if (value < limits.min || value > limits.max) reject('OUT_OF_RANGE', path, `${path} must be between ${limits.min} and ${limits.max} cents for ${limits.what} (got ${value})`);
    return value;
  }

  integer(field: string, min: number, max: number): number {
    const value = this.raw(field);
    const path = this.path(field);
    if (typeof value !== 'number' || !Number.isInteger(value)) reject('INVALID_TYPE', path, `${path} must be a whole number`);
    if (value < min || value > max) reject('OUT_OF_RANGE', path, `${path} must be between ${min} and ${max} (got ${value})`);
    return value;
  }

  number(field: string): number {
    const value = this.raw(field);
    if (typeof value !== 'number' || !Number.isFinite(value)) reject('INVALID_TYPE', this.path(field), `${this.path(field)} must be a number`);
    return value;
  }

  boolean(field: string): boolean {
    const value = this.raw(field);
    if (typeof value !== 'boolean') reject('INVALID_TYPE', this.path(field), `${this.path(field)} must be true or false`);
    return value;
  }

  string(field: string, maxLength: number): string {
    const value = this.raw(field);
    const path = this.path(field);
    if (typeof value !== 'string' || value.trim() === '') reject('INVALID_TYPE', path, `${path} must be a non-empty string`);
    if (value.length > maxLength) reject('OUT_OF_RANGE', path, `${path} must be at most ${maxLength} characters`);
    return value;
  }

  oneOf<T extends string>(field: string, values: readonly T[]): T {
    const value = this.raw(field);
    if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
      reject('UNKNOWN_VALUE', this.path(field), `${this.path(field)} must be one of ${values.map((v) => `"${v}"`).join(', ')} (got ${JSON.stringify(value)})`);
    }
    return value as T;
  }

  /** A real calendar date YYYY-MM-DD, not before the law's start. */
  date(field: string): string {
    const value = this.raw(field);
    const path = this.path(field);
    if (typeof value !== 'string') reject('INVALID_DATE', path, `${path} must be a date written YYYY-MM-DD`);
    try {
      parseDate({ date: value, path });
    } catch (error) {
      if (error instanceof ScheduleInputError) reject('INVALID_DATE', path, `${path}: ${error.message}`);
      throw error;
    }
    if (value < FIRST_DATE) reject('DATE_BEFORE_2021', path, `${path} ${value} lies before ${FIRST_DATE}, when today's beslagvrije voet rules began`);
    return value;
  }
}

/** Runs a validator; a rejection becomes a Validated failure, anything else stays a bug and is thrown. */
export function catchRejected<T>(check: () => T): Validated<T> {
  try {
    return { ok: true, value: check() };
  } catch (error) {
    if (error instanceof InputRejected) return { ok: false, error: error.error };
    throw error;
  }
}
