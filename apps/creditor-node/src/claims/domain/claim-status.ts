/** Where a claim is in its life at the creditor. Transitions: see claim-lifecycle.ts. */
export const ClaimStatus = {
  OPEN: 'open',
  /** In a proposed collective plan: collection is paused. */
  PROPOSED: 'proposed',
  IN_PLAN: 'in_plan',
  PAID: 'paid',
  /** Ended by a settlement; the rest was forgiven (finale kwijting). */
  SETTLED: 'settled',
  /** Disputed by the resident: collection is paused until resolved. */
  DISPUTED: 'disputed',
} as const;
export type ClaimStatus = (typeof ClaimStatus)[keyof typeof ClaimStatus];
export const CLAIM_STATUSES: readonly ClaimStatus[] = Object.values(ClaimStatus);
