import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { isIncomingOperation } from './fan-out/incoming-operation.js';
import type { GatewayContext } from './fan-out/gateway-context.js';
import { CORRELATION_HEADER } from '#service-kit';

/**
 * The coordinator's subgraph: the caller's access token goes along (the coordinator decides what the
 * caller may see), and so does the correlation id. Only the coordinator ever sees the access token.
 */
export class CoordinatorDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  /**
   * The coordinator not answering is "try again", not a bug: the same code the fan-out gives when it
   * cannot get consent grants (COORDINATOR_UNAVAILABLE), with no address or socket error in it.
   */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']> {
    try {
      return await super.process(options);
    } catch (error) {
      if (error instanceof Error && error.name === 'FetchError') {
        return { errors: [{ message: 'The consent service could not be reached. Please try again in a moment.', extensions: { code: 'COORDINATOR_UNAVAILABLE' } }] };
      }
      throw error;
    }
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // Schema loading and health checks carry no caller context (the supergraph is static anyway).
    if (!isIncomingOperation(options)) return;
    const { accessToken, correlationId } = options.context;
    if (accessToken !== undefined) options.request.http?.headers.set('authorization', `Bearer ${accessToken}`);
    options.request.http?.headers.set(CORRELATION_HEADER, correlationId);
  }
}
