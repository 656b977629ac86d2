import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { AuthErrorCode, GeneralErrorCode, LedgerErrorCode } from '#contracts';
import { CoordinatorError } from '../common/coordinator-error.js';
import { LedgerRequestError } from './ledger-request.js';

const STATUS: Readonly<Record<string, number>> = {
  [AuthErrorCode.UNAUTHENTICATED]: 401,
  [AuthErrorCode.FORBIDDEN]: 403,
  [LedgerErrorCode.LEDGER_ENTRY_NOT_FOUND]: 404,
};

/**
 * Every refusal of the ledger API as `{ error: { code, message } }` (LEDGER.md): 400 for bad input,
 * 401/403 for credentials, 404 for an entry the caller may not see. Anything unexpected is a 500
 * without details; the log has them.
 */
@Catch()
export class LedgerHttpErrors implements ExceptionFilter {
  private readonly logger = new Logger('LedgerHttp');

  catch(error: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (error instanceof LedgerRequestError || error instanceof CoordinatorError) {
      res.status(STATUS[error.code] ?? 400).json({ error: { code: error.code, message: error.message } });
      return;
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      res.status(status).json({ error: { code: status === 404 ? 'NOT_FOUND' : GeneralErrorCode.BAD_USER_INPUT, message: error.message } });
      return;
    }
    this.logger.error(`Unexpected error: ${String(error)}`, (error as Error | undefined)?.stack);
    res.status(500).json({ error: { code: GeneralErrorCode.INTERNAL, message: 'Something went wrong on our side. Please try again later.' } });
  }
}
