import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { graphQLErrorFormatter, type GraphQLErrorFormatter } from '#service-kit';
import { CoordinatorError } from '../common/coordinator-error.js';

const shared = graphQLErrorFormatter();

/**
 * A CoordinatorError becomes a GraphQL error with its stable code and, for a form, every problem
 * (code, field, message) so a client can mark each field. Everything else goes through the shared
 * formatter, which hides what the caller should not see.
 */
export const formatCoordinatorError: GraphQLErrorFormatter = (formatted: GraphQLFormattedError, error: unknown) => {
  const original = unwrapResolverError(error);
  if (original instanceof CoordinatorError) {
    return {
      message: original.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: original.code, ...(original.problems.length > 0 ? { problems: original.problems } : {}) },
    };
  }
  return shared(formatted, error);
};
