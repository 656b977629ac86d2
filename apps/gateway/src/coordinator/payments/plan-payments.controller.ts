import { Body, Controller, Headers, HttpCode, HttpException, HttpStatus, Post, Req, type RawBodyRequest } from '@nestjs/common';
import type { Request } from 'express';
import { COORDINATOR_PAYMENT_REPORTS_PATH, ProposalErrorCode } from '#contracts';
import { PAYMENT_SIGNATURE_HEADER } from '#consent';
import { CoordinatorError } from '../common/coordinator-error.js';
import { PlanPayments } from './plan-payments.service.js';

/** The payment provider posts here when a payment's status changes. */
export const PAYMENT_PROVIDER_CALLBACK_PATH = '/payments/v1/callback';

const STATUS_OF: Partial<Record<string, HttpStatus>> = {
  [ProposalErrorCode.PAYMENT_SIGNATURE_INVALID]: HttpStatus.UNAUTHORIZED,
  [ProposalErrorCode.PAYMENT_REPORT_SIGNATURE_INVALID]: HttpStatus.UNAUTHORIZED,
  [ProposalErrorCode.PAYMENT_INVALID]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ProposalErrorCode.PAYMENT_CONFLICT]: HttpStatus.CONFLICT,
};

async function answered<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CoordinatorError) throw new HttpException({ error: { code: error.code, message: error.message } }, STATUS_OF[error.code] ?? HttpStatus.BAD_REQUEST);
    throw error;
  }
}

/**
 * Where money for running plans is reported. The provider's callback is checked by its HMAC signature
 * over the raw body; a node's report by the node's registered key. 200 when recorded, and when the
 * same payment was recorded before (a provider retries until it gets a 2xx).
 */
@Controller()
export class PlanPaymentsController {
  constructor(private readonly payments: PlanPayments) {}

  @Post(PAYMENT_PROVIDER_CALLBACK_PATH.slice(1))
  @HttpCode(200)
  async fromProvider(@Req() request: RawBodyRequest<Request>, @Headers(PAYMENT_SIGNATURE_HEADER) signature: string | undefined): Promise<object> {
    return answered(() => this.payments.fromProvider(request.rawBody?.toString('utf8') ?? '', signature));
  }

  @Post(COORDINATOR_PAYMENT_REPORTS_PATH.slice(1))
  @HttpCode(200)
  async fromNode(@Body() body: unknown): Promise<object> {
    const token = (body as { report?: unknown } | null)?.report;
    return answered(() => this.payments.fromNode(typeof token === 'string' ? token : undefined));
  }
}
