/**
 * Why a schedule function refused its input. The codes are stable so the command line and the API can
 * return them as `{ error: { code, message, path } }` (RULES.md §4) without parsing messages.
 */
export type ScheduleInputErrorCode =
  | 'INVALID_DATE'
  | 'INVALID_MONTH'
  | 'INVALID_PAY_DAY'
  | 'INVALID_COUNT'
  | 'INVALID_AMOUNT'
  | 'INVALID_PERCENT'
  | 'INVALID_POLICY'
  | 'NO_INSTALMENT'
  | 'UNKNOWN_CLAIM'
  | 'PAID_MORE_THAN_OWED'
  | 'TERM_ENDED';

export class ScheduleInputError extends Error {
  constructor(
    readonly code: ScheduleInputErrorCode,
    message: string,
    /** Where in the params object the bad value sits, e.g. `request.fromMonth`. */
    readonly path: string,
  ) {
    super(message);
    this.name = 'ScheduleInputError';
  }
}
