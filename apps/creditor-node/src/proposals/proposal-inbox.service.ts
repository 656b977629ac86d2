import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { JWTVerifyGetKey } from 'jose';
import { DataSource, type EntityManager } from 'typeorm';
import { globalClaimId, parseGlobalClaimId, type NodeProposal, type ProposalErrorCode } from '#contracts';
import { verifyOwnShare, type ShareVerification } from '#arrangement';
import { verifyProposalToken } from '#consent';
import { Clock } from '#service-kit';
import { applyClaimEvent } from '../claims/claim-lifecycle.service.js';
import { ClaimEvent } from '../claims/domain/claim-lifecycle.js';
import type { ClaimStatus } from '../claims/domain/claim-status.js';
import type { NodeConfig } from '../config/node-config.js';
import { NODE_CONFIG } from '../config/node-config.token.js';
import { COORDINATOR_KEYS } from '../consent/coordinator-keys.js';
import { applyAcceptancePolicy } from './domain/proposal-policy.js';
import { ProposalAnswerRelay } from './proposal-answer-relay.service.js';
import { recordAnswer } from './proposal-answers.js';
import { recordPassedOn, stepProposedClaims } from './proposal-claims.js';

export type ProposalReceipt =
  | { readonly ok: true; readonly proposalId: string; readonly status: string; readonly duplicate: boolean }
  | { readonly ok: false; readonly code: ProposalErrorCode; readonly reason: string };

interface OwnClaims {
  readonly references: readonly string[];
  readonly rows: readonly OwnClaimRow[];
  readonly shareCheck: ShareVerification;
}

/** A claim of this node, as the proposal's share is checked against it. */
interface OwnClaimRow {
  readonly id: string;
  readonly reference: string;
  readonly status: ClaimStatus;
  readonly amount_cents: string;
  readonly preferential: boolean;
}

/**
 * Receives a proposal the coordinator delivered. Exactly once per proposal id: a second delivery of
 * the same proposal (a retry after a lost answer) changes nothing. In one transaction it stores the
 * proposal, checks this creditor's share itself against the claims it holds, pauses collection on
 * those claims, and applies the acceptance policy; an answer decided here is written in the same
 * transaction (the answer's outbox row) and sent by the answer relay.
 */
@Injectable()
export class ProposalInbox {
  constructor(
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
    @Inject(COORDINATOR_KEYS) private readonly keys: JWTVerifyGetKey,
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly relay: ProposalAnswerRelay,
  ) {}

  async receive(token: string | undefined): Promise<ProposalReceipt> {
    const verified = await verifyProposalToken({ token, issuer: this.config.coordinatorIssuer, audience: this.config.creditorId, keys: this.keys, now: this.clock.now() });
    if (!verified.ok) return verified;
    const proposal = verified.value;
    const receipt = await this.db.transaction(async (tx) => {
      // Locks the claims first, checks the share, then stores the proposal with the check's result: a
      // second delivery of the same proposal stops at the insert and changes nothing.
      // An amended plan first brings this node's record of the running plan up to date: the share
      // is checked against what is still owed after what that plan passed on.
      if (proposal.amends !== undefined) await recordPassedOn(tx, { proposalId: proposal.amends.proposalId, pseudonym: proposal.pseudonym, paid: proposal.amends.paid });
      const own = await this.ownClaims(tx, proposal);
      const [inserted] = await tx.query<{ id: string }[]>(
        `INSERT INTO proposals (id, pseudonym, replaces, amends, answer_by, share, share_check, status, token_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'awaiting_staff', $8)
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        [
          proposal.proposalId,
          proposal.pseudonym,
          proposal.replaces ?? null,
          proposal.amends?.proposalId ?? null,
          proposal.answerBy,
          JSON.stringify(proposal.share),
          JSON.stringify(own.shareCheck),
          verified.tokenId,
        ],
      );
      if (inserted === undefined) {
        const [existing] = await tx.query<{ status: string }[]>(`SELECT status FROM proposals WHERE id = $1`, [proposal.proposalId]);
        return { ok: true as const, proposalId: proposal.proposalId, status: existing?.status ?? 'answered', duplicate: true, answered: false };
      }
      return { ...(await this.decide(tx, proposal, own)), duplicate: false };
    });
    if (receipt.answered) this.relay.kick();
    const { answered: _answered, ...result } = receipt;
    return result;
  }

  /** This node's claims the proposal names (locked), and its own check of its share against them. */
  private async ownClaims(tx: EntityManager, proposal: NodeProposal): Promise<OwnClaims> {
    const references = proposal.share.ownEntries.map((entry) => parseGlobalClaimId(String(entry.claimId))?.reference ?? String(entry.claimId));
    const rows = await tx.query<OwnClaimRow[]>(
      `SELECT c.id, c.reference, c.status, c.preferential,
              (c.principal_cents + c.interest_cents + c.costs_cents - coalesce((SELECT sum(pc.passed_on_cents) FROM proposal_claims pc WHERE pc.claim_id = c.id), 0))::text AS amount_cents
         FROM claims c JOIN account_links l ON l.customer_id = c.customer_id
        WHERE l.pseudonym = $1 AND c.reference = ANY($2::text[])
        ORDER BY c.reference
        FOR UPDATE OF c`,
      [proposal.pseudonym, references],
    );
    const shareCheck: ShareVerification = verifyOwnShare({
      disclosure: proposal.share,
      knownClaims: rows.map((row) => ({ claimId: globalClaimId(this.config.creditorId, row.reference), amountCents: Number(row.amount_cents), preferential: row.preferential })),
    });
    return { references, rows, shareCheck };
  }

  private async decide(tx: EntityManager, proposal: NodeProposal, own: OwnClaims): Promise<{ ok: true; proposalId: string; status: string; answered: boolean }> {
    const { references, rows, shareCheck } = own;
    const byReference = new Map(rows.map((row) => [row.reference, row]));
    // A claim in an earlier proposal that this one replaces is 'proposed' already; that is fine. An
    // amended plan is over claims in the running plan.
    const usable = (row: OwnClaimRow | undefined): row is OwnClaimRow =>
      row !== undefined && (row.status === 'open' || row.status === 'proposed' || (row.status === 'in_plan' && proposal.amends !== undefined));
    const unusableClaims = references.filter((reference) => !usable(byReference.get(reference)));
    const outcome = applyAcceptancePolicy({ policy: this.config.acceptancePolicy, shareCheck, unusableClaims });

    if (proposal.replaces !== undefined) await this.withdrawReplaced(tx, proposal.replaces, new Set(references));
    const pausesCollection = !(outcome.kind === 'answer' && outcome.answer.decision === 'reject');
    if (pausesCollection) {
      for (const row of rows) {
        if (row.status === 'open') {
          await applyClaimEvent(tx, row, { event: ClaimEvent.PROPOSAL_RECEIVED, reason: `In proposal ${proposal.proposalId}; collection paused.`, actor: 'coordinator' });
        }
      }
    }
    const inProposal = proposal.share.ownEntries.flatMap((entry) => {
      const row = byReference.get(parseGlobalClaimId(String(entry.claimId))?.reference ?? '');
      return row === undefined ? [] : [{ claimId: row.id, firstMonthCents: entry.monthly[0]?.amountCents ?? 0, totalPaidCents: entry.totalPaidCents }];
    });
    await tx.query(
      `INSERT INTO proposal_claims (proposal_id, claim_id, monthly_first_cents, total_paid_cents)
       SELECT $1, * FROM unnest($2::uuid[], $3::bigint[], $4::bigint[])`,
      [proposal.proposalId, inProposal.map((c) => c.claimId), inProposal.map((c) => c.firstMonthCents), inProposal.map((c) => c.totalPaidCents)],
    );
    if (outcome.kind === 'await_staff') return { ok: true, proposalId: proposal.proposalId, status: 'awaiting_staff', answered: false };
    await recordAnswer(tx, { answerId: randomUUID(), answer: { proposalId: proposal.proposalId, ...outcome.answer } });
    return { ok: true, proposalId: proposal.proposalId, status: 'answered', answered: true };
  }

  /** A re-plan replaces the earlier proposal: claims no longer in it go back to normal collection. */
  private async withdrawReplaced(tx: EntityManager, replacedId: string, stillProposed: ReadonlySet<string>): Promise<void> {
    const [replaced] = await tx.query<{ status: string }[]>(`UPDATE proposals SET status = 'withdrawn', updated_at = now() WHERE id = $1 AND status <> 'withdrawn' RETURNING status`, [replacedId]);
    if (replaced === undefined) return;
    await stepProposedClaims(tx, replacedId, { event: ClaimEvent.PROPOSAL_WITHDRAWN, reason: `Proposal ${replacedId} was replaced.`, actor: 'coordinator' }, stillProposed);
  }
}
