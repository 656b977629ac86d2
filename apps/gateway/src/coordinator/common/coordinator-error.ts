import { IntrinsicException } from '@nestjs/common';
import type { ErrorCode } from '#contracts';
import type { ConsentRequestErrorCode } from '#consent';

/** One problem with a request, tied to the field to correct. */
export interface Problem {
  readonly code: string;
  readonly field?: string;
  readonly message: string;
}

/**
 * A refusal the caller can act on: a stable code and a plain message (and, for a form, every problem
 * at once). Services throw it; the GraphQL and HTTP layers turn it into their error shape. Intrinsic:
 * an expected refusal, so Nest does not log it as a failure.
 */
export class CoordinatorError extends IntrinsicException {
  constructor(
    readonly code: ErrorCode | ConsentRequestErrorCode,
    message: string,
    readonly problems: readonly Problem[] = [],
  ) {
    super(message);
    this.name = 'CoordinatorError';
  }

  static fromProblems(problems: readonly [Problem, ...Problem[]]): CoordinatorError {
    const [first] = problems;
    return new CoordinatorError(first.code as ErrorCode, first.message, problems);
  }
}
