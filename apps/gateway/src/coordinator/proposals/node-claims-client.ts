import { Injectable } from '@nestjs/common';
import { ConsentPurpose, CoordinatorErrorCode, DataCategory } from '#contracts';
import { CoordinatorError } from '../common/coordinator-error.js';
import { ConsentTokenMinter } from '../consent-tokens/consent-token-minter.service.js';
import type { Caller } from '../identity/caller.js';
import { correlationHeaders } from '#service-kit';

const NODE_TIMEOUT_MS = 5_000;
/** The claims a plan can hold: open ones, and ones in a proposal that a re-plan replaces. */
const PLANNABLE = new Set(['OPEN', 'PROPOSED']);

const CLAIMS_QUERY = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Resident { claims { id creditorId reference total preferential status } } }
}`;

export interface GatheredClaim {
  /** The global claim id: `<creditorId>:<reference>`. */
  readonly id: string;
  readonly creditorId: string;
  readonly reference: string;
  readonly amountCents: number;
  readonly preferential: boolean;
}

export interface GatheredCreditor {
  readonly creditorId: string;
  readonly subgraphUrl: string;
  readonly pseudonym: string;
  readonly claims: readonly GatheredClaim[];
}

/**
 * Asks each node the resident consented to (for a collective arrangement) and is linked to for the
 * claims it holds, each with its own consent token; every node records the disclosure. A plan made
 * without one creditor's claims would not be fair to the others, so a node that does not answer stops
 * the proposal (CREDITOR_UNAVAILABLE, naming it) instead of being left out silently.
 */
@Injectable()
export class NodeClaimsClient {
  constructor(private readonly minter: ConsentTokenMinter) {}

  async gather(caller: Caller, residentId: string, onlyCreditors?: ReadonlySet<string>): Promise<GatheredCreditor[]> {
    const grants = (await this.minter.mint(caller, { residentId, purpose: ConsentPurpose.COLLECTIVE_ARRANGEMENT, category: DataCategory.CLAIMS })).filter(
      (grant) => onlyCreditors === undefined || onlyCreditors.has(grant.creditorId),
    );
    const answers = await Promise.all(
      grants.map(async (grant) => {
        try {
          const response = await fetch(grant.subgraphUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${grant.token}`, ...correlationHeaders() },
            body: JSON.stringify({ query: CLAIMS_QUERY, variables: { representations: [{ __typename: 'Resident', id: grant.pseudonym }] } }),
            signal: AbortSignal.timeout(NODE_TIMEOUT_MS),
          });
          const body = (await response.json()) as { data?: { _entities?: { claims?: NodeClaim[] | null }[] }; errors?: unknown[] };
          const claims = body.data?._entities?.[0]?.claims;
          if (!response.ok || claims === undefined || claims === null) return { grant, claims: null };
          return { grant, claims };
        } catch {
          return { grant, claims: null };
        }
      }),
    );
    const silent = answers.filter((a) => a.claims === null).map((a) => a.grant.creditorId);
    if (silent.length > 0) {
      throw new CoordinatorError(CoordinatorErrorCode.CREDITOR_UNAVAILABLE, `These creditors did not answer, so no fair plan can be made now: ${silent.join(', ')}. Try again later.`);
    }
    return answers.map(({ grant, claims }) => ({
      creditorId: grant.creditorId,
      subgraphUrl: grant.subgraphUrl,
      pseudonym: grant.pseudonym,
      claims: (claims ?? [])
        .filter((claim) => PLANNABLE.has(claim.status) && claim.creditorId === grant.creditorId)
        .map((claim) => ({ id: claim.id, creditorId: grant.creditorId, reference: claim.reference, amountCents: Number(claim.total), preferential: claim.preferential })),
    }));
  }
}

interface NodeClaim {
  readonly id: string;
  readonly creditorId: string;
  readonly reference: string;
  readonly total: string;
  readonly preferential: boolean;
  readonly status: string;
}
