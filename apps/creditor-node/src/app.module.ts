import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloDriver, ApolloFederationDriver, type ApolloDriverConfig, type ApolloFederationDriverConfig } from '@nestjs/apollo';
import type { Request } from 'express';
import { CREDITOR_SUBGRAPH_SDL, CentsScalar, DateScalar, DateTimeScalar } from '#contracts';
import { BackofficeModule } from './backoffice/backoffice.module.js';
import { BACKOFFICE_SDL } from './backoffice/backoffice.sdl.js';
import { Clock, ExpectedGraphQLErrors, SystemClock, formatGraphQLError, platformApolloPlugins } from '#service-kit';
import type { NodeConfig } from './config/node-config.js';
import { NodeCoreModule } from './node-core.module.js';
import { DatabaseModule } from './database/database.module.js';
import { HealthController } from './health/health.controller.js';
import { AccountLinksModule } from './links/account-links.module.js';
import { SubgraphModule } from './subgraph/subgraph.module.js';
import { subgraphContextFrom } from './subgraph/subgraph-context.js';

/** What both GraphQL endpoints share: no playground, no stack traces, errors reduced to their code. */
function hardenedGraphQLOptions(config: NodeConfig): Pick<
  ApolloDriverConfig,
  'introspection' | 'playground' | 'includeStacktraceInErrorResponses' | 'formatError' | 'plugins'
> {
  return {
    introspection: config.introspection,
    playground: false,
    includeStacktraceInErrorResponses: false,
    formatError: formatGraphQLError,
    // Inline traces would tell every caller how long our queries take, and cache hints are computed
    // per field for an HTTP cache nobody may use for personal data: both off.
    plugins: platformApolloPlugins(),
  };
}

@Module({})
export class AppModule {
  /** The whole node, built from one validated configuration. */
  static forRoot(config: NodeConfig, clock: Clock = new SystemClock()): DynamicModule {
    return {
      module: AppModule,
      imports: [
        NodeCoreModule.forRoot(config, clock),
        DatabaseModule,
        SubgraphModule,
        BackofficeModule,
        AccountLinksModule,
        GraphQLModule.forRoot<ApolloFederationDriverConfig>({
          driver: ApolloFederationDriver,
          path: '/graphql',
          typeDefs: CREDITOR_SUBGRAPH_SDL,
          resolvers: { Cents: CentsScalar, Date: DateScalar },
          include: [SubgraphModule],
          ...hardenedGraphQLOptions(config),
          context: ({ req }: { req: Request }) => subgraphContextFrom(req),
        }),
        // A second, separate endpoint for the creditor's staff; never federated.
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/backoffice/graphql',
          typeDefs: BACKOFFICE_SDL,
          resolvers: { Cents: CentsScalar, Date: DateScalar, DateTime: DateTimeScalar },
          include: [BackofficeModule],
          ...hardenedGraphQLOptions(config),
          context: ({ req }: { req: Request }) => ({ req }),
        }),
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_FILTER, useClass: ExpectedGraphQLErrors }],
    };
  }
}
