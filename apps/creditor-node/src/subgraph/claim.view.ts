import { globalClaimId, sumCents, type Cents } from '#contracts';
import type { DisclosedClaim } from '../disclosures/claim-disclosure.repository.js';

/** The subgraph's Claim type: enum values in GraphQL's upper case, money as Cents. */
export interface ClaimView {
  readonly id: string;
  readonly creditorId: string;
  readonly reference: string;
  readonly description: string;
  readonly principal: Cents;
  readonly interest: Cents;
  readonly costs: Cents;
  readonly total: Cents;
  readonly issuedOn: string;
  readonly dueOn: string;
  readonly stage: string;
  readonly preferential: boolean;
  readonly status: string;
}

export function toClaimView(creditorId: string, claim: DisclosedClaim): ClaimView {
  return {
    id: globalClaimId(creditorId, claim.reference),
    creditorId,
    reference: claim.reference,
    description: claim.description,
    principal: claim.principalCents,
    interest: claim.interestCents,
    costs: claim.costsCents,
    total: sumCents([claim.principalCents, claim.interestCents, claim.costsCents]),
    issuedOn: claim.issuedOn,
    dueOn: claim.dueOn,
    stage: claim.stage.toUpperCase(),
    preferential: claim.preferential,
    status: claim.status.toUpperCase(),
  };
}
