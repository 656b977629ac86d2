import type { Request } from 'express';

/** What every subgraph resolver receives: the consent token the caller sent, if any. */
export interface SubgraphContext {
  readonly consentToken: string | undefined;
}

/** Consent tokens travel as `Authorization: Bearer <token>`, one token per node and request. */
export function subgraphContextFrom(req: Request): SubgraphContext {
  const header = req.headers.authorization;
  const match = header === undefined ? null : /^Bearer\s+(\S+)$/i.exec(header);
  return { consentToken: match?.[1] };
}
