import type { Request } from 'express';
import { bearerToken } from '#service-kit';
import type { ClaimView } from './claim.view.js';

/** What every subgraph resolver receives: the consent token the caller sent, if any. */
export interface SubgraphContext {
  readonly consentToken: string | undefined;
  /**
   * The claims disclosed in this request, per pseudonym: `claims` and `creditorTotals` in one query
   * read (and log) the disclosure once.
   */
  readonly disclosed: Map<string, Promise<ClaimView[]>>;
}

/** Consent tokens travel as `Authorization: Bearer <token>`, one token per node and request. */
export function subgraphContextFrom(req: Request): SubgraphContext {
  return { consentToken: bearerToken(req.headers.authorization), disclosed: new Map() };
}
