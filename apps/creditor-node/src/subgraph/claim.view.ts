import { globalClaimId, type Cents } from '#contracts';
import { claimTotal, type ClaimRecord } from '../claims/claim-record.js';

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

/** The subgraph's CreditorTotal type: this creditor's sums for one resident. */
export interface CreditorTotalView {
  readonly creditorId: string;
  readonly creditorName: string;
  readonly claimCount: number;
  readonly principal: Cents;
  readonly interest: Cents;
  readonly costs: Cents;
  readonly total: Cents;
}

export function toClaimView(creditorId: string, claim: ClaimRecord): ClaimView {
  return {
    id: globalClaimId(creditorId, claim.reference),
    creditorId,
    reference: claim.reference,
    description: claim.description,
    principal: claim.principalCents,
    interest: claim.interestCents,
    costs: claim.costsCents,
    total: claimTotal(claim),
    issuedOn: claim.issuedOn,
    dueOn: claim.dueOn,
    stage: claim.stage.toUpperCase(),
    preferential: claim.preferential,
    status: claim.status.toUpperCase(),
  };
}
