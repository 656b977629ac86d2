import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { explainSteps, type ExplanationStep, type Locale, type PlanMode } from '#arrangement';
import { CreditorDirectory, type DirectoryEntry } from '../directory/creditor-directory.repository.js';
import { callerOf, type CoordinatorContext } from '../graphql/coordinator-context.js';
import { CallerAuthenticator } from '../identity/caller-authenticator.js';
import { BudgetService, type BudgetView } from './budget.service.js';
import { CourtDossier } from './court-dossier.service.js';
import { CounterProposals } from './counter-proposals.service.js';
import { courtDossierPdf } from './court-dossier-pdf.js';
import { PaymentPauses } from './payment-pauses.service.js';
import { PlanAmendments } from './plan-amendments.service.js';
import { ProposalQueries, type ProposalCreditorView, type ProposalView } from './proposal-queries.service.js';
import { ProposalService } from './proposal.service.js';

interface BudgetArgs {
  residentId?: string | null;
  payDay: number;
  household: string;
  ageBand: string;
  partnerAgeBand?: string | null;
  netIncome: number;
  taxableAnnualIncome?: number | null;
  noFixedAddress?: boolean | null;
  art475eRequest?: boolean | null;
  housingIncrease?: number | null;
  officialBvv?: number | null;
  counsellorFloor?: number | null;
}

interface ProposeArgs {
  residentId?: string | null;
  mode: PlanMode;
  termMonths?: number | null;
  manualClaims?: { creditorName: string; reference: string; amount: number; preferential?: boolean | null }[] | null;
}

/** Budgets and proposals; thin: the services decide. */
@Resolver()
export class ProposalsResolver {
  constructor(
    private readonly callers: CallerAuthenticator,
    private readonly budgets: BudgetService,
    private readonly planning: ProposalService,
    private readonly queries: ProposalQueries,
    private readonly dossiers: CourtDossier,
    private readonly pauses: PaymentPauses,
    private readonly amendments: PlanAmendments,
    private readonly counters: CounterProposals,
  ) {}

  @Mutation()
  async proposeAmendedPlan(@Context() ctx: CoordinatorContext, @Args('proposalId') proposalId: string): Promise<ProposalView> {
    const caller = await callerOf(ctx, this.callers);
    return this.queries.byId(caller, await this.amendments.propose(caller, proposalId));
  }

  @Mutation()
  async answerCounterProposal(
    @Context() ctx: CoordinatorContext,
    @Args('input') input: { proposalId: string; creditorId: string; accept: boolean; note?: string | null },
  ): Promise<ProposalView> {
    const caller = await callerOf(ctx, this.callers);
    return this.queries.byId(caller, await this.counters.answer(caller, input));
  }

  @Query()
  async courtDossierPdf(@Context() ctx: CoordinatorContext, @Args('proposalId') proposalId: string): Promise<string> {
    return courtDossierPdf(await this.dossiers.of(await callerOf(ctx, this.callers), proposalId)).toString('base64');
  }

  @Mutation()
  async requestPaymentPause(
    @Context() ctx: CoordinatorContext,
    @Args('input') input: { proposalId: string; fromMonth: string; months: number; incomeDropPercent?: number | null },
  ): Promise<ProposalView> {
    const caller = await callerOf(ctx, this.callers);
    await this.pauses.request(caller, input);
    return this.queries.byId(caller, input.proposalId);
  }

  @Query()
  async courtDossier(@Context() ctx: CoordinatorContext, @Args('proposalId') proposalId: string): Promise<string> {
    return JSON.stringify(await this.dossiers.of(await callerOf(ctx, this.callers), proposalId), null, 2);
  }

  @Query()
  async budget(@Context() ctx: CoordinatorContext, @Args('residentId') residentId?: string | null): Promise<BudgetView | null> {
    return this.budgets.get(await callerOf(ctx, this.callers), residentId);
  }

  @Mutation()
  async setBudget(@Context() ctx: CoordinatorContext, @Args('input') input: BudgetArgs): Promise<BudgetView> {
    const { netIncome, taxableAnnualIncome, housingIncrease, officialBvv, counsellorFloor, ...rest } = input;
    return this.budgets.set(await callerOf(ctx, this.callers), {
      ...rest,
      netIncomeCents: netIncome,
      taxableAnnualIncomeCents: taxableAnnualIncome,
      housingIncreaseCents: housingIncrease,
      officialBvvCents: officialBvv,
      counsellorFloorCents: counsellorFloor,
    });
  }

  @Query()
  async proposal(@Context() ctx: CoordinatorContext, @Args('id') id: string): Promise<ProposalView> {
    return this.queries.byId(await callerOf(ctx, this.callers), id);
  }

  @Query()
  async proposals(@Context() ctx: CoordinatorContext, @Args('residentId') residentId?: string | null): Promise<ProposalView[]> {
    return this.queries.list(await callerOf(ctx, this.callers), residentId);
  }

  @Mutation()
  async proposePlan(@Context() ctx: CoordinatorContext, @Args('input') input: ProposeArgs): Promise<ProposalView> {
    const caller = await callerOf(ctx, this.callers);
    const id = await this.planning.propose(caller, {
      residentId: input.residentId,
      mode: input.mode,
      termMonths: input.termMonths,
      manualClaims: (input.manualClaims ?? []).map((m) => ({ creditorName: m.creditorName, reference: m.reference, amountCents: m.amount, preferential: m.preferential })),
    });
    return this.queries.byId(caller, id);
  }

  @Mutation()
  async replanAmongAccepting(@Context() ctx: CoordinatorContext, @Args('proposalId') proposalId: string): Promise<ProposalView> {
    const caller = await callerOf(ctx, this.callers);
    return this.queries.byId(caller, await this.planning.replanAmongAccepting(caller, proposalId));
  }
}

@Resolver('Budget')
export class BudgetFieldsResolver {
  @ResolveField() beslagvrijeVoet(@Parent() budget: BudgetView): number {
    return budget.bvvCents;
  }
  @ResolveField() capacity(@Parent() budget: BudgetView): number {
    return budget.capacityCents;
  }
  @ResolveField() netIncome(@Parent() budget: BudgetView): number {
    return budget.netIncomeCents;
  }
  @ResolveField() incomeGroup(@Parent() budget: BudgetView): string {
    return budget.result.incomeGroup;
  }
  @ResolveField() parameterSet(@Parent() budget: BudgetView): string {
    return budget.result.parameterSet;
  }
  @ResolveField() approximation(@Parent() budget: BudgetView): boolean {
    return budget.result.approximation;
  }
  @ResolveField() parametersOutdated(@Parent() budget: BudgetView): boolean {
    return budget.result.parametersOutdated;
  }
  @ResolveField() explanation(@Parent() budget: BudgetView, @Args('locale') locale: Locale): string[] {
    return explainSteps({ steps: budget.result.steps, locale });
  }
}

@Resolver('Proposal')
export class ProposalFieldsResolver {
  @ResolveField() mode(@Parent() p: ProposalView): PlanMode {
    return p.plan.mode;
  }
  @ResolveField() capacity(@Parent() p: ProposalView): number {
    return p.plan.capacityCents;
  }
  @ResolveField() termMonths(@Parent() p: ProposalView): number {
    return p.plan.termMonths;
  }
  @ResolveField() totalToPay(@Parent() p: ProposalView): number {
    return p.plan.totalPaidCents;
  }
  @ResolveField() instalments(@Parent() p: ProposalView): Record<string, unknown>[] {
    return (p.schedule?.instalments ?? []).map((i) => ({ number: i.number, month: i.month, dueDate: i.dueDate, amount: i.amountCents }));
  }
  @ResolveField() manualClaims(@Parent() p: ProposalView): Record<string, unknown>[] {
    return p.manualClaims.map((m) => ({ ...m, amount: m.amountCents, totalPaid: m.totalPaidCents }));
  }
  @ResolveField() explanation(@Parent() p: ProposalView, @Args('locale') locale: Locale): string[] {
    return explainSteps({ steps: [...p.plan.steps, ...p.plan.claims.flatMap((claim) => claim.steps)], locale });
  }
  @ResolveField() payments(@Parent() p: ProposalView): Record<string, unknown> | null {
    const money = p.money;
    if (money === null) return null;
    return {
      paymentReference: money.paymentReference,
      received: money.status.receivedCents,
      passedOn: money.passedOnCents,
      held: money.heldCents,
      instalmentsPassedOn: money.instalmentsPassedOn,
      instalments: money.status.instalments.map((i) => ({
        number: i.number,
        dueDate: i.dueDate,
        amount: i.amountCents,
        paid: i.paidCents,
        outstanding: i.outstandingCents,
        status: i.status,
        graceEndsOn: i.actions.flatMap((action) => (action.kind === 'grace_period' ? [action.endsOn] : []))[0] ?? null,
        steps: i.steps,
      })),
      payments: money.payments.map((payment) => ({ amount: payment.amountCents, receivedOn: payment.receivedOn, source: payment.source, creditorId: payment.creditorId })),
    };
  }
}

@Resolver('InstalmentState')
export class InstalmentStateFieldsResolver {
  @ResolveField() explanation(@Parent() i: { steps: readonly ExplanationStep[] }, @Args('locale') locale: Locale): string[] {
    return explainSteps({ steps: i.steps, locale });
  }
}

@Resolver('ProposalCreditor')
export class ProposalCreditorFieldsResolver {
  constructor(private readonly directory: CreditorDirectory) {}

  @ResolveField() async creditor(@Parent() c: ProposalCreditorView): Promise<DirectoryEntry | null> {
    return (await this.directory.byIds([c.creditorId])).get(c.creditorId) ?? null;
  }
  @ResolveField() total(@Parent() c: ProposalCreditorView): number {
    return c.totalCents;
  }
  @ResolveField() totalPaid(@Parent() c: ProposalCreditorView): number {
    return c.totalPaidCents;
  }
  @ResolveField() counterMonthly(@Parent() c: ProposalCreditorView): number | null {
    return c.counter?.monthlyCents ?? null;
  }
  @ResolveField() counterTermMonths(@Parent() c: ProposalCreditorView): number | null {
    return c.counter?.termMonths ?? null;
  }
  @ResolveField() passedOn(@Parent() c: ProposalCreditorView): number {
    return c.passedOnCents;
  }
}
