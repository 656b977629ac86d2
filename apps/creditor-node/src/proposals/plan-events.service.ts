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
import { recordPassedOn, settlePaidClaims, stepProposedClaims } from './proposal-claims.js';
import type { ProposalReceipt } from './proposal-receipt.js';

/**
 * What became of a proposal, as the coordinator reports it: it started (the claims are in the plan
 * now), it was withdrawn (collection on them may resume), the plan passed money on (what each claim
 * received so far: a claim paid in full is paid; at a settlement's end the rest is forgiven), or the
 * resident declined our counter-proposal (staff decide again). Idempotent: a second report of the
 * same thing changes nothing.
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
    return this.db.transaction(async (tx) => {
      const [proposal] = await tx.query<{ status: string; pseudonym: string; amends: string | null; mode: string }[]>(
        `SELECT status, pseudonym, amends, share->>'mode' AS mode FROM proposals WHERE id = $1 FOR UPDATE`,
        [event.proposalId],
      );
      if (proposal === undefined || proposal.pseudonym !== event.pseudonym) {
        return { ok: false as const, code: 'PROPOSAL_NOT_FOUND' as const, reason: 'This node holds no such proposal.' };
      }
      const done = (status: string, duplicate: boolean): ProposalReceipt => ({ ok: true, proposalId: event.proposalId, status, duplicate });
      switch (event.kind) {
        case PlanEventKind.STARTED:
        case PlanEventKind.WITHDRAWN: {
          const to = event.kind === PlanEventKind.STARTED ? 'started' : 'withdrawn';
          if (proposal.status === to) return done(to, true);
          await tx.query(`UPDATE proposals SET status = $2, updated_at = now() WHERE id = $1`, [event.proposalId, to]);
          // An amended plan takes over: the plan it amends has run its course (its claims stay in the plan).
          if (to === 'started' && proposal.amends !== null) await tx.query(`UPDATE proposals SET status = 'amended', updated_at = now() WHERE id = $1 AND status = 'started'`, [proposal.amends]);
          const step =
            to === 'started'
              ? { event: ClaimEvent.PLAN_STARTED, reason: `Plan ${event.proposalId} started; first instalment due ${event.firstDueDate ?? 'as scheduled'}.` }
              : { event: ClaimEvent.PROPOSAL_WITHDRAWN, reason: `Proposal ${event.proposalId} was withdrawn.` };
          await stepProposedClaims(tx, event.proposalId, { ...step, actor: 'coordinator' });
          return done(to, false);
        }
        case PlanEventKind.PAYMENTS: {
          const paid = event.paid;
          if (paid === undefined || (proposal.status !== 'started' && proposal.status !== 'completed')) {
            return { ok: false as const, code: 'PROPOSAL_NOT_FOUND' as const, reason: 'This node holds no running plan with this id.' };
          }
          const changed = await recordPassedOn(tx, { proposalId: event.proposalId, pseudonym: event.pseudonym, paid: paid.claims });
          await settlePaidClaims(tx, event.proposalId, { final: paid.final, settlement: proposal.mode === 'settlement' });
          if (paid.final && proposal.status !== 'completed') await tx.query(`UPDATE proposals SET status = 'completed', updated_at = now() WHERE id = $1`, [event.proposalId]);
          return done(paid.final ? 'completed' : proposal.status, !changed && !(paid.final && proposal.status !== 'completed'));
        }
        case PlanEventKind.COUNTER_DECLINED: {
          // The resident declined our counter-proposal: staff decide again (the first answer stays, superseded).
          const superseded = await tx.query<{ id: string }[]>(
            `UPDATE proposal_answers SET superseded_at = now() WHERE proposal_id = $1 AND superseded_at IS NULL AND decision = 'counter' RETURNING id`,
            [event.proposalId],
          );
          if (superseded.length === 0) return done(proposal.status, true);
          await tx.query(`UPDATE proposals SET status = 'awaiting_staff', counter_declined_note = $2, updated_at = now() WHERE id = $1`, [event.proposalId, event.note ?? null]);
          return done('awaiting_staff', false);
        }
      }
    });
  }
}
