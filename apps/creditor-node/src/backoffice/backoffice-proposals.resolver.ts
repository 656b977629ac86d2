import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { ProposalErrorCode, type ProposalDecision, type RejectionReason } from '#contracts';
import { PlanPaymentReporter } from '../proposals/plan-payment-reporter.service.js';
import { ProposalDecisions } from '../proposals/proposal-decisions.service.js';
import { ProposalQueries, type NodeProposalStatus, type ProposalView } from '../proposals/proposal-queries.service.js';
import { RequestCorrelationId } from './request-correlation-id.js';
import { CurrentStaff, StaffAuthGuard } from './staff-auth.guard.js';
import type { StaffMember } from './staff-member.js';

interface DecideProposalInput {
  proposalId: string;
  decision: Uppercase<ProposalDecision>;
  reasonCode?: RejectionReason | null;
  reasonText?: string | null;
  counterMonthly?: number | null;
  counterTermMonths?: number | null;
}

/** GraphQL's view of a proposal: enums in upper case, the share's plan-wide figures lifted out. */
function present(proposal: ProposalView): Record<string, unknown> {
  const answer = proposal.answer;
  return {
    ...proposal,
    status: proposal.status.toUpperCase(),
    mode: proposal.share.mode,
    capacity: proposal.share.capacityCents,
    termMonths: proposal.share.termMonths,
    claimCountInPlan: proposal.share.treeSize,
    shareCheck: proposal.shareCheck.ok ? { ok: true, problems: [] } : { ok: false, problems: proposal.shareCheck.problems },
    claims: proposal.claims.map((c) => ({ reference: c.reference, amount: c.amountCents, firstMonth: c.firstMonthCents, totalPaid: c.totalPaidCents, passedOn: c.passedOnCents })),
    answer:
      answer === null
        ? null
        : {
            ...answer,
            decision: answer.decision.toUpperCase(),
            counterMonthly: answer.counter?.monthlyCents ?? null,
            counterTermMonths: answer.counter?.termMonths ?? null,
            delivered: answer.deliveredAt !== null && answer.refusedCode === null,
          },
  };
}

/** Staff see the proposals that reached their node and decide the ones that wait for them. */
@Resolver()
@UseGuards(StaffAuthGuard)
export class BackofficeProposalsResolver {
  constructor(
    private readonly queries: ProposalQueries,
    private readonly decisions: ProposalDecisions,
    private readonly payments: PlanPaymentReporter,
  ) {}

  @Mutation('reportPlanPayment')
  async reportPlanPayment(
    @Args('input') input: { proposalId: string; reference: string; amount: number; receivedOn: string },
    @RequestCorrelationId() correlationId: string | null,
  ): Promise<Record<string, unknown>> {
    const outcome = await this.payments.report({ proposalId: input.proposalId, reference: input.reference, amountCents: input.amount, receivedOn: input.receivedOn }, { correlationId });
    if (!outcome.ok) throw new GraphQLError(outcome.message, { extensions: { code: outcome.code } });
    return outcome;
  }

  @Query('proposals')
  async proposals(@Args('status') status: Uppercase<NodeProposalStatus> | null): Promise<Record<string, unknown>[]> {
    return (await this.queries.list(status === null || status === undefined ? null : (status.toLowerCase() as NodeProposalStatus))).map(present);
  }

  @Query('proposal')
  async proposal(@Args('id') id: string): Promise<Record<string, unknown> | null> {
    const found = await this.queries.byId(id);
    return found === null ? null : present(found);
  }

  @Mutation('decideProposal')
  async decideProposal(
    @Args('input') input: DecideProposalInput,
    @CurrentStaff() staff: StaffMember,
    @RequestCorrelationId() correlationId: string | null,
  ): Promise<Record<string, unknown>> {
    const decision = input.decision.toLowerCase() as ProposalDecision;
    const outcome = await this.decisions.decide({
      staffId: staff.subject,
      correlationId,
      answer: {
        proposalId: input.proposalId,
        decision,
        ...(input.reasonCode ? { reasonCode: input.reasonCode } : {}),
        ...(input.reasonText ? { reasonText: input.reasonText } : {}),
        ...(decision === 'counter'
          ? { counter: { monthlyCents: input.counterMonthly ?? Number.NaN, ...(input.counterTermMonths ? { termMonths: input.counterTermMonths } : {}) } }
          : {}),
      },
    });
    if (!outcome.ok) throw new GraphQLError(outcome.message, { extensions: { code: outcome.code } });
    const decided = await this.queries.byId(input.proposalId);
    if (decided === null) throw new GraphQLError('The proposal vanished.', { extensions: { code: ProposalErrorCode.PROPOSAL_NOT_FOUND } });
    return present(decided);
  }
}
