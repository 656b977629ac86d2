import type { Request } from 'express';
import { bearerToken } from '#service-kit';

/** What every subgraph resolver receives: the consent token the caller sent, if any. */
export interface SubgraphContext {
  readonly consentToken: string | undefined;
}

/** Consent tokens travel as `Authorization: Bearer <token>`, one token per node and request. */
export function subgraphContextFrom(req: Request): SubgraphContext {
  return { consentToken: bearerToken(req.headers.authorization) };
}
