import type { GraphQLFormattedError } from 'graphql';

/** Codes whose message was written for clients (ours, the coordinator's, a node's); others are replaced. */
const CLIENT_SAFE = /^(?:[A-Z][A-Z0-9_]*)$/;
const INTERNAL = new Set(['INTERNAL_SERVER_ERROR', 'DOWNSTREAM_SERVICE_ERROR']);
/** Besides the code: which creditor, why, which field or problems of a form the error concerns. */
const KEPT_EXTENSIONS = ['creditorId', 'reason', 'field', 'problems'];

/**
 * What a client sees of an error: the message and the stable code, plus the few extensions that say
 * which creditor or field it concerns. Never a stack trace, a subgraph URL or an internal message.
 */
export function formatGatewayError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const rawCode = formatted.extensions?.['code'];
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
