import type { ConsentGrants } from './consent-grants.js';

/**
 * What one incoming request carries through the query plan: the caller's access token (forwarded to
 * the coordinator, never to a node) and, per resident asked about, the consent tokens the coordinator
 * minted for this request only. Not shared between requests: a withdrawal must bite on the next one.
 */
export interface GatewayContext {
  readonly accessToken: string | undefined;
  readonly grants: Map<string, Promise<ConsentGrants>>;
  /** Follows the request into the logs of the gateway, the coordinator and every node it reaches. */
  readonly correlationId: string;
  /** When the request came in (performance.now()): node timeouts count from here, so the whole answer keeps to it. */
  readonly startedAt: number;
}
