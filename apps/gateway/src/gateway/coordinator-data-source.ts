import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { isIncomingOperation } from './fan-out/incoming-operation.js';
import type { GatewayContext } from './fan-out/gateway-context.js';

/**
 * The coordinator's subgraph: the caller's access token goes along (the coordinator decides what the
 * caller may see), and so does the correlation id. Only the coordinator ever sees the access token.
 */
export class CoordinatorDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // Schema loading and health checks carry no caller context (the supergraph is static anyway).
    if (!isIncomingOperation(options)) return;
    const { accessToken, correlationId } = options.context;
    if (accessToken !== undefined) options.request.http?.headers.set('authorization', `Bearer ${accessToken}`);
    options.request.http?.headers.set('x-correlation-id', correlationId);
  }
}
