import { computePlan, type Plan } from './compute-plan.js';
import type { PlanInput } from './plan-input.js';

export type CounterOfferMet =
  | { readonly ok: true; readonly plan: Plan }
  | { readonly ok: false; readonly reason: 'capacity'; readonly neededCapacityCents: number; readonly maxCapacityCents: number }
  | { readonly ok: false; readonly reason: 'term' };

/** The input a plan was computed from: same claims, mode, weights and minimum. */
export function planInputOf(plan: Plan, capacityCents: number): PlanInput {
  return {
    mode: plan.mode,
    capacityCents,
    ...(plan.mode === 'settlement' ? { termMonths: plan.settlementTermMonths ?? plan.termMonths } : {}),
    preferentialWeight: plan.preferentialWeight,
    minimumInstalmentCents: plan.minimumInstalmentCents,
    claims: plan.claims.map((claim) => ({ id: claim.claimId, creditorId: claim.creditorId, amountCents: claim.amountCents, preferential: claim.preferential })),
  };
}

function meets(plan: Plan, creditorId: string, monthlyCents: number, termMonths: number | undefined): { monthly: boolean; term: boolean } {
  const ofCreditor = new Set(plan.claims.filter((claim) => claim.creditorId === creditorId).map((claim) => claim.claimId));
  const first = plan.months[0]?.payments.filter((payment) => ofCreditor.has(payment.claimId)).reduce((sum, payment) => sum + payment.amountCents, 0) ?? 0;
  const lastMonth = plan.months.reduce((last, month) => (month.payments.some((payment) => ofCreditor.has(payment.claimId) && payment.amountCents > 0) ? month.month : last), 0);
  return { monthly: first >= monthlyCents, term: termMonths === undefined || lastMonth <= termMonths };
}

/**
 * The plan that meets a creditor's counter-proposal (a monthly amount, perhaps a longest term) with
 * the lowest capacity, between the plan's own and `maxCapacityCents` (what is above the beslagvrije
 * voet). Only the capacity changes, so every creditor's share rises alike: equal treatment holds,
 * and the share each node checks is computed the same way. A larger capacity never pays a creditor
 * less or later, which makes the search a bisection over whole cents.
 */
export function meetCounterOffer(params: { readonly plan: Plan; readonly creditorId: string; readonly monthlyCents: number; readonly termMonths?: number; readonly maxCapacityCents: number }): CounterOfferMet {
  const { plan, creditorId, monthlyCents, termMonths } = params;
  const at = (capacityCents: number): Plan => computePlan(planInputOf(plan, capacityCents));
  const ok = (candidate: Plan): boolean => {
    const check = meets(candidate, creditorId, monthlyCents, termMonths);
    return check.monthly && check.term;
  };
  if (ok(plan)) return { ok: true, plan };
  const max = Math.max(params.maxCapacityCents, plan.capacityCents);
  const best = at(max);
  if (!ok(best)) {
    if (meets(best, creditorId, monthlyCents, undefined).monthly) return { ok: false, reason: 'term' };
    // Bisect the capacity the monthly amount alone needs, to say how far off it is.
    let low = max;
    let high = Math.max(max * 2, 1);
    while (!meets(at(high), creditorId, monthlyCents, undefined).monthly && high < Number.MAX_SAFE_INTEGER / 4) high *= 2;
    while (high - low > 1) {
      const mid = Math.floor((low + high) / 2);
      if (meets(at(mid), creditorId, monthlyCents, undefined).monthly) high = mid;
      else low = mid;
    }
    return { ok: false, reason: 'capacity', neededCapacityCents: high, maxCapacityCents: params.maxCapacityCents };
  }
  let low = plan.capacityCents;
  let high = max;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (ok(at(mid))) high = mid;
    else low = mid;
  }
  return { ok: true, plan: at(high) };
}
