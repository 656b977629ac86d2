import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { graphqlErrorMetricsPlugin } from './graphql-error-metrics.js';
import { legacyJsonStatusPlugin } from './legacy-json-status.plugin.js';

/**
 * The Apollo Server plugins of every GraphQL service here (coordinator, gateway, node): no traces or
 * cache hints in answers (they would tell a caller about the inside), GraphQL-over-HTTP status codes
 * for legacy JSON clients, and the errors counted by code for /metrics.
 */
export function platformApolloPlugins(): ApolloServerPlugin[] {
  return [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled(), legacyJsonStatusPlugin(), graphqlErrorMetricsPlugin()];
}
