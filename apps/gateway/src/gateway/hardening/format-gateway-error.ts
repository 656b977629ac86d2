import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** Codes whose message was written for clients (ours, the coordinator's, a node's); others are replaced. */
const CLIENT_SAFE = /^(?:[A-Z][A-Z0-9_]*)$/;
const INTERNAL = new Set(['INTERNAL_SERVER_ERROR', 'DOWNSTREAM_SERVICE_ERROR']);
/** Besides the code: which creditor, why, which field or problems of a form the error concerns. */
const KEPT_EXTENSIONS = ['creditorId', 'reason', 'field', 'problems'];

/**
 * What a client sees of an error: the message and the stable code, plus the few extensions that say
 * which creditor or field it concerns. Never a stack trace, a subgraph URL or an internal message.
 */
export function formatGatewayError(formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError {
  const rawCode = ownValidationCode(formatted, error) ?? formatted.extensions?.['code'];
  const code = typeof rawCode === 'string' && CLIENT_SAFE.test(rawCode) ? rawCode : 'INTERNAL_SERVER_ERROR';
  const extensions: Record<string, unknown> = { code };
  for (const key of KEPT_EXTENSIONS) {
    const value = formatted.extensions?.[key];
    if (value !== undefined) extensions[key] = value;
  }
  const internal = INTERNAL.has(code) || /https?:\/\/|ECONNREFUSED|ENOTFOUND|\bat .+:\d+:\d+/.test(formatted.message);
  return {
    message: internal ? 'Something went wrong on our side. Please try again in a moment.' : formatted.message,
    ...(formatted.locations === undefined ? {} : { locations: formatted.locations }),
    ...(formatted.path === undefined ? {} : { path: formatted.path }),
    extensions: internal ? { code: code === 'DOWNSTREAM_SERVICE_ERROR' ? 'INTERNAL_SERVER_ERROR' : code } : extensions,
  };
}

/**
 * Apollo Server wraps every validation error in its own ValidationError, which overwrites
 * extensions.code with GRAPHQL_VALIDATION_FAILED; a rule's own code (QUERY_TOO_DEEP, QUERY_TOO_COMPLEX
 * from query-limits.ts) is kept only on the wrapped original. Clients are promised those codes, so they
 * are taken from there (found by the gateway-hardening test). graphql's and Apollo's own rules set no code.
 */
function ownValidationCode(formatted: GraphQLFormattedError, error: unknown): string | undefined {
  if (formatted.extensions?.['code'] !== 'GRAPHQL_VALIDATION_FAILED' || !(error instanceof GraphQLError)) return undefined;
  const original = error.originalError;
  const code = original instanceof GraphQLError ? original.extensions['code'] : undefined;
  return typeof code === 'string' ? code : undefined;
}
