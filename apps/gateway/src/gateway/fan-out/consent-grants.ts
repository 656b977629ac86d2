import type { EntityError } from './merge-entity-answers.js';
import { CORRELATION_HEADER } from '#service-kit';

/** One node the resident is consented for: where it is, its pseudonym, and a token for it. */
export interface ConsentGrant {
  readonly creditorId: string;
  readonly subgraphUrl: string;
  readonly pseudonym: string;
  readonly token: string;
}

export type ConsentGrants = { readonly ok: true; readonly grants: readonly ConsentGrant[] } | { readonly ok: false; readonly error: EntityError };

const ISSUE_CONSENT_TOKENS = /* GraphQL */ `
  mutation IssueConsentTokens($input: IssueConsentTokensInput!) {
    issueConsentTokens(input: $input) { creditorId subgraphUrl pseudonym token }
  }
`;

/** No consent in force is not an error for an overview: there is simply nothing to gather. */
const NOTHING_TO_GATHER = new Set(['CONSENT_NOT_GIVEN']);

function isGrant(value: unknown): value is ConsentGrant {
  if (typeof value !== 'object' || value === null) return false;
  const grant = value as Record<string, unknown>;
  return ['creditorId', 'subgraphUrl', 'pseudonym', 'token'].every((field) => typeof grant[field] === 'string');
}

/**
 * Asks the coordinator, as the caller, for one consent token per node the resident's consents cover
 * (debt overview, claims). The coordinator decides who may act for whom (the resident, or a counsellor
 * under mandate); the gateway only carries the answer.
 */
export async function fetchConsentGrants(params: {
  readonly coordinatorUrl: URL;
  readonly accessToken: string | undefined;
  readonly residentId: string;
  readonly correlationId: string;
  readonly timeoutMs: number;
}): Promise<ConsentGrants> {
  const unavailable = (message: string): ConsentGrants => ({ ok: false, error: { message, extensions: { code: 'COORDINATOR_UNAVAILABLE' } } });
  let body: { data?: { issueConsentTokens?: unknown } | null; errors?: { message?: unknown; extensions?: { code?: unknown } }[] };
  try {
    const response = await fetch(params.coordinatorUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        [CORRELATION_HEADER]: params.correlationId,
        ...(params.accessToken === undefined ? {} : { authorization: `Bearer ${params.accessToken}` }),
      },
      body: JSON.stringify({ query: ISSUE_CONSENT_TOKENS, variables: { input: { residentId: params.residentId, purpose: 'DEBT_OVERVIEW', category: 'CLAIMS' } } }),
      signal: AbortSignal.timeout(params.timeoutMs),
    });
    body = (await response.json()) as typeof body;
  } catch {
    return unavailable('The consent service could not be reached; no creditor was asked.');
  }
  const refusal = body.errors?.[0];
  if (refusal !== undefined) {
    const code = typeof refusal.extensions?.code === 'string' ? refusal.extensions.code : 'INTERNAL_SERVER_ERROR';
    if (NOTHING_TO_GATHER.has(code)) return { ok: true, grants: [] };
    return { ok: false, error: { message: typeof refusal.message === 'string' ? refusal.message : 'Refused.', extensions: { code } } };
  }
  const grants = body.data?.issueConsentTokens;
  if (!Array.isArray(grants) || !grants.every(isGrant)) return unavailable('The consent service gave an answer that could not be read.');
  return { ok: true, grants };
}
