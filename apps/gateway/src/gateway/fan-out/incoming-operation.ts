import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayContext } from './gateway-context.js';

type IncomingOperation = Extract<GraphQLDataSourceProcessOptions<GatewayContext>, { incomingRequestContext: unknown }>;

/**
 * Whether a subgraph fetch serves a client's request (rather than a health check or schema load, which
 * carry no caller). @apollo/gateway does not export its request-kind enum at run time, so the value is
 * compared.
 */
export function isIncomingOperation(options: GraphQLDataSourceProcessOptions<GatewayContext>): options is IncomingOperation {
  return (options.kind as string) === 'incoming operation';
}
