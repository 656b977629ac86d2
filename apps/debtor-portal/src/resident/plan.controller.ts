import { Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ProposalErrorCode } from '#contracts';
import { GatewayError } from '../gateway/gateway-client.js';
import { ANSWER_COUNTER, PLAN, PROPOSE_AMENDED, PROPOSE_PLAN, REPLAN, REQUEST_PAUSE, type ProposalView } from '../gateway/operations.js';
import { validateBudgetForm } from '../forms/budget-form.js';
import { draftOf, field, type FieldError, type FormFields } from '../forms/form-input.js';
import { validatePauseForm, validateProposeForm } from '../forms/plan-form.js';
import { todayInAmsterdam } from '../i18n/format.js';
import { handleScopedForm, handleScopedPage } from '../page-handler.js';
import { budgetPage } from '../pages/budget.page.js';
import { pausePage } from '../pages/pause.page.js';
import { planPage } from '../pages/plan.page.js';
import type { PortalResponder } from '../portal-responder.js';
import { PORTAL_RESPONDER } from '../portal-tokens.js';
import type { PortalRequest } from '../session/portal-request.js';
import type { PageContext } from '../views/page-context.js';
import { residentVariable, scopedRoutes, type ResidentScope } from './resident-scope.js';

interface PlanData {
  readonly budget: { readonly capacity: string; readonly enteredAt: string } | null;
  readonly proposals: readonly ProposalView[];
}

const MAX_NOTE_LENGTH = 1_000;

/** The proposal, its answers and the running plan: propose, re-plan, answer a counter-proposal, pause, change. */
@Controller()
export class PlanController {
  constructor(@Inject(PORTAL_RESPONDER) private readonly responder: PortalResponder) {}

  @Get(scopedRoutes('plan'))
  async show(@Req() req: PortalRequest, @Res() res: Response): Promise<void> {
    await handleScopedPage(this.responder, req, res, async (scope) => {
      const data = await this.planData(req, res, scope);
      const ctx = this.responder.context(req);
      await this.renderPlan(req, res, ctx, data, ctx.draft ?? {}, [], undefined, 200);
    });
  }

  @Post(scopedRoutes('plan'))
  async propose(@Req() req: PortalRequest, @Res() res: Response): Promise<void> {
    await handleScopedForm(this.responder, req, res, async (scope) => {
      const fields = draftOf(req.body);
      const ctx = this.responder.context(req);
      // Residents propose the plan as the engine makes it; the kind of plan and claims by hand are the counsellor's.
      const checked = scope.residentId === undefined ? ({ ok: true, value: { mode: 'REPAYMENT', termMonths: undefined, manualClaims: [] } } as const) : validateProposeForm(fields, ctx.t);
      if (!checked.ok) return this.renderPlan(req, res, ctx, await this.planData(req, res, scope), fields, checked.errors, undefined, 422);
      const { mode, termMonths, manualClaims } = checked.value;
      try {
        await this.responder.gateway(req, res, PROPOSE_PLAN, {
          input: { ...residentVariable(scope), mode, ...(termMonths === undefined ? {} : { termMonths }), ...(manualClaims.length === 0 ? {} : { manualClaims }) },
        });
      } catch (error) {
        const problem = error instanceof GatewayError ? error.explainedBy(ctx.t.plan.errors) : undefined;
        if (problem === undefined) throw error;
        return this.renderPlan(req, res, ctx, await this.planData(req, res, scope), fields, [], problem, 422);
      }
      await this.responder.redirect(req, res, `${scope.base}/plan`, { kind: 'success', key: 'plan.proposed' });
    });
  }

  @Post(scopedRoutes('plan/replan'))
  async replan(@Req() req: PortalRequest, @Res() res: Response): Promise<void> {
    await this.decide(req, res, (fields) => ({ query: REPLAN, variables: { proposalId: field(fields, 'proposalId') } }), 'plan.proposed');
  }

  @Post(scopedRoutes('plan/counter'))
  async answerCounter(@Req() req: PortalRequest, @Res() res: Response): Promise<void> {
    await this.decide(
      req,
      res,
      (fields) => {
        const creditorId = field(fields, 'creditorId');
        const note = field(fields, `note-${creditorId}`).slice(0, MAX_NOTE_LENGTH);
        return { query: ANSWER_COUNTER, variables: { input: { proposalId: field(fields, 'proposalId'), creditorId, accept: field(fields, 'accept') === 'yes', ...(note === '' ? {} : { note }) } } };
      },
      'plan.answered',
    );
  }

  /** A decision on an open proposal: done and back to the plan, or the reason it could not be, in words. */
  private async decide(req: PortalRequest, res: Response, mutation: (fields: FormFields) => { query: string; variables: Record<string, unknown> }, flashKey: string): Promise<void> {
    await handleScopedForm(this.responder, req, res, async (scope) => {
      const fields = draftOf(req.body);
      const { query, variables } = mutation(fields);
      const ctx = this.responder.context(req);
      try {
        await this.responder.gateway(req, res, query, variables);
      } catch (error) {
        const problem = error instanceof GatewayError ? error.explainedBy({ ...ctx.t.plan.errors, [ProposalErrorCode.PROPOSAL_CLOSED]: ctx.t.plan.closed, [ProposalErrorCode.COUNTER_NOT_OPEN]: ctx.t.plan.closed }) : undefined;
        if (problem === undefined) throw error;
        return this.renderPlan(req, res, ctx, await this.planData(req, res, scope), {}, [], problem, 409);
      }
      await this.responder.redirect(req, res, `${scope.base}/plan`, { kind: 'success', key: flashKey });
    });
  }

  @Get(scopedRoutes('plan/pause'))
  async pauseForm(@Req() req: PortalRequest, @Res() res: Response): Promise<void> {
    await handleScopedPage(this.responder, req, res, async (scope) => {
      const running = await this.runningPlan(req, res, scope);
      if (running === undefined) return this.responder.redirect(req, res, `${scope.base}/plan`);
      const ctx = this.responder.context(req);
      await this.responder.page(req, res, ctx, ctx.t.pause.title, pausePage(ctx, { months: pausableMonths(running), values: ctx.draft ?? {}, errors: [] }));
    });
  }

  @Post(scopedRoutes('plan/pause'))
  async pause(@Req() req: PortalRequest, @Res() res: Response): Promise<void> {
    await handleScopedForm(this.responder, req, res, async (scope) => {
      const fields = draftOf(req.body);
      const running = await this.runningPlan(req, res, scope);
      if (running === undefined) return this.responder.redirect(req, res, `${scope.base}/plan`);
      const ctx = this.responder.context(req);
      const months = pausableMonths(running);
      const again = (errors: readonly FieldError[]) => this.responder.page(req, res, ctx, ctx.t.pause.title, pausePage(ctx, { months, values: fields, errors }), 422);
      const checked = validatePauseForm(fields, months, ctx.t);
      if (!checked.ok) return again(checked.errors);
      const { incomeDropPercent, ...pause } = checked.value;
      try {
        await this.responder.gateway(req, res, REQUEST_PAUSE, { input: { proposalId: running.id, ...pause, ...(incomeDropPercent === undefined ? {} : { incomeDropPercent }) } });
      } catch (error) {
        const problem = error instanceof GatewayError ? error.explainedBy(ctx.t.pause.errors) : undefined;
        if (problem === undefined) throw error;
        return again([{ field: error instanceof GatewayError && error.has(ProposalErrorCode.PAUSE_TOO_LONG) ? 'months' : 'fromMonth', message: problem }]);
      }
      await this.responder.redirect(req, res, `${scope.base}/plan`, { kind: 'success', key: 'pause.done' });
    });
  }

  @Get(scopedRoutes('plan/change'))
  async changeForm(@Req() req: PortalRequest, @Res() res: Response): Promise<void> {
    await handleScopedPage(this.responder, req, res, async (scope) => {
      if ((await this.runningPlan(req, res, scope)) === undefined) return this.responder.redirect(req, res, `${scope.base}/plan`);
      const ctx = this.responder.context(req);
      await this.responder.page(req, res, ctx, ctx.t.change.title, this.changePage(ctx, ctx.draft ?? {}, []));
    });
  }

  @Post(scopedRoutes('plan/change'))
  async change(@Req() req: PortalRequest, @Res() res: Response): Promise<void> {
    await handleScopedForm(this.responder, req, res, async (scope) => {
      const fields = draftOf(req.body);
      const running = await this.runningPlan(req, res, scope);
      if (running === undefined) return this.responder.redirect(req, res, `${scope.base}/plan`);
      const ctx = this.responder.context(req);
      const again = (errors: readonly FieldError[]) => this.responder.page(req, res, ctx, ctx.t.change.title, this.changePage(ctx, fields, errors), 422);
      const checked = validateBudgetForm(fields, ctx.t);
      if (!checked.ok) return again(checked.errors);
      const { partnerAgeBand, ...answers } = checked.value;
      try {
        await this.responder.gateway(req, res, PROPOSE_AMENDED, { proposalId: running.id, input: { ...residentVariable(scope), ...answers, ...(partnerAgeBand === undefined ? {} : { partnerAgeBand }) } });
      } catch (error) {
        if (error instanceof GatewayError && error.has(ProposalErrorCode.BUDGET_INVALID)) return again([{ field: 'netIncome', message: ctx.t.budget.errors.netIncome }]);
        const problem = error instanceof GatewayError ? error.explainedBy(ctx.t.plan.errors) : undefined;
        if (problem === undefined) throw error;
        return again([{ field: 'netIncome', message: problem }]);
      }
      await this.responder.redirect(req, res, `${scope.base}/plan`, { kind: 'success', key: 'change.amended' });
    });
  }

  private changePage(ctx: PageContext, values: FormFields, errors: readonly FieldError[]) {
    return budgetPage(ctx, { action: `${ctx.scope.base}/plan/change`, values, errors, intro: ctx.t.budget.changeIntro, submit: ctx.t.budget.changeSubmit });
  }

  private async planData(req: PortalRequest, res: Response, scope: ResidentScope): Promise<PlanData> {
    return (await this.responder.gateway<PlanData>(req, res, PLAN, residentVariable(scope))).data;
  }

  private async runningPlan(req: PortalRequest, res: Response, scope: ResidentScope): Promise<ProposalView | undefined> {
    return (await this.planData(req, res, scope)).proposals.find((p) => p.status === 'STARTED');
  }

  private async renderPlan(req: PortalRequest, res: Response, ctx: PageContext, data: PlanData, values: FormFields, errors: readonly FieldError[], problem: string | undefined, status: number): Promise<void> {
    const page = planPage(ctx, { hasBudget: data.budget !== null, proposals: data.proposals, values, errors, ...(problem === undefined ? {} : { problem }) });
    await this.responder.page(req, res, ctx, ctx.t.plan.title, page, status);
  }
}

/** The months of the running plan a pause can start in: those with an instalment still to come. */
function pausableMonths(plan: ProposalView): string[] {
  const today = todayInAmsterdam();
  return plan.instalments.filter((i) => i.dueDate >= today).map((i) => i.month);
}
