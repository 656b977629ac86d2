import { apportionMonths } from './apportion-months.js';
import { repaymentPath, settlementPath } from './entitlement-path.js';
import { DEFAULT_PREFERENTIAL_WEIGHT, DEFAULT_SETTLEMENT_TERM_MONTHS, type PlanClaim, type PlanInput } from './plan-input.js';
import { weightFactors } from './preferential-weight.js';

/**
 * Only the first month's split of a plan: what each claim gets from one month's capacity. The same
 * rule as computePlan (whose first month it equals, before minimum instalments), without the rest of
 * the schedule: what a national recompute of every household needs.
 */
export function firstMonthSplit(input: PlanInput): { readonly claimId: string; readonly amountCents: number }[] {
  const claims: PlanClaim[] = [...input.claims].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const factors = weightFactors(input.preferentialWeight ?? DEFAULT_PREFERENTIAL_WEIGHT);
  const capacity = input.capacityCents;
  if (capacity === 0) return [];
  const total = claims.reduce((sum, claim) => sum + claim.amountCents, 0);
  const path =
    input.mode === 'repayment'
      ? repaymentPath(claims, factors)
      : settlementPath(claims, factors, Math.min(capacity * (input.termMonths ?? DEFAULT_SETTLEMENT_TERM_MONTHS), total));
  const [first] = apportionMonths({
    path,
    claimCount: claims.length,
    paidIntoPlan: [Math.min(capacity, path.total)],
    monthWhenPaidIntoPlan: (amount) => Math.ceil(amount / capacity),
  });
  return claims.map((claim, index) => ({ claimId: claim.id, amountCents: first?.[index] ?? 0 }));
}
