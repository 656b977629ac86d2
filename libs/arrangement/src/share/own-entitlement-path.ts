import { repaymentPath, settlementPath, weightedTotal, type EntitlementPath, type WeightedAmount } from '../plan/entitlement-path.js';
import { safeMultiply } from '../plan/exact-arithmetic.js';
import type { PlanMode } from '../plan/plan-input.js';
import type { WeightFactors } from '../plan/preferential-weight.js';

/**
 * The entitlement path as one creditor can rebuild it: from its own claims and the class totals
 * only. It reuses the engine's own formulas (entitlement-path.ts) by standing in for all other claims
 * with at most two claims: "the rest of the preferential class" and "the rest of the ordinary class".
 * That is exact because a claim's entitlement depends on the other claims only through ΣA_pref and
 * ΣA_ord (and W = f_pref·ΣA_pref + f_ord·ΣA_ord): both phases, and the settlement cap, act on a whole
 * class at once. Should the engine ever treat claims of one class differently, this stand-in (and the
 * property test over random plans) is where it shows.
 */
export interface OwnEntitlementPath {
  /** Entitlements of the own claims: index i is the i-th of `ownClaims`. */
  readonly path: EntitlementPath;
  /** Σ W over the stand-in claims, to compare with the disclosed weighted total. */
  readonly weightedTotal: number;
  /** Everything owed under the plan (ΣA_pref + ΣA_ord). */
  readonly totalOwedCents: number;
}

/**
 * Builds the path, or returns undefined when the totals cannot hold the own claims (an own class
 * adds up to more than its disclosed total).
 */
export function ownEntitlementPath(params: {
  readonly mode: PlanMode;
  readonly factors: WeightFactors;
  readonly ownClaims: readonly WeightedAmount[];
  readonly preferentialTotalCents: number;
  readonly ordinaryTotalCents: number;
  readonly capacityCents: number;
  /** Settlement only. */
  readonly settlementTermMonths: number;
}): OwnEntitlementPath | undefined {
  const { mode, factors, ownClaims } = params;
  const ownOf = (preferential: boolean): number => ownClaims.reduce((sum, claim) => sum + (claim.preferential === preferential ? claim.amountCents : 0), 0);
  const restPreferential = params.preferentialTotalCents - ownOf(true);
  const restOrdinary = params.ordinaryTotalCents - ownOf(false);
  if (restPreferential < 0 || restOrdinary < 0) return undefined;
  const claims: WeightedAmount[] = [...ownClaims];
  // Stand-ins after the own claims, so the own claims keep their indices; empty classes are left out.
  if (restPreferential > 0) claims.push({ amountCents: restPreferential, preferential: true });
  if (restOrdinary > 0) claims.push({ amountCents: restOrdinary, preferential: false });
  const totalOwedCents = params.preferentialTotalCents + params.ordinaryTotalCents;
  let path: EntitlementPath;
  switch (mode) {
    case 'repayment':
      path = repaymentPath(claims, factors);
      break;
    case 'settlement':
      // The pot exactly as computePlan takes it.
      path = settlementPath(claims, factors, Math.min(safeMultiply(params.capacityCents, params.settlementTermMonths), totalOwedCents));
      break;
  }
  return { path, weightedTotal: weightedTotal(claims, factors), totalOwedCents };
}
