import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { ProposalErrorCode, type CounterOffer } from '#contracts';
import { formatMoney, meetCounterOffer, type Plan } from '#arrangement';
import { LedgerEventKind, ledgerEvent, openCommitmentFor } from '#consent';
import { Clock } from '#service-kit';
import { CoordinatorError } from '../common/coordinator-error.js';
import { isUuid } from '../common/ids.js';
import { PG_POOL } from '../database/database.module.js';
import type { Caller } from '../identity/caller.js';
import { ResidentAccess, type Acting } from '../identity/resident-access.service.js';
import { creditorParty, personParty } from '../ledger/ledger-parties.js';
import { LedgerWriter } from '../ledger/ledger-writer.service.js';
import { Pseudonyms } from '../pseudonyms/pseudonyms.service.js';
import { BudgetService } from './budget.service.js';
import { OutboxRelay } from './outbox-relay.service.js';
import { DeliveryJob, enqueueInOutbox } from './plan-outbox.js';
import { ProposalService, manualClaimsOf } from './proposal.service.js';

const MAX_NOTE = 1_000;
const NOT_FOUND = (): CoordinatorError => new CoordinatorError(ProposalErrorCode.PROPOSAL_NOT_FOUND, 'There is no such proposal.');

interface CounterRow {
  readonly resident_id: string;
  readonly status: string;
  readonly plan: Plan;
  readonly pay_day: number;
  readonly decision: string | null;
  readonly counter: CounterOffer | null;
  readonly counter_answer: string | null;
  readonly creditors: string[];
}

/**
 * The resident (or their counsellor) answers a creditor's counter-proposal. Declining tells that
 * node, in the resident's words, and opens the proposal to its decision again (accept or reject).
 * Accepting makes a new proposal, replacing this one, to every creditor: the plan with the lowest
 * capacity that gives this creditor what it asked, so every creditor keeps its fair share (a higher
 * capacity raises them all alike; no creditor is put first). It is refused when that would leave the
 * resident less than the beslagvrije voet, or cannot meet the counter's term.
 */
@Injectable()
export class CounterProposals {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly access: ResidentAccess,
    private readonly budgets: BudgetService,
    private readonly proposals: ProposalService,
    private readonly writer: LedgerWriter,
    private readonly pseudonyms: Pseudonyms,
    private readonly relay: OutboxRelay,
    private readonly clock: Clock,
  ) {}

  /** Returns the proposal that is now open: this one (declined) or the new one (accepted). */
  async answer(caller: Caller, input: { readonly proposalId: string; readonly creditorId: string; readonly accept: boolean; readonly note?: string | null }): Promise<string> {
    if (!isUuid(input.proposalId)) throw NOT_FOUND();
    const note = input.note?.trim() ?? '';
    if (note.length > MAX_NOTE) {
      throw new CoordinatorError(ProposalErrorCode.PLAN_INVALID, `The note can be at most ${MAX_NOTE} characters.`, [{ code: ProposalErrorCode.PLAN_INVALID, field: 'note', message: `At most ${MAX_NOTE} characters.` }]);
    }
    const { row, acting } = await this.counterOf(caller, input.proposalId, input.creditorId);
    return input.accept ? this.accept(caller, acting, input.proposalId, input.creditorId, row, note) : this.decline(acting, input.proposalId, input.creditorId, row, note);
  }

  private async counterOf(caller: Caller, proposalId: string, creditorId: string): Promise<{ row: CounterRow; acting: Acting }> {
    const { rows } = await this.pool.query<CounterRow>(
      `SELECT p.resident_id, p.status, p.plan, p.pay_day, pc.decision, pc.counter, pc.counter_answer,
              array(SELECT creditor_id FROM proposal_creditors WHERE proposal_id = p.id ORDER BY creditor_id) AS creditors
         FROM proposals p JOIN proposal_creditors pc ON pc.proposal_id = p.id AND pc.creditor_id = $2 WHERE p.id = $1`,
      [proposalId, creditorId],
    );
    const row = rows[0];
    if (row === undefined) throw NOT_FOUND();
    const acting = await this.access.actingFor(caller, row.resident_id).catch(() => {
      throw NOT_FOUND();
    });
    if (row.status !== 'open') throw new CoordinatorError(ProposalErrorCode.PROPOSAL_CLOSED, `This proposal is ${row.status}.`);
    if (row.decision !== 'counter' || row.counter === null || row.counter_answer !== null) {
      throw new CoordinatorError(ProposalErrorCode.COUNTER_NOT_OPEN, 'This creditor has no counter-proposal waiting for an answer.');
    }
    return { row, acting };
  }

  private async decline(acting: Acting, proposalId: string, creditorId: string, row: CounterRow, note: string): Promise<string> {
    const now = this.clock.now();
    await this.writer.record(async (tx: PoolClient) => {
      const { rowCount } = await tx.query(
        `UPDATE proposal_creditors SET counter_answer = 'declined', counter_note = $3, decision = NULL
          WHERE proposal_id = $1 AND creditor_id = $2 AND decision = 'counter' AND counter_answer IS NULL`,
        [proposalId, creditorId, note === '' ? null : note],
      );
      if (rowCount !== 1) throw new CoordinatorError(ProposalErrorCode.COUNTER_NOT_OPEN, 'This counter-proposal was answered meanwhile.');
      await recordCounterAnswer(tx, { proposalId, creditorId, counter: row.counter as CounterOffer, answer: 'declined', note, by: acting.actor.personId, at: now });
      await enqueueInOutbox(tx, DeliveryJob.PLAN_EVENT, { proposalId, creditorId, kind: 'counter_declined' });
      const opening = openCommitmentFor(creditorId);
      const { event } = ledgerEvent({
        eventId: randomUUID(),
        kind: LedgerEventKind.PROPOSAL_ANSWERED,
        recordId: proposalId,
        state: 'counter_declined',
        eventTime: now,
        subject: this.pseudonyms.inLedger(row.resident_id),
        actor: { role: acting.actor.role, id: this.pseudonyms.inLedger(acting.actor.personId) },
        creditors: [opening],
      });
      return { event, openings: [opening], parties: [personParty(row.resident_id), personParty(acting.actor.personId), creditorParty(creditorId)], result: undefined };
    });
    this.relay.kick();
    return proposalId;
  }

  private async accept(caller: Caller, acting: Acting, proposalId: string, creditorId: string, row: CounterRow, note: string): Promise<string> {
    const budget = await this.budgets.ofResident(row.resident_id);
    if (budget === null) throw new CoordinatorError(ProposalErrorCode.BUDGET_REQUIRED, 'Enter the budget first.');
    const counter = row.counter as CounterOffer;
    const met = meetCounterOffer({
      plan: row.plan,
      creditorId,
      monthlyCents: counter.monthlyCents,
      ...(counter.termMonths === undefined ? {} : { termMonths: counter.termMonths }),
      maxCapacityCents: Math.max(budget.netIncomeCents - budget.bvvCents, 0),
    });
    if (!met.ok) {
      const monthly = (cents: number): string => formatMoney({ cents, locale: 'en' });
      throw new CoordinatorError(
        ProposalErrorCode.COUNTER_NOT_AFFORDABLE,
        met.reason === 'term'
          ? `No plan within what the resident can pay meets this creditor's term of ${counter.termMonths ?? 0} months.`
          : `To give this creditor ${monthly(counter.monthlyCents)} a month, the resident would pay ${monthly(met.neededCapacityCents)} a month: more than the ${monthly(met.maxCapacityCents)} above the beslagvrije voet.`,
      );
    }
    const manualClaims = await manualClaimsOf(this.pool, proposalId, row.plan);
    return this.proposals.record({
      caller,
      acting,
      plan: met.plan,
      payDay: row.pay_day,
      creditorIds: row.creditors,
      manualClaims,
      replaces: proposalId,
      reason: 'counter-accepted',
      alsoInTransaction: async (tx) => {
        const { rowCount } = await tx.query(
          `UPDATE proposal_creditors SET counter_answer = 'accepted', counter_note = $3 WHERE proposal_id = $1 AND creditor_id = $2 AND decision = 'counter' AND counter_answer IS NULL`,
          [proposalId, creditorId, note === '' ? null : note],
        );
        if (rowCount !== 1) throw new CoordinatorError(ProposalErrorCode.COUNTER_NOT_OPEN, 'This counter-proposal was answered meanwhile.');
        await recordCounterAnswer(tx, { proposalId, creditorId, counter, answer: 'accepted', note, by: acting.actor.personId, at: this.clock.now() });
      },
    });
  }
}

/** One round of counter-proposal and answer, kept for the court dossier. */
async function recordCounterAnswer(
  tx: PoolClient,
  params: { readonly proposalId: string; readonly creditorId: string; readonly counter: CounterOffer; readonly answer: 'accepted' | 'declined'; readonly note: string; readonly by: string; readonly at: Date },
): Promise<void> {
  await tx.query(
    `INSERT INTO proposal_counter_answers (proposal_id, creditor_id, counter, answer, note, answered_by, answered_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [params.proposalId, params.creditorId, JSON.stringify(params.counter), params.answer, params.note === '' ? null : params.note, params.by, params.at],
  );
}
