import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { COORDINATOR_PAYMENT_REPORTS_PATH, ProposalErrorCode, type NodePaymentReport } from '#contracts';
import { signPaymentReport } from '#consent';
import { Clock, correlationHeaderFor } from '#service-kit';
import type { NodeConfig } from '../config/node-config.js';
import { NODE_CONFIG } from '../config/node-config.token.js';

const REQUEST_TIMEOUT_MS = 5_000;

export type PaymentReportOutcome =
  | { readonly ok: true; readonly recorded: boolean; readonly duplicate: boolean; readonly instalmentsPassedOn: number }
  | { readonly ok: false; readonly code: string; readonly message: string };

/**
 * Staff report a payment the resident made to this creditor directly, for a running plan: the
 * coordinator counts it towards the plan's instalments. Signed with this node's key and sent at once;
 * the staff member sees the coordinator's answer (or that it could not be reached, to try again: the
 * same reference twice is one payment there, so trying again is always safe).
 */
@Injectable()
export class PlanPaymentReporter {
  constructor(
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /** `correlationId`: the staff request's, sent on so the coordinator logs the report under it. */
  async report(report: NodePaymentReport, request: { readonly correlationId: string | null }): Promise<PaymentReportOutcome> {
    const [proposal] = await this.db.query<{ pseudonym: string; status: string }[]>(`SELECT pseudonym, status FROM proposals WHERE id = $1`, [report.proposalId]);
    if (proposal === undefined || proposal.status !== 'started') {
      return { ok: false, code: ProposalErrorCode.PLAN_NOT_RUNNING, message: 'There is no running plan with this id at this node.' };
    }
    const token = await signPaymentReport({
      creditorId: this.config.creditorId,
      audience: this.config.coordinatorIssuer,
      pseudonym: proposal.pseudonym,
      report,
      tokenId: randomUUID(),
      issuedAt: this.clock.now(),
      privateKey: this.config.signingKey.privateKey,
      keyId: this.config.signingKey.keyId,
    });
    try {
      const response = await fetch(new URL(COORDINATOR_PAYMENT_REPORTS_PATH, this.config.coordinatorUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...correlationHeaderFor(request.correlationId) },
        body: JSON.stringify({ report: token }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const body = (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string }; recorded?: boolean; duplicate?: boolean; instalmentsPassedOn?: number };
      if (!response.ok) return { ok: false, code: body.error?.code ?? `HTTP_${response.status}`, message: body.error?.message ?? 'The coordinator refused the payment.' };
      return { ok: true, recorded: body.recorded === true, duplicate: body.duplicate === true, instalmentsPassedOn: body.instalmentsPassedOn ?? 0 };
    } catch {
      return { ok: false, code: ProposalErrorCode.COORDINATOR_UNAVAILABLE, message: 'The coordinator could not be reached. Nothing was recorded; try again later.' };
    }
  }
}
