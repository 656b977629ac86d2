import { GATEWAY_GRAPHQL_URL } from './demo-nodes.js';

/** What one debt overview through the gateway came back with. */
export interface GatewayOverview {
  readonly claims: number;
  readonly creditors: number;
  /** The answer's error codes: a node that did not answer (CREDITOR_UNAVAILABLE), a refusal. */
  readonly errors: readonly string[];
}

/** The resident's own overview, as the summary prints it for pasting. */
export const OVERVIEW_QUERY = '{ me { id overviewCreditors { id name } creditorTotals { creditorName claimCount total } claims { id creditorId description total stage status } } }';
/** A resident's overview read by someone acting for them (a counsellor under mandate). */
export function residentOverviewQuery(platformId: string): string {
  return `{ resident(id: "${platformId}") { id claims { id creditorId description total stage status } } }`;
}

interface OverviewAnswer {
  readonly data?: { readonly [field: string]: { readonly claims?: readonly { readonly creditorId: string }[] | null } | null } | null;
  readonly errors?: readonly { readonly message?: unknown; readonly extensions?: { readonly code?: unknown } }[];
}

/**
 * Asks the gateway for a debt overview with a person's access token, exactly as the printed curl
 * does, so the demo only tells the newcomer what it has just seen work: the gateway asks the
 * coordinator for the consent tokens, then every consented node in parallel, and merges the claims.
 */
export async function overviewThroughGateway(token: string, query: string): Promise<GatewayOverview> {
  const response = await fetch(GATEWAY_GRAPHQL_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(15_000),
  });
  const answer = (await response.json()) as OverviewAnswer;
  const resident = Object.values(answer.data ?? {})[0];
  const claims = resident?.claims ?? [];
  return {
    claims: claims.length,
    creditors: new Set(claims.map((c) => c.creditorId)).size,
    errors: (answer.errors ?? []).map((e) => (typeof e.extensions?.code === 'string' ? e.extensions.code : String(e.message))),
  };
}

/** `12 claims from 5 creditors`, with any error codes after it. */
export function describeOverview(overview: GatewayOverview): string {
  const problems = overview.errors.length > 0 ? ` (errors: ${overview.errors.join(', ')})` : '';
  return `${overview.claims} claims from ${overview.creditors} creditors${problems}`;
}
