import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { CORRELATION_HEADER, wellFormedCorrelationId } from '#service-kit';
import { requestOf } from './staff-auth.guard.js';

/**
 * The request's correlation id (the request log put a well-formed one on every request), for what the
 * request leaves to be sent later: a staff decision's answer goes to the coordinator under it.
 */
export const RequestCorrelationId = createParamDecorator((_data: unknown, context: ExecutionContext): string | null =>
  wellFormedCorrelationId(requestOf(context).headers[CORRELATION_HEADER]),
);
