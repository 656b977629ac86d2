import { Inject, Injectable } from '@nestjs/common';
import type { JWTVerifyGetKey } from 'jose';
import { DataSource } from 'typeorm';
import { PlanEventKind } from '#contracts';
import { verifyPlanEventToken } from '#consent';
import { Clock } from '#service-kit';
import { ClaimEvent } from '../claims/domain/claim-lifecycle.js';
import type { NodeConfig } from '../config/node-config.js';
import { NODE_CONFIG } from '../config/node-config.token.js';
import { COORDINATOR_KEYS } from '../consent/coordinator-keys.js';
import { stepProposedClaims } from './proposal-claims.js';
import type { ProposalReceipt } from './proposal-inbox.service.js';

/**
 * What became of a proposal, as the coordinator reports it: it started (the claims are in the plan
 * now) or it was withdrawn (collection on them may resume). Idempotent: a second report of the same
 * outcome changes nothing.
 */
@Injectable()
export class PlanEvents {
  constructor(
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
    @Inject(COORDINATOR_KEYS) private readonly keys: JWTVerifyGetKey,
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async apply(token: string | undefined): Promise<ProposalReceipt> {
    const verified = await verifyPlanEventToken({ token, issuer: this.config.coordinatorIssuer, audience: this.config.creditorId, keys: this.keys, now: this.clock.now() });
    if (!verified.ok) return verified;
    const event = verified.value;
    const to = event.kind === PlanEventKind.STARTED ? 'started' : 'withdrawn';
    return this.db.transaction(async (tx) => {
      const [proposal] = await tx.query<{ status: string; pseudonym: string }[]>(`SELECT status, pseudonym FROM proposals WHERE id = $1 FOR UPDATE`, [event.proposalId]);
      if (proposal === undefined || proposal.pseudonym !== event.pseudonym) {
        return { ok: false as const, code: 'PROPOSAL_NOT_FOUND' as const, reason: 'This node holds no such proposal.' };
      }
      if (proposal.status === to) return { ok: true as const, proposalId: event.proposalId, status: to, duplicate: true };
      await tx.query(`UPDATE proposals SET status = $2, updated_at = now() WHERE id = $1`, [event.proposalId, to]);
      const step =
        event.kind === PlanEventKind.STARTED
          ? { event: ClaimEvent.PLAN_STARTED, reason: `Plan ${event.proposalId} started; first instalment due ${event.firstDueDate ?? 'as scheduled'}.` }
          : { event: ClaimEvent.PROPOSAL_WITHDRAWN, reason: `Proposal ${event.proposalId} was withdrawn.` };
      await stepProposedClaims(tx, event.proposalId, { ...step, actor: 'coordinator' });
      return { ok: true as const, proposalId: event.proposalId, status: to, duplicate: false };
    });
  }
}
