import type { ApolloServerPlugin } from '@apollo/server';

/**
 * GraphQL answers errors with status 200 (a partial overview with CREDITOR_UNAVAILABLE, a refused
 * consent), so the request histogram does not show them: they are counted here by their stable code.
 * One count per process, like the request histogram; codes are a closed set, so the series stay few.
 */
const errorCounts = new Map<string, number>();

export function graphqlErrorMetricsPlugin(): ApolloServerPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        // Counted as answered, after formatError gave each its stable code (a thrown domain error has
        // none before that), and including the gateway's merged node errors.
        willSendResponse({ response }) {
          if (response.body.kind === 'single') {
            for (const error of response.body.singleResult.errors ?? []) {
              const code = error.extensions?.['code'];
              countGraphQLError(typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR');
            }
          }
          return Promise.resolve();
        },
      });
    },
  };
}

export function countGraphQLError(code: string): void {
  const key = /^[A-Z0-9_]{1,64}$/.test(code) ? code : 'OTHER';
  errorCounts.set(key, (errorCounts.get(key) ?? 0) + 1);
}

/** The counts in the Prometheus text format, for RequestMetrics.render. */
export function renderGraphQLErrorCounts(service: string): string[] {
  const name = 'graphql_errors_total';
  const lines = [`# HELP ${name} GraphQL errors answered, by their extensions.code.`, `# TYPE ${name} counter`];
  for (const [code, count] of [...errorCounts.entries()].sort(([a], [b]) => a.localeCompare(b))) lines.push(`${name}{service="${service}",code="${code}"} ${String(count)}`);
  return lines;
}
