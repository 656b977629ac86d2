import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { JWTVerifyGetKey } from 'jose';
import { DataSource, type EntityManager } from 'typeorm';
import { MAX_PROPOSALS_PER_BATCH, globalClaimId, parseGlobalClaimId, type NodeProposal } from '#contracts';
import { verifyOwnShare, type ShareVerification } from '#arrangement';
import { verifyProposalToken } from '#consent';
import { Clock } from '#service-kit';
import { ClaimEvent } from '../claims/domain/claim-lifecycle.js';
import type { ClaimStatus } from '../claims/domain/claim-status.js';
import type { NodeConfig } from '../config/node-config.js';
import { NODE_CONFIG } from '../config/node-config.token.js';
import { COORDINATOR_KEYS } from '../consent/coordinator-keys.js';
import { applyAcceptancePolicy } from './domain/proposal-policy.js';
import { ProposalAnswerRelay } from './proposal-answer-relay.service.js';
import { owedCentsSql, recordPassedOn, stepProposedClaims } from './proposal-claims.js';
import type { Delivery, ProposalReceipt } from './proposal-receipt.js';
import { storeProposals, type ProposalToStore } from './store-proposals.js';

export interface OwnClaims {
  readonly references: readonly string[];
  readonly rows: readonly OwnClaimRow[];
  readonly shareCheck: ShareVerification;
}

/** A claim of this node, as the proposal's share is checked against it. */
export interface OwnClaimRow {
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

  /**
   * Several proposals in one request (the coordinator's worker sends what it has for this node at
   * the same moment). The plain ones (no re-plan, no amendment) are stored together in one
   * transaction; the rest go one by one, as they would alone, because their first steps change what
   * the others would read. Each gets its own receipt, exactly as if it had come alone.
   */
  async receiveMany(tokens: readonly unknown[], delivery: Delivery): Promise<ProposalReceipt[]> {
    const now = this.clock.now();
    const checked = await Promise.all(
      tokens.slice(0, MAX_PROPOSALS_PER_BATCH).map((token) =>
        verifyProposalToken({ token: typeof token === 'string' ? token : undefined, issuer: this.config.coordinatorIssuer, audience: this.config.creditorId, keys: this.keys, now }),
      ),
    );
    const receipts: (ProposalReceipt | undefined)[] = checked.map((verified) => (verified.ok ? undefined : verified));
    const plain = checked.flatMap((verified, index) =>
      verified.ok && verified.value.replaces === undefined && verified.value.amends === undefined ? [{ index, proposal: verified.value, tokenId: verified.tokenId }] : [],
    );
    if (plain.length > 0) {
      let answered = false;
      const stored = await this.db.transaction(async (tx) => {
        const claims = await this.claimsOfMany(tx, plain.map((item) => item.proposal));
        const toStore = plain.map((item): ProposalToStore => {
          const own = this.checkShare(item.proposal, claims.get(item.proposal.pseudonym) ?? []);
          const decided = this.plan(item.proposal, own);
          answered ||= decided.answer !== null;
          return { proposal: item.proposal, tokenId: item.tokenId, shareCheck: own.shareCheck, ...decided };
        });
        return storeProposals(tx, toStore, delivery);
      });
      plain.forEach((item, i) => (receipts[item.index] = stored[i]));
      if (answered) this.relay.kick();
    }
    for (const [index, verified] of checked.entries()) {
      if (receipts[index] === undefined && verified.ok) receipts[index] = await this.receiveVerified(verified.value, verified.tokenId, delivery);
    }
    return receipts.map((receipt) => receipt ?? { ok: false, code: 'PROPOSAL_TOKEN_INVALID', reason: 'Not received.' });
  }

  async receive(token: string | undefined, delivery: Delivery): Promise<ProposalReceipt> {
    const verified = await verifyProposalToken({ token, issuer: this.config.coordinatorIssuer, audience: this.config.creditorId, keys: this.keys, now: this.clock.now() });
    if (!verified.ok) return verified;
    return this.receiveVerified(verified.value, verified.tokenId, delivery);
  }

  /**
   * One proposal, in its own transaction: a re-plan withdraws the proposal it replaces first, and an
   * amended plan first brings this node's record of the running plan up to date (the share is checked
   * against what is still owed after what that plan passed on). Both steps are idempotent, so a
   * repeated delivery still changes nothing.
   */
  private async receiveVerified(proposal: NodeProposal, tokenId: string, delivery: Delivery): Promise<ProposalReceipt> {
    let answered = false;
    const receipt = await this.db.transaction(async (tx) => {
      if (proposal.amends !== undefined) await recordPassedOn(tx, { proposalId: proposal.amends.proposalId, pseudonym: proposal.pseudonym, paid: proposal.amends.paid });
      const own = this.checkShare(proposal, (await this.claimsOfMany(tx, [proposal])).get(proposal.pseudonym) ?? []);
      const decided = this.plan(proposal, own);
      if (proposal.replaces !== undefined) await this.withdrawReplaced(tx, proposal.replaces, new Set(own.references));
      const [stored] = await storeProposals(tx, [{ proposal, tokenId, shareCheck: own.shareCheck, ...decided }], delivery);
      answered = stored?.ok === true && !stored.duplicate && decided.answer !== null;
      return stored;
    });
    if (answered) this.relay.kick();
    return receipt ?? { ok: false, code: 'PROPOSAL_TOKEN_INVALID', reason: 'Not received.' };
  }

  /**
   * The claims the proposals name, per pseudonym, locked in one statement (in id order, so two
   * batches never wait for each other crosswise). What a claim still owes is its amount minus what
   * every plan passed on to it.
   */
  private async claimsOfMany(tx: EntityManager, proposals: readonly NodeProposal[]): Promise<Map<string, OwnClaimRow[]>> {
    const pairs = proposals.flatMap((proposal) => referencesOf(proposal).map((reference) => [proposal.pseudonym, reference] as const));
    const rows = await tx.query<(OwnClaimRow & { pseudonym: string })[]>(
      `SELECT l.pseudonym, c.id, c.reference, c.status, c.preferential,
              ${owedCentsSql('c')}::text AS amount_cents
         FROM claims c JOIN account_links l ON l.customer_id = c.customer_id
         JOIN unnest($1::text[], $2::text[]) AS wanted(pseudonym, reference) ON wanted.pseudonym = l.pseudonym AND wanted.reference = c.reference
        ORDER BY c.id
        FOR UPDATE OF c`,
      [pairs.map(([pseudonym]) => pseudonym), pairs.map(([, reference]) => reference)],
    );
    const byPseudonym = new Map<string, OwnClaimRow[]>();
    for (const { pseudonym, ...row } of rows) byPseudonym.set(pseudonym, [...(byPseudonym.get(pseudonym) ?? []), row]);
    for (const list of byPseudonym.values()) list.sort((a, b) => (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0));
    return byPseudonym;
  }

  private checkShare(proposal: NodeProposal, rows: readonly OwnClaimRow[]): OwnClaims {
    const references = referencesOf(proposal);
    const shareCheck: ShareVerification = verifyOwnShare({
      disclosure: proposal.share,
      knownClaims: rows.map((row) => ({ claimId: globalClaimId(this.config.creditorId, row.reference), amountCents: Number(row.amount_cents), preferential: row.preferential })),
    });
    return { references, rows, shareCheck };
  }

  /**
   * What this node does with a proposal, decided before anything is written: the acceptance policy's
   * answer (or none: staff decide), which claims pause (unless the answer is a rejection), and the
   * claims the proposal holds with their share.
   */
  private plan(proposal: NodeProposal, own: OwnClaims): Omit<ProposalToStore, 'proposal' | 'tokenId' | 'shareCheck'> {
    const { references, rows, shareCheck } = own;
    const byReference = new Map(rows.map((row) => [row.reference, row]));
    // A claim in an earlier proposal that this one replaces is 'proposed' already; that is fine. An
    // amended plan is over claims in the running plan.
    const usable = (row: OwnClaimRow | undefined): row is OwnClaimRow =>
      row !== undefined && (row.status === 'open' || row.status === 'proposed' || (row.status === 'in_plan' && proposal.amends !== undefined));
    const unusableClaims = references.filter((reference) => !usable(byReference.get(reference)));
    const outcome = applyAcceptancePolicy({ policy: this.config.acceptancePolicy, shareCheck, unusableClaims });
    const answer = outcome.kind === 'answer' ? { answerId: randomUUID(), answer: { proposalId: proposal.proposalId, ...outcome.answer } } : null;
    const pausesCollection = answer?.answer.decision !== 'reject';
    const inProposal = proposal.share.ownEntries.flatMap((entry) => {
      const row = byReference.get(parseGlobalClaimId(String(entry.claimId))?.reference ?? '');
      return row === undefined ? [] : [{ claimId: row.id, firstMonthCents: entry.monthly[0]?.amountCents ?? 0, totalPaidCents: entry.totalPaidCents }];
    });
    return { answer, pausing: pausesCollection ? rows.filter((row) => row.status === 'open') : [], inProposal };
  }

  /** A re-plan replaces the earlier proposal: claims no longer in it go back to normal collection. */
  private async withdrawReplaced(tx: EntityManager, replacedId: string, stillProposed: ReadonlySet<string>): Promise<void> {
    const [replaced] = await tx.query<{ status: string }[]>(`UPDATE proposals SET status = 'withdrawn', updated_at = now() WHERE id = $1 AND status <> 'withdrawn' RETURNING status`, [replacedId]);
    if (replaced === undefined) return;
    await stepProposedClaims(tx, replacedId, { event: ClaimEvent.PROPOSAL_WITHDRAWN, reason: `Proposal ${replacedId} was replaced.`, actor: 'coordinator' }, stillProposed);
  }
}

/** The node's own references of the claims a proposal names. */
function referencesOf(proposal: NodeProposal): string[] {
  return proposal.share.ownEntries.map((entry) => parseGlobalClaimId(String(entry.claimId))?.reference ?? String(entry.claimId));
}
