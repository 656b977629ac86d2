import { type DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloFederationDriver, type ApolloFederationDriverConfig } from '@nestjs/apollo';
import type { Request } from 'express';
import { CentsScalar, DateTimeScalar } from '#contracts';
import { Clock, SystemClock, platformApolloPlugins } from '#service-kit';
import type { CoordinatorConfig } from './config/coordinator-config.js';
import { ConsentTokenMinter } from './consent-tokens/consent-token-minter.service.js';
import { ConsentRepository } from './consents/consent.repository.js';
import { ConsentService } from './consents/consent.service.js';
import { CoordinatorCoreModule } from './coordinator-core.module.js';
import { CoordinatorDatabaseModule } from './database/database.module.js';
import { CreditorDirectory } from './directory/creditor-directory.repository.js';
import { ExpirySweeper } from './expiry/expiry-sweeper.service.js';
import { coordinatorContextFrom } from './graphql/coordinator-context.js';
import { formatCoordinatorError } from './graphql/coordinator-graphql-errors.js';
import { ConsentFieldsResolver, CoordinatorResolver, MandateFieldsResolver } from './graphql/coordinator.resolver.js';
import { COORDINATOR_SDL } from './graphql/coordinator.sdl.js';
import { COORDINATOR_ENUMS } from './graphql/enum-values.js';
import { AccessTokenVerifier } from './identity/access-token.verifier.js';
import { CallerAuthenticator } from './identity/caller-authenticator.js';
import { NodeCredentialVerifier } from './identity/node-credential.verifier.js';
import { PeopleRepository } from './identity/people.repository.js';
import { ResidentAccess } from './identity/resident-access.service.js';
import { HealthController } from './health.controller.js';
import { LedgerAccess } from './ledger/ledger-access.service.js';
import { LedgerCheckpoints } from './ledger/ledger-checkpoints.service.js';
import { LedgerHttpController } from './ledger/ledger-http.controller.js';
import { LEDGER_STORE_PROVIDERS } from './ledger/ledger-store.providers.js';
import { LedgerReceipts } from './ledger/ledger-receipts.service.js';
import { LedgerWriter } from './ledger/ledger-writer.service.js';
import { CoordinatorGauges } from './metrics/coordinator-gauges.js';
import { MandateInvitations } from './mandates/mandate-invitation.service.js';
import { MandateRepository } from './mandates/mandate.repository.js';
import { MandateService } from './mandates/mandate.service.js';
import { Pseudonyms } from './pseudonyms/pseudonyms.service.js';
import { ConsentKeysController } from './consent-tokens/consent-keys.controller.js';
import { ConsentScope } from './consent-tokens/consent-scope.repository.js';
import { ResidentFieldsResolver } from './graphql/resident-fields.resolver.js';
import { AccountLinkService } from './links/account-link.service.js';
import { AccountLinkFieldsResolver, AccountLinksResolver } from './links/account-links.resolver.js';
import { NodeLinkClient } from './links/node-link-client.js';
import { NotificationFieldsResolver, NotificationsResolver } from './notifications/notifications.resolver.js';
import { PlanReminders } from './notifications/plan-reminders.service.js';
import { PlanFollowUps } from './payments/plan-follow-ups.service.js';
import { PlanPaymentsController } from './payments/plan-payments.controller.js';
import { PlanPayments } from './payments/plan-payments.service.js';
import { CounterProposals } from './proposals/counter-proposals.service.js';
import { PlanAmendments } from './proposals/plan-amendments.service.js';
import { BudgetService } from './proposals/budget.service.js';
import { CourtDossier } from './proposals/court-dossier.service.js';
import { PaymentPauses } from './proposals/payment-pauses.service.js';
import { DELIVERY_PG_POOL, DELIVERY_QUEUE, createDeliveryPool, createDeliveryQueue } from './proposals/delivery-queue.js';
import { NodeClaimsClient } from './proposals/node-claims-client.js';
import { OutboxRelay } from './proposals/outbox-relay.service.js';
import { PlanDeliveryWorker, RUN_DELIVERY_WORKER } from './proposals/plan-delivery.worker.js';
import { ProposalAnswersController } from './proposals/proposal-answers.controller.js';
import { ProposalAnswers } from './proposals/proposal-answers.service.js';
import { ProposalDeadlines } from './proposals/proposal-deadlines.service.js';
import { ProposalQueries } from './proposals/proposal-queries.service.js';
import { ProposalService } from './proposals/proposal.service.js';
import { BudgetFieldsResolver, InstalmentStateFieldsResolver, ProposalCreditorFieldsResolver, ProposalFieldsResolver, ProposalsResolver } from './proposals/proposals.resolver.js';

/** The coordinator: its database, the ledger and its HTTP API, and the GraphQL subgraph. */
@Module({})
export class CoordinatorModule {
  static forRoot(config: CoordinatorConfig, clock: Clock = new SystemClock()): DynamicModule {
    return {
      module: CoordinatorModule,
      imports: [
        CoordinatorCoreModule.forRoot(config, clock),
        CoordinatorDatabaseModule,
        GraphQLModule.forRoot<ApolloFederationDriverConfig>({
          driver: ApolloFederationDriver,
          path: '/graphql',
          typeDefs: COORDINATOR_SDL,
          resolvers: { DateTime: DateTimeScalar, Cents: CentsScalar, ...COORDINATOR_ENUMS },
          introspection: config.introspection,
          playground: false,
          includeStacktraceInErrorResponses: false,
          formatError: formatCoordinatorError,
          plugins: platformApolloPlugins(),
          context: ({ req }: { req: Request }) => coordinatorContextFrom(req),
        }),
      ],
      controllers: [LedgerHttpController, ConsentKeysController, HealthController, ProposalAnswersController, PlanPaymentsController],
      providers: [
        ...LEDGER_STORE_PROVIDERS,
        PeopleRepository,
        AccessTokenVerifier,
        NodeCredentialVerifier,
        CallerAuthenticator,
        ResidentAccess,
        Pseudonyms,
        CreditorDirectory,
        LedgerWriter,
        LedgerAccess,
        LedgerCheckpoints,
        LedgerReceipts,
        ConsentRepository,
        ConsentService,
        MandateRepository,
        MandateService,
        MandateInvitations,
        ConsentScope,
        ConsentTokenMinter,
        ExpirySweeper,
        CoordinatorResolver,
        ConsentFieldsResolver,
        MandateFieldsResolver,
        ResidentFieldsResolver,
        NodeLinkClient,
        AccountLinkService,
        AccountLinksResolver,
        AccountLinkFieldsResolver,
        { provide: DELIVERY_QUEUE, useFactory: () => createDeliveryQueue(config) },
        { provide: DELIVERY_PG_POOL, useFactory: () => createDeliveryPool(config) },
        { provide: RUN_DELIVERY_WORKER, useValue: config.queue.runWorker },
        BudgetService,
        NodeClaimsClient,
        OutboxRelay,
        PlanDeliveryWorker,
        ProposalService,
        ProposalQueries,
        ProposalAnswers,
        ProposalDeadlines,
        CourtDossier,
        PaymentPauses,
        PlanPayments,
        PlanFollowUps,
        PlanAmendments,
        CounterProposals,
        NotificationsResolver,
        PlanReminders,
        NotificationFieldsResolver,
        ProposalsResolver,
        BudgetFieldsResolver,
        ProposalFieldsResolver,
        ProposalCreditorFieldsResolver,
        InstalmentStateFieldsResolver,
        CoordinatorGauges,
      ],
    };
  }
}
