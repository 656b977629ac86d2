import { readFileSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloGatewayDriver, type ApolloGatewayDriverConfig } from '@nestjs/apollo';
import type { Request } from 'express';
import { bearerToken, correlationIdFrom, CORRELATION_HEADER, platformApolloPlugins } from '#service-kit';
import type { GatewayConfig } from './config/gateway-config.js';
import { CoordinatorDataSource } from './coordinator-data-source.js';
import { CreditorFanOutDataSource } from './fan-out/creditor-fan-out.data-source.js';
import type { GatewayContext } from './fan-out/gateway-context.js';
import { GatewayHealthController } from './gateway-health.controller.js';
import { formatGatewayError } from './hardening/format-gateway-error.js';
import { queryLimitsRule } from './hardening/query-limits.js';

/**
 * The supergraph composed in the build (`npm run -s supergraph`, committed as apps/gateway/supergraph.graphql),
 * read once at start. Compiled code runs from dist/apps/gateway/src/gateway/, sources from apps/gateway/src/gateway/.
 */
const here = dirname(fileURLToPath(import.meta.url));
export const SUPERGRAPH_FILE = here.includes(`${sep}dist${sep}`) ? resolve(here, '../../../../../apps/gateway/supergraph.graphql') : resolve(here, '../../supergraph.graphql');

function contextFrom(req: Request): GatewayContext {
  return {
    accessToken: bearerToken(req.header('authorization')),
    grants: new Map(),
    // The request-log middleware (gateway-main.ts) has already set a valid id; an in-process test app without it gets one here.
    correlationId: correlationIdFrom(req.header(CORRELATION_HEADER)),
    startedAt: performance.now(),
  };
}

/** The one public GraphQL endpoint: Apollo Gateway over the static supergraph. */
@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    const supergraphSdl = readFileSync(SUPERGRAPH_FILE, 'utf8');
    return {
      module: GatewayModule,
      imports: [
        GraphQLModule.forRoot<ApolloGatewayDriverConfig>({
          driver: ApolloGatewayDriver,
          server: {
            path: '/graphql',
            introspection: config.introspection,
            playground: false,
            includeStacktraceInErrorResponses: false,
            csrfPrevention: true,
            formatError: formatGatewayError,
            validationRules: [queryLimitsRule({ maxDepth: config.maxDepth, maxFields: config.maxFields })],
            plugins: platformApolloPlugins(),
            context: ({ req }: { req: Request }) => contextFrom(req),
          },
          gateway: {
            supergraphSdl,
            buildService: ({ name }) =>
              name === 'creditor'
                ? new CreditorFanOutDataSource({ coordinatorUrl: config.coordinatorUrl, nodeTimeoutMs: config.nodeTimeoutMs })
                : new CoordinatorDataSource({ url: config.coordinatorUrl.href }),
          },
        }),
      ],
      controllers: [GatewayHealthController],
    };
  }
}
