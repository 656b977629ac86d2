import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { ProposalErrorCode, type CounterOffer } from '#contracts';
import { instalmentStates, paidInForInstalments, passedOnPerClaim, type PaymentStatus, type Plan, type Schedule } from '#arrangement';
import { Clock, dutchDate } from '#service-kit';
import type { CoordinatorConfig } from '../config/coordinator-config.js';
import { COORDINATOR_CONFIG } from '../config/coordinator-config.token.js';
import { CoordinatorError } from '../common/coordinator-error.js';
import { isUuid } from '../common/ids.js';
import { PG_POOL } from '../database/database.module.js';
import type { Caller } from '../identity/caller.js';
import { ResidentAccess } from '../identity/resident-access.service.js';

export type ProposalOutcome = 'waiting' | 'all_accepted' | 'needs_decision';

export interface ProposalCreditorView {
  readonly creditorId: string;
  readonly claimCount: number;
  readonly totalCents: number;
  readonly totalPaidCents: number;
  readonly delivery: 'pending' | 'delivered' | 'failed';
  readonly deliveryAttempts: number;
  readonly decision: 'accept' | 'reject' | 'counter' | 'no_answer' | null;
  readonly reasonCode: string | null;
  readonly reasonText: string | null;
  readonly counter: CounterOffer | null;
  readonly answeredAt: Date | null;
  /** How the resident answered a counter-proposal, and in what words. */
  readonly counterAnswer: 'accepted' | 'declined' | null;
  readonly counterNote: string | null;
  /** What the running plan passed on to this creditor so far. */
  readonly passedOnCents: number;
}

/** A running (or ended) plan's money: what came in, what went on to the creditors, each instalment's state. */
export interface PlanMoneyView {
  readonly paymentReference: string | null;
  readonly status: PaymentStatus;
  readonly instalmentsPassedOn: number;
  readonly passedOnCents: number;
  readonly heldCents: number;
  readonly payments: readonly { readonly amountCents: number; readonly receivedOn: string; readonly source: string; readonly creditorId: string | null }[];
}

export interface ProposalView {
  readonly id: string;
  readonly residentId: string;
  readonly status: 'open' | 'started' | 'replaced' | 'withdrawn' | 'amended' | 'completed';
  readonly outcome: ProposalOutcome;
  readonly plan: Plan;
  readonly proposedAt: Date;
  readonly answerBy: Date;
  readonly replaces: string | null;
  readonly amends: string | null;
  readonly startedAt: Date | null;
  readonly firstDueDate: string | null;
  readonly schedule: Schedule | null;
  /** Null until the plan starts. */
  readonly money: PlanMoneyView | null;
  readonly creditors: readonly ProposalCreditorView[];
  readonly manualClaims: readonly { creditorName: string; reference: string; amountCents: number; preferential: boolean; totalPaidCents: number }[];
}

interface Row {
  id: string;
  resident_id: string;
  status: ProposalView['status'];
  plan: Plan;
  proposed_at: Date;
  answer_by: Date;
  replaces: string | null;
  amends: string | null;
  payment_reference: string | null;
  passed_on_instalments: number;
  started_at: Date | null;
  first_due_date: string | null;
  schedule: Schedule | null;
  payments: { amount_cents: string; received_on: string; source: string; creditor_id: string | null }[];
  creditors: {
    creditor_id: string;
    delivery: ProposalCreditorView['delivery'];
    delivery_attempts: number;
    decision: ProposalCreditorView['decision'];
    reason_code: string | null;
    reason_text: string | null;
    counter: CounterOffer | null;
    answered_at: string | null;
    counter_answer: ProposalCreditorView['counterAnswer'];
    counter_note: string | null;
  }[];
  manual: { claim_id: string; creditor_name: string; reference: string; amount_cents: string; preferential: boolean }[];
}

const SELECT = `
  SELECT p.id, p.resident_id, p.status, p.plan, p.proposed_at, p.answer_by, p.replaces, p.amends, p.payment_reference, p.passed_on_instalments,
         p.started_at, to_char(p.first_due_date, 'YYYY-MM-DD') AS first_due_date, p.schedule,
         coalesce((SELECT json_agg(json_build_object('amount_cents', pp.amount_cents::text, 'received_on', to_char(pp.received_on, 'YYYY-MM-DD'), 'source', pp.source,
                    'creditor_id', pp.creditor_id) ORDER BY pp.received_on, pp.recorded_at) FROM plan_payments pp WHERE pp.proposal_id = p.id), '[]') AS payments,
         coalesce((SELECT json_agg(json_build_object('creditor_id', pc.creditor_id, 'delivery', pc.delivery, 'delivery_attempts', pc.delivery_attempts,
                    'decision', pc.decision, 'reason_code', pc.reason_code, 'reason_text', pc.reason_text, 'counter', pc.counter, 'answered_at', pc.answered_at,
                    'counter_answer', pc.counter_answer, 'counter_note', pc.counter_note)
                    ORDER BY pc.creditor_id) FROM proposal_creditors pc WHERE pc.proposal_id = p.id), '[]') AS creditors,
         coalesce((SELECT json_agg(json_build_object('claim_id', m.claim_id, 'creditor_name', m.creditor_name, 'reference', m.reference,
                    'amount_cents', m.amount_cents::text, 'preferential', m.preferential) ORDER BY m.claim_id)
                     FROM proposal_manual_claims m WHERE m.proposal_id = p.id), '[]') AS manual
    FROM proposals p`;

/** Proposals as residents and their counsellors see them, with every creditor's delivery and answer. */
@Injectable()
export class ProposalQueries {
  constructor(
    @Inject(COORDINATOR_CONFIG) private readonly config: CoordinatorConfig,
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly access: ResidentAccess,
    private readonly clock: Clock,
  ) {}

  private toView(row: Row): ProposalView {
    return toView(row, { today: dutchDate(this.clock.now()), graceDays: this.config.payments.graceDays });
  }

  async list(caller: Caller, residentId?: string | null): Promise<ProposalView[]> {
    const acting = await this.access.actingFor(caller, residentId);
    const { rows } = await this.pool.query<Row>(`${SELECT} WHERE p.resident_id = $1 ORDER BY p.proposed_at DESC LIMIT 100`, [acting.residentId]);
    return rows.map((row) => this.toView(row));
  }

  /** Someone who may not act for the resident learns nothing, not even that the proposal exists. */
  async byId(caller: Caller, id: string): Promise<ProposalView> {
    const notFound = (): CoordinatorError => new CoordinatorError(ProposalErrorCode.PROPOSAL_NOT_FOUND, 'There is no such proposal.');
    if (!isUuid(id)) throw notFound();
    const { rows } = await this.pool.query<Row>(`${SELECT} WHERE p.id = $1`, [id]);
    const row = rows[0];
    if (row === undefined) throw notFound();
    try {
      await this.access.actingFor(caller, row.resident_id);
    } catch {
      throw notFound();
    }
    return this.toView(row);
  }
}

export function proposalOutcome(status: ProposalView['status'], creditors: readonly Pick<ProposalCreditorView, 'decision' | 'delivery'>[]): ProposalOutcome {
  if (status === 'started' || status === 'amended' || status === 'completed' || (creditors.length > 0 && creditors.every((c) => c.decision === 'accept'))) return 'all_accepted';
  if (creditors.some((c) => c.delivery === 'failed' || (c.decision !== null && c.decision !== 'accept'))) return 'needs_decision';
  return 'waiting';
}

function moneyOf(row: Row, today: string, graceDays: number): PlanMoneyView | null {
  if (row.schedule === null) return null;
  const schedule = row.schedule;
  const payments = row.payments.map((p) => ({ amountCents: Number(p.amount_cents), receivedOn: p.received_on, source: p.source, creditorId: p.creditor_id }));
  const status = instalmentStates({ schedule, payments: payments.map((p) => ({ date: p.receivedOn, amountCents: p.amountCents })), today, graceDays });
  const passedOnCents = paidInForInstalments({ schedule, instalments: row.passed_on_instalments });
  return {
    paymentReference: row.payment_reference,
    status,
    instalmentsPassedOn: row.passed_on_instalments,
    passedOnCents,
    heldCents: status.receivedCents - passedOnCents,
    payments,
  };
}

function toView(row: Row, at: { readonly today: string; readonly graceDays: number }): ProposalView {
  const claimsOf = (creditorId: string): Plan['claims'] => row.plan.claims.filter((claim) => claim.creditorId === creditorId);
  const passedOn = new Map(row.schedule === null ? [] : passedOnPerClaim({ schedule: row.schedule, instalments: row.passed_on_instalments }).map((p) => [p.claimId, p.amountCents]));
  const creditors = row.creditors.map((c): ProposalCreditorView => {
    const claims = claimsOf(c.creditor_id);
    return {
      creditorId: c.creditor_id,
      claimCount: claims.length,
      totalCents: claims.reduce((sum, claim) => sum + claim.amountCents, 0),
      totalPaidCents: claims.reduce((sum, claim) => sum + claim.totalPaidCents, 0),
      delivery: c.delivery,
      deliveryAttempts: c.delivery_attempts,
      decision: c.decision,
      reasonCode: c.reason_code,
      reasonText: c.reason_text,
      counter: c.counter,
      answeredAt: c.answered_at === null ? null : new Date(c.answered_at),
      counterAnswer: c.counter_answer,
      counterNote: c.counter_note,
      passedOnCents: claims.reduce((sum, claim) => sum + (passedOn.get(claim.claimId) ?? 0), 0),
    };
  });
  const paid = new Map(row.plan.claims.map((claim) => [claim.claimId, claim.totalPaidCents]));
  return {
    id: row.id,
    residentId: row.resident_id,
    status: row.status,
    outcome: proposalOutcome(row.status, creditors),
    plan: row.plan,
    proposedAt: row.proposed_at,
    answerBy: row.answer_by,
    replaces: row.replaces,
    amends: row.amends,
    startedAt: row.started_at,
    firstDueDate: row.first_due_date,
    schedule: row.schedule,
    money: moneyOf(row, at.today, at.graceDays),
    creditors,
    manualClaims: row.manual.map((m) => ({
      creditorName: m.creditor_name,
      reference: m.reference,
      amountCents: Number(m.amount_cents),
      preferential: m.preferential,
      totalPaidCents: paid.get(m.claim_id) ?? 0,
    })),
  };
}
