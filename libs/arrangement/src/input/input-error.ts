/** Why an input was refused; stable codes a caller can act on (RULES.md §4). */
export type InputErrorCode =
  | 'INVALID_JSON'
  | 'NOT_AN_OBJECT'
  | 'MISSING_FIELD'
  | 'UNKNOWN_FIELD'
  | 'INVALID_TYPE'
  | 'INVALID_CENTS'
  | 'OUT_OF_RANGE'
  | 'UNKNOWN_VALUE'
  | 'INVALID_DATE'
  | 'DATE_BEFORE_2021'
  | 'DUPLICATE_CLAIM_ID'
  | 'TOO_MANY_CLAIMS'
  | 'NO_CLAIMS'
  | 'PLAN_TOO_LONG'
  | 'FLOOR_BELOW_BVV';

export interface InputError {
  readonly code: InputErrorCode;
  readonly message: string;
  /** The offending field, e.g. "claims[3].amountCents"; "" for the input as a whole. */
  readonly path: string;
}

export type Validated<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: InputError };

/** Thrown inside a validator, caught at its edge: the first problem found stops the check. */
export class InputRejected extends Error {
  constructor(readonly error: InputError) {
    super(error.message);
    this.name = 'InputRejected';
  }
}

export function reject(code: InputErrorCode, path: string, message: string): never {
  throw new InputRejected({ code, path, message });
}
