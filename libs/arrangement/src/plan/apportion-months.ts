import type { EntitlementPath } from './entitlement-path.js';

/**
 * Whole cents per claim for every month, such that (RULES.md §2, invariants 1–4):
 * - each month's amounts add up exactly to what was paid into the plan that month;
 * - a claim's cumulative amount never falls behind or runs ahead of its exact entitlement by a cent
 *   or more (so: floor ≤ cumulative ≤ ceil of the exact entitlement, at every month);
 * - cumulative amounts never decrease (no month pays a negative amount);
 * - ties are broken by the claims' order, which the caller makes canonical (by claim id).
 *
 * The cents are jobs with a release month (when the entitlement first exceeds the cent before) and a
 * deadline (when it reaches the cent). Each month pays every cent whose deadline has come, then the
 * cents whose deadline comes soonest (earliest deadline first, which never misses a deadline when a
 * schedule exists; Tijdeman's chairman theorem says one always does). One pass, O(months · n log n).
 *
 * Returns cumulative amounts: `result[m][i]` is what claim i has received after month m + 1.
 */
export function apportionMonths(params: {
  readonly path: EntitlementPath;
  readonly claimCount: number;
  /** Cumulative amount paid into the plan after each month (non-decreasing, ending at path.total). */
  readonly paidIntoPlan: readonly number[];
  /** The month (1-based) by whose end a given cumulative amount has been paid into the plan. */
  readonly monthWhenPaidIntoPlan: (amount: number) => number;
}): number[][] {
  const { path, claimCount, paidIntoPlan } = params;
  const cumulative: number[][] = [];
  let previous: number[] = new Array<number>(claimCount).fill(0);
  const candidates: { index: number; deadline: number }[] = [];
  for (let month = 0; month < paidIntoPlan.length; month += 1) {
    const paid = paidIntoPlan[month] ?? 0;
    const current = new Array<number>(claimCount);
    let assigned = 0;
    candidates.length = 0;
    for (let index = 0; index < claimCount; index += 1) {
      const exact = path.entitlementAt(index, paid);
      const before = previous[index] ?? 0;
      // Every cent up to the floor is due now; one more may be paid early when the entitlement is
      // not whole (and the claim has not already received it in an earlier month).
      const due = Math.max(before, exact.quotient);
      current[index] = due;
      assigned += due;
      if (exact.remainder > 0 && due === exact.quotient) {
        candidates.push({ index, deadline: params.monthWhenPaidIntoPlan(path.paidIntoPlanWhenReaching(index, exact.quotient + 1)) });
      }
    }
    const extra = paid - assigned;
    if (extra < 0 || extra > candidates.length) {
      throw new Error(`internal: month ${month + 1} cannot be apportioned (${extra} cents over ${candidates.length} claims)`);
    }
    if (extra > 0) {
      candidates.sort((a, b) => a.deadline - b.deadline || a.index - b.index);
      for (let k = 0; k < extra; k += 1) {
        const candidate = candidates[k];
        if (candidate !== undefined) current[candidate.index] = (current[candidate.index] ?? 0) + 1;
      }
    }
    cumulative.push(current);
    previous = current;
  }
  return cumulative;
}
