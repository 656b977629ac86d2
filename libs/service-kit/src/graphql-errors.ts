import type { GraphQLFormattedError } from 'graphql';
import { Logger } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import { AuthErrorCode, ClaimErrorCode, ConsentErrorCode, GeneralErrorCode, ProposalErrorCode } from '#contracts';

// Codes raised on purpose by us or by Apollo for a bad request; anything else is our fault.
const PUBLIC_CODES = new Set<string>([
  ...Object.values(ConsentErrorCode),
  ...Object.values(AuthErrorCode),
  ...Object.values(ClaimErrorCode),
  ...Object.values(GeneralErrorCode),
  ...Object.values(ProposalErrorCode),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

const logger = new Logger('GraphQL');

export type GraphQLErrorFormatter = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/**
 * Keeps intended errors as they are (message and stable code) and hides everything else behind a
 * generic INTERNAL error, so stack traces, SQL and internal URLs never reach a caller. A service adds
 * the codes of its own domain to the shared ones.
 */
export function graphQLErrorFormatter(serviceCodes: Iterable<string> = []): GraphQLErrorFormatter {
  const publicCodes = new Set([...PUBLIC_CODES, ...serviceCodes]);
  return (formatted, error) => formatError(publicCodes, formatted, error);
}

/** The formatter with the shared codes only (the creditor node's). */
export const formatGraphQLError: GraphQLErrorFormatter = graphQLErrorFormatter();

function formatError(publicCodes: ReadonlySet<string>, formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.['code'];
  if (typeof code === 'string' && publicCodes.has(code)) {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
  }
  logger.error(`Unexpected error: ${formatted.message}`, (unwrapResolverError(error) as Error | undefined)?.stack);
  return {
    message: 'Something went wrong on our side. Please try again later.',
    path: formatted.path,
    extensions: { code: GeneralErrorCode.INTERNAL },
  };
}
