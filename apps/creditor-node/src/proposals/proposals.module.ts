import { Module } from '@nestjs/common';
import { PlanEvents } from './plan-events.service.js';
import { PlanPaymentReporter } from './plan-payment-reporter.service.js';
import { ProposalAnswerRelay } from './proposal-answer-relay.service.js';
import { ProposalDecisions } from './proposal-decisions.service.js';
import { ProposalInbox } from './proposal-inbox.service.js';
import { ProposalQueries } from './proposal-queries.service.js';
import { ProposalsController } from './proposals.controller.js';

/** Proposals from the coordinator: received and checked here, decided by policy or staff, answered reliably. */
@Module({
  controllers: [ProposalsController],
  providers: [ProposalInbox, PlanEvents, ProposalAnswerRelay, ProposalDecisions, ProposalQueries, PlanPaymentReporter],
  exports: [ProposalDecisions, ProposalQueries, ProposalAnswerRelay, PlanPaymentReporter],
})
export class ProposalsModule {}
