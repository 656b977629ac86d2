import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { ProposalErrorCode } from '#contracts';
import { ScheduleInputError, amendPlanInput, passedOnPerClaim, type Plan, type Schedule } from '#arrangement';
import { CoordinatorError } from '../common/coordinator-error.js';
import { isUuid } from '../common/ids.js';
import { PG_POOL } from '../database/database.module.js';
import type { Caller } from '../identity/caller.js';
import { ResidentAccess } from '../identity/resident-access.service.js';
import { BudgetService } from './budget.service.js';
import { ProposalService, makePlan, manualClaimsOf } from './proposal.service.js';

const NOT_FOUND = (): CoordinatorError => new CoordinatorError(ProposalErrorCode.PROPOSAL_NOT_FOUND, 'There is no such plan.');

interface RunningPlanRow {
  readonly resident_id: string;
  readonly status: string;
  readonly plan: Plan;
  readonly schedule: Schedule | null;
  readonly passed_on_instalments: number;
  readonly started_at: Date | null;
  readonly creditors: string[];
  readonly open_amendment: string | null;
}

/**
 * A change of income or household (RULES.md §3): the resident or counsellor enters the new budget,
 * then asks for an amended plan. It is computed by the engine over what is still owed (what the
 * plan passed on so far is taken off each claim; mode, weights and minimum stay as agreed) and
 * proposed to every creditor still in the plan, exactly like a first proposal. The running plan
 * goes on meanwhile; when every creditor accepts, the amended one takes over with the same payment
 * reference. A second amendment while one is open replaces it.
 */
@Injectable()
export class PlanAmendments {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly access: ResidentAccess,
    private readonly budgets: BudgetService,
    private readonly proposals: ProposalService,
  ) {}

  async propose(caller: Caller, proposalId: string): Promise<string> {
    if (!isUuid(proposalId)) throw NOT_FOUND();
    const { rows } = await this.pool.query<RunningPlanRow>(
      `SELECT p.resident_id, p.status, p.plan, p.schedule, p.passed_on_instalments, p.started_at,
              array(SELECT creditor_id FROM proposal_creditors WHERE proposal_id = p.id ORDER BY creditor_id) AS creditors,
              (SELECT id FROM proposals WHERE amends = p.id AND status = 'open' ORDER BY proposed_at DESC LIMIT 1) AS open_amendment
         FROM proposals p WHERE p.id = $1`,
      [proposalId],
    );
    const running = rows[0];
    if (running === undefined) throw NOT_FOUND();
    const acting = await this.access.actingFor(caller, running.resident_id).catch(() => {
      throw NOT_FOUND();
    });
    if (running.status !== 'started' || running.schedule === null || running.started_at === null) {
      throw new CoordinatorError(ProposalErrorCode.PLAN_NOT_RUNNING, 'Only a plan that runs can be amended.');
    }
    const budget = await this.budgets.ofResident(running.resident_id);
    if (budget === null || budget.enteredAt <= running.started_at) {
      throw new CoordinatorError(ProposalErrorCode.AMENDMENT_NO_CHANGE, 'Enter the new income or household first (setBudget): the amended plan is made from it.');
    }
    const paid = passedOnPerClaim({ schedule: running.schedule, instalments: running.passed_on_instalments });
    let input;
    try {
      input = amendPlanInput({ plan: running.plan, paid, capacityCents: budget.capacityCents, monthsElapsed: running.passed_on_instalments });
    } catch (error) {
      if (error instanceof ScheduleInputError) throw new CoordinatorError(ProposalErrorCode.PLAN_INVALID, error.message, [{ code: error.code, field: error.path, message: error.message }]);
      throw error;
    }
    const plan = makePlan(input);
    const stillOwed = new Set(plan.claims.map((claim) => claim.creditorId));
    // The hand-added claims still owed, at what is left of them.
    const manualClaims = await manualClaimsOf(this.pool, proposalId, plan);
    return this.proposals.record({
      caller,
      acting,
      plan,
      payDay: budget.payDay,
      creditorIds: running.creditors.filter((creditorId) => stillOwed.has(creditorId)),
      manualClaims,
      amends: proposalId,
      ...(running.open_amendment === null ? {} : { replaces: running.open_amendment }),
      reason: 'amended-plan',
    });
  }
}
