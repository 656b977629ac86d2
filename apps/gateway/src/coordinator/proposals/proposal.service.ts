import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { ProposalErrorCode } from '#contracts';
import {
  PlanTooLongError,
  commitPlanShares,
  computePlan,
  discloseShareTo,
  validatePlanInput,
  type CreditorShareDisclosure,
  type Plan,
  type PlanClaim,
  type PlanInput,
  type PlanMode,
} from '#arrangement';
import { LedgerEventKind, canonicalJsonBytes, ledgerEvent, openCommitmentFor } from '#consent';
import { Clock } from '#service-kit';
import { CoordinatorError } from '../common/coordinator-error.js';
import { isUuid } from '../common/ids.js';
import type { CoordinatorConfig } from '../config/coordinator-config.js';
import { COORDINATOR_CONFIG } from '../config/coordinator-config.token.js';
import { PG_POOL } from '../database/database.module.js';
import type { Caller } from '../identity/caller.js';
import { ResidentAccess, type Acting } from '../identity/resident-access.service.js';
import { creditorParty, personParty } from '../ledger/ledger-parties.js';
import { LedgerWriter } from '../ledger/ledger-writer.service.js';
import { Pseudonyms } from '../pseudonyms/pseudonyms.service.js';
import { BudgetService } from './budget.service.js';
import { NodeClaimsClient } from './node-claims-client.js';
import { OutboxRelay } from './outbox-relay.service.js';
import { DeliveryJob, enqueueInOutbox } from './plan-outbox.js';

/** RULES.md §2 invariant 5's policy: a share below €5.00 a month is held until it reaches it. */
export const DEFAULT_MINIMUM_INSTALMENT_CENTS = 500;
const MAX_MANUAL_CLAIMS = 50;

/** A claim a counsellor adds by hand, for a creditor not on the platform: in the plan, handled outside it. */
export interface ManualClaimInput {
  readonly creditorName: string;
  readonly reference: string;
  readonly amountCents: number;
  readonly preferential?: boolean | null;
}

export interface ProposeInput {
  readonly residentId?: string | null;
  readonly mode: PlanMode;
  readonly termMonths?: number | null;
  readonly manualClaims?: readonly ManualClaimInput[] | null;
}

/**
 * Proposes one plan over all of a resident's consented claims (and claims added by hand), and
 * re-plans among the creditors that accepted. The proposal, what each node will receive, the outbox
 * jobs that deliver it and its `plan.proposed` ledger entry are one transaction: nothing is proposed
 * that is not recorded and on its way, and nothing is on its way that was not proposed.
 */
@Injectable()
export class ProposalService {
  constructor(
    @Inject(COORDINATOR_CONFIG) private readonly config: CoordinatorConfig,
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly access: ResidentAccess,
    private readonly budgets: BudgetService,
    private readonly claims: NodeClaimsClient,
    private readonly writer: LedgerWriter,
    private readonly pseudonyms: Pseudonyms,
    private readonly relay: OutboxRelay,
    private readonly clock: Clock,
  ) {}

  async propose(caller: Caller, input: ProposeInput): Promise<string> {
    const acting = await this.access.actingFor(caller, input.residentId);
    const { rows } = await this.pool.query<{ id: string }>(`SELECT id FROM proposals WHERE resident_id = $1 AND status = 'started' LIMIT 1`, [acting.residentId]);
    if (rows[0] !== undefined) {
      throw new CoordinatorError(
        ProposalErrorCode.PLAN_ALREADY_RUNNING,
        `A plan runs already (${rows[0].id}): after a change of income or household, propose an amended plan (proposeAmendedPlan) instead of a second plan over the same claims.`,
      );
    }
    return this.proposeFor(caller, acting, input, {});
  }

  /**
   * A new proposal among the creditors that accepted `proposalId` (the others are left out, their
   * claims go back to them), replacing it. Manual claims carry over.
   */
  async replanAmongAccepting(caller: Caller, proposalId: string): Promise<string> {
    const old = await this.openProposalOf(caller, proposalId);
    const { rows } = await this.pool.query<{ creditor_id: string; decision: string | null }>(`SELECT creditor_id, decision FROM proposal_creditors WHERE proposal_id = $1`, [proposalId]);
    const accepting = new Set(rows.filter((r) => r.decision === 'accept').map((r) => r.creditor_id));
    if (accepting.size === 0) throw new CoordinatorError(ProposalErrorCode.REPLAN_NOT_POSSIBLE, 'No creditor accepted this proposal yet, so there is nobody to re-plan among.');
    if (rows.every((r) => r.decision === 'accept')) throw new CoordinatorError(ProposalErrorCode.REPLAN_NOT_POSSIBLE, 'Every creditor accepted: the plan starts, there is nothing to re-plan.');
    const manual = await manualClaimsOf(this.pool, proposalId, old.plan);
    return this.proposeFor(
      caller,
      old.acting,
      {
        mode: old.mode,
        termMonths: old.plan.settlementTermMonths ?? null,
        manualClaims: manual.map((m) => ({ creditorName: m.creditorName, reference: m.reference, amountCents: m.amountCents, preferential: m.preferential })),
      },
      { onlyCreditors: accepting, replaces: proposalId },
    );
  }

  private async proposeFor(
    caller: Caller,
    acting: Acting,
    input: ProposeInput,
    options: { readonly onlyCreditors?: ReadonlySet<string>; readonly replaces?: string },
  ): Promise<string> {
    const budget = await this.budgets.ofResident(acting.residentId);
    if (budget === null) throw new CoordinatorError(ProposalErrorCode.BUDGET_REQUIRED, 'Enter the budget first: the plan is made from what is left above the beslagvrije voet.');
    const manualClaims = readManualClaims(input.manualClaims ?? []);
    const gathered = await this.claims.gather(caller, acting.residentId, options.onlyCreditors);
    const nodeClaims: PlanClaim[] = gathered.flatMap((creditor) => creditor.claims.map((c) => ({ id: c.id, creditorId: c.creditorId, amountCents: c.amountCents, preferential: c.preferential })));
    const plan = makePlan({
      mode: input.mode,
      capacityCents: budget.capacityCents,
      ...(input.termMonths === null || input.termMonths === undefined ? {} : { termMonths: input.termMonths }),
      minimumInstalmentCents: DEFAULT_MINIMUM_INSTALMENT_CENTS,
      claims: [...nodeClaims, ...manualClaims.map((m) => ({ id: m.claimId, creditorId: m.creditorId, amountCents: m.amountCents, preferential: m.preferential }))],
    });
    return this.record({
      caller,
      acting,
      plan,
      payDay: budget.payDay,
      creditorIds: gathered.filter((creditor) => creditor.claims.length > 0).map((creditor) => creditor.creditorId),
      manualClaims,
      ...(options.replaces === undefined ? {} : { replaces: options.replaces, reason: 'replan-among-accepting' }),
    });
  }

  /**
   * Records a computed plan as a proposal to the creditors named, with what each node will receive,
   * the outbox jobs that deliver it and its `plan.proposed` entry, in one transaction. `replaces`
   * closes an open proposal it takes the place of (nodes left out are told it is withdrawn); `amends`
   * names the running plan an amended plan is for (that plan keeps running until every creditor accepts).
   */
  async record(params: {
    readonly caller: Caller;
    readonly acting: Acting;
    readonly plan: Plan;
    readonly payDay: number;
    readonly creditorIds: readonly string[];
    readonly manualClaims: readonly ManualClaim[];
    readonly replaces?: string;
    readonly amends?: string;
    readonly reason?: string;
    /** More to write in the same transaction (e.g. the counter-proposal this one answers). */
    readonly alsoInTransaction?: (tx: PoolClient) => Promise<void>;
  }): Promise<string> {
    const { caller, acting, plan, manualClaims } = params;
    const commitment = commitPlanShares({ plan });
    const shares = new Map<string, CreditorShareDisclosure>(
      params.creditorIds.map((creditorId) => [creditorId, discloseShareTo({ plan, commitment, creditorId, ...(plan.settlementTermMonths ? { settlementTermMonths: plan.settlementTermMonths } : {}) })]),
    );
    const id = randomUUID();
    const now = this.clock.now();
    const answerBy = new Date(now.getTime() + this.config.answerWithinDays * 86_400_000);
    const planHash = createHash('sha256').update(canonicalJsonBytes(plan)).digest('hex');

    await this.writer.record(async (tx: PoolClient) => {
      if (acting.actor.role === 'counsellor') await this.access.actingFor(caller, acting.residentId, tx);
      let withdrawnFrom: string[] = [];
      if (params.replaces !== undefined) {
        const replaced = await tx.query<{ creditor_id: string }>(
          `UPDATE proposals SET status = 'replaced' WHERE id = $1 AND status = 'open' RETURNING (SELECT array_agg(creditor_id) FROM proposal_creditors WHERE proposal_id = $1) AS creditor_id`,
          [params.replaces],
        );
        if (replaced.rowCount === 0) throw new CoordinatorError(ProposalErrorCode.PROPOSAL_CLOSED, 'This proposal was decided or replaced meanwhile.');
        const before = (replaced.rows[0]?.creditor_id as unknown as string[] | null) ?? [];
        withdrawnFrom = before.filter((creditorId) => !shares.has(creditorId));
      }
      await tx.query({
        name: 'proposal-insert',
        text: `INSERT INTO proposals (id, resident_id, status, mode, capacity_cents, pay_day, plan, plan_hash, commitment_root, replaces, amends, proposed_by, proposed_at, answer_by)
               VALUES ($1, $2, 'open', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        values: [id, acting.residentId, plan.mode, plan.capacityCents, params.payDay, JSON.stringify(plan), planHash, commitment.rootHash, params.replaces ?? null, params.amends ?? null, acting.actor.personId, now, answerBy],
      });
      for (const [creditorId, share] of shares) {
        await tx.query({ name: 'proposal-creditor-insert', text: `INSERT INTO proposal_creditors (proposal_id, creditor_id, share) VALUES ($1, $2, $3)`, values: [id, creditorId, JSON.stringify(share)] });
        await enqueueInOutbox(tx, DeliveryJob.PROPOSAL, { proposalId: id, creditorId });
      }
      for (const m of manualClaims) {
        await tx.query({
          name: 'proposal-manual-insert',
          text: `INSERT INTO proposal_manual_claims (proposal_id, claim_id, creditor_name, reference, amount_cents, preferential) VALUES ($1, $2, $3, $4, $5, $6)`,
          values: [id, m.claimId, m.creditorName, m.reference, m.amountCents, m.preferential],
        });
      }
      if (params.alsoInTransaction !== undefined) await params.alsoInTransaction(tx);
      for (const creditorId of withdrawnFrom) {
        if (params.replaces !== undefined) await enqueueInOutbox(tx, DeliveryJob.PLAN_EVENT, { proposalId: params.replaces, creditorId, kind: 'withdrawn' });
      }
      const openings = [...shares.keys()].map(openCommitmentFor);
      const { event } = ledgerEvent({
        eventId: randomUUID(),
        kind: LedgerEventKind.PLAN_PROPOSED,
        recordId: id,
        state: 'open',
        eventTime: now,
        subject: this.pseudonyms.inLedger(acting.residentId),
        actor: { role: acting.actor.role, id: this.pseudonyms.inLedger(acting.actor.personId) },
        creditors: openings,
        details: { planHash, ...(params.reason ? { reason: params.reason } : {}) },
      });
      return { event, openings, parties: [personParty(acting.residentId), personParty(acting.actor.personId), ...[...shares.keys()].map(creditorParty)], result: undefined };
    });
    this.relay.kick();
    return id;
  }

  /** The proposal, if this caller may act for its resident and it is still open. */
  private async openProposalOf(caller: Caller, proposalId: string): Promise<{ acting: Acting; mode: PlanMode; plan: Plan }> {
    if (!isUuid(proposalId)) throw new CoordinatorError(ProposalErrorCode.PROPOSAL_NOT_FOUND, 'There is no such proposal.');
    const { rows } = await this.pool.query<{ resident_id: string; status: string; mode: PlanMode; plan: Plan }>(`SELECT resident_id, status, mode, plan FROM proposals WHERE id = $1`, [proposalId]);
    const row = rows[0];
    if (row === undefined) throw new CoordinatorError(ProposalErrorCode.PROPOSAL_NOT_FOUND, 'There is no such proposal.');
    let acting: Acting;
    try {
      acting = await this.access.actingFor(caller, row.resident_id);
    } catch {
      throw new CoordinatorError(ProposalErrorCode.PROPOSAL_NOT_FOUND, 'There is no such proposal.');
    }
    if (row.status !== 'open') throw new CoordinatorError(ProposalErrorCode.PROPOSAL_CLOSED, `This proposal is ${row.status}.`);
    return { acting, mode: row.mode, plan: row.plan };
  }
}

export function makePlan(input: PlanInput): Plan {
  if (input.claims.length === 0) throw new CoordinatorError(ProposalErrorCode.PLAN_NO_CLAIMS, 'There are no open claims to put in a plan: none of the consented creditors holds one, and none was added by hand.');
  const validated = validatePlanInput(input);
  if (!validated.ok) {
    const { code, path, message } = validated.error;
    throw new CoordinatorError(ProposalErrorCode.PLAN_INVALID, message, [{ code, field: path, message }]);
  }
  try {
    return computePlan(validated.value);
  } catch (error) {
    if (error instanceof PlanTooLongError) throw new CoordinatorError(ProposalErrorCode.PLAN_INVALID, error.message, [{ code: 'PLAN_TOO_LONG', field: 'claims', message: error.message }]);
    throw error;
  }
}

export interface ManualClaim {
  readonly claimId: string;
  readonly creditorId: string;
  readonly creditorName: string;
  readonly reference: string;
  readonly amountCents: number;
  readonly preferential: boolean;
}

/**
 * The hand-added claims of a proposal as they stand in `plan` (the proposal's own plan, or one made
 * from it): each at that plan's amount, and left out when that plan no longer holds it (paid off).
 */
export async function manualClaimsOf(db: Pool, proposalId: string, plan: Plan): Promise<ManualClaim[]> {
  const inPlan = new Map(plan.claims.map((claim) => [claim.claimId, claim]));
  const { rows } = await db.query<{ claim_id: string; creditor_name: string; reference: string; preferential: boolean }>(
    `SELECT claim_id, creditor_name, reference, preferential FROM proposal_manual_claims WHERE proposal_id = $1 ORDER BY claim_id`,
    [proposalId],
  );
  return rows.flatMap((m) => {
    const claim = inPlan.get(m.claim_id);
    return claim === undefined
      ? []
      : [{ claimId: m.claim_id, creditorId: claim.creditorId, creditorName: m.creditor_name, reference: m.reference, amountCents: claim.amountCents, preferential: m.preferential }];
  });
}

function readManualClaims(claims: readonly ManualClaimInput[]): ManualClaim[] {
  if (claims.length > MAX_MANUAL_CLAIMS) throw new CoordinatorError(ProposalErrorCode.PLAN_INVALID, `At most ${MAX_MANUAL_CLAIMS} claims can be added by hand.`);
  return claims.map((claim, index) => {
    const field = (name: string): string => `manualClaims[${index}].${name}`;
    const refuse = (name: string, message: string): never => {
      throw new CoordinatorError(ProposalErrorCode.PLAN_INVALID, message, [{ code: ProposalErrorCode.PLAN_INVALID, field: field(name), message }]);
    };
    const creditorName = claim.creditorName.trim();
    const reference = claim.reference.trim();
    if (creditorName.length === 0 || creditorName.length > 200) refuse('creditorName', 'Give the name of the creditor (1 to 200 characters).');
    if (reference.length === 0 || reference.length > 64) refuse('reference', "Give the creditor's reference for this claim (1 to 64 characters).");
    if (!Number.isSafeInteger(claim.amountCents) || claim.amountCents <= 0) refuse('amount', 'The amount must be more than zero, in whole cents.');
    const slug = creditorName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'creditor';
    return { claimId: `manual:${index + 1}:${reference}`, creditorId: `manual:${slug}`, creditorName, reference, amountCents: claim.amountCents, preferential: claim.preferential === true };
  });
}
