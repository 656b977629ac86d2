import type { ApolloServerPlugin } from '@apollo/server';

const GRAPHQL_RESPONSE_MEDIA_TYPE = 'application/graphql-response+json';
// Request errors that the GraphQL-over-HTTP spec answers with 200 for legacy application/json clients.
const REQUEST_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);

/**
 * GraphQL over HTTP: a client that accepts only `application/json` should get 200 for a request that
 * failed to parse, validate or coerce its variables (the errors are in the body), while clients of
 * `application/graphql-response+json` keep Apollo's 400. Apollo Server answers 400 to both.
 */
export function legacyJsonStatusPlugin(): ApolloServerPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        willSendResponse({ request, response, errors }) {
          const accept = request.http?.headers.get('accept') ?? '';
          if (accept.includes(GRAPHQL_RESPONSE_MEDIA_TYPE)) return Promise.resolve();
          const isRequestError =
            response.http.status === 400 &&
            errors !== undefined &&
            errors.length > 0 &&
            errors.every((error) => REQUEST_ERROR_CODES.has(String(error.extensions['code'])));
          if (isRequestError) response.http.status = 200;
          return Promise.resolve();
        },
      });
    },
  };
}
