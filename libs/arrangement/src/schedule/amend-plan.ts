import type { Plan, PlanPayment } from '../plan/compute-plan.js';
import type { PlanClaim, PlanInput } from '../plan/plan-input.js';
import { ScheduleInputError } from './schedule-input-error.js';

/**
 * RULES.md §3: a change of income or household recomputes the BVV (by the caller) and proposes an
 * amended plan. This builds that plan's input over what is still owed; the caller passes it to
 * computePlan. Mode, preferential weight and minimum instalment stay as the creditors accepted them.
 */
export function amendPlanInput(params: {
  readonly plan: Plan;
  /** Everything passed on to each claim so far; several entries per claim are added up. */
  readonly paid: readonly PlanPayment[];
  /** The new capacity, from the recomputed beslagvrije voet. */
  readonly capacityCents: number;
  /** Settlement: plan months already run; the new term is what is left of the original term. */
  readonly monthsElapsed?: number;
  /** Settlement: the new term, overriding the remaining one. */
  readonly termMonths?: number;
}): PlanInput {
  const { plan, paid, capacityCents, monthsElapsed, termMonths } = params;
  if (!Number.isSafeInteger(capacityCents) || capacityCents < 0) {
    throw new ScheduleInputError('INVALID_AMOUNT', `capacity is a whole number of cents ≥ 0: ${capacityCents}`, 'capacityCents');
  }
  const paidPerClaim = new Map<string, number>(plan.claims.map((claim) => [claim.claimId, 0]));
  paid.forEach((payment, index) => {
    const before = paidPerClaim.get(payment.claimId);
    if (before === undefined) throw new ScheduleInputError('UNKNOWN_CLAIM', `no claim "${payment.claimId}" in the plan`, `paid[${index}].claimId`);
    if (!Number.isSafeInteger(payment.amountCents) || payment.amountCents < 0) {
      throw new ScheduleInputError('INVALID_AMOUNT', `a paid amount is a whole number of cents ≥ 0: ${payment.amountCents}`, `paid[${index}].amountCents`);
    }
    paidPerClaim.set(payment.claimId, before + payment.amountCents);
  });

  const claims: PlanClaim[] = [];
  for (const claim of plan.claims) {
    const remaining = claim.amountCents - (paidPerClaim.get(claim.claimId) ?? 0);
    // More paid than owed means the records disagree; guessing here would hide a creditor's error.
    if (remaining < 0) throw new ScheduleInputError('PAID_MORE_THAN_OWED', `claim "${claim.claimId}" was paid more than it owed`, 'paid');
    // A claim paid in full has no place in the new plan.
    if (remaining > 0) claims.push({ id: claim.claimId, creditorId: claim.creditorId, amountCents: remaining, preferential: claim.preferential });
  }

  const common = {
    capacityCents,
    preferentialWeight: plan.preferentialWeight,
    minimumInstalmentCents: plan.minimumInstalmentCents,
    claims,
  };
  if (plan.mode === 'repayment') return { mode: 'repayment', ...common };
  return { mode: 'settlement', termMonths: remainingTerm({ plan, monthsElapsed, termMonths }), ...common };
}

/**
 * The settlement term still to run: the agreed term (`settlementTermMonths`; the plan's `termMonths`
 * counts the months it pays, which is 0 for a nul-aanbod) minus the months already run.
 */
function remainingTerm(params: { readonly plan: Plan; readonly monthsElapsed: number | undefined; readonly termMonths: number | undefined }): number {
  const { plan, monthsElapsed, termMonths } = params;
  if (termMonths !== undefined) {
    if (!Number.isSafeInteger(termMonths) || termMonths < 1) throw new ScheduleInputError('INVALID_COUNT', `term is a whole number of months ≥ 1: ${termMonths}`, 'termMonths');
    return termMonths;
  }
  if (monthsElapsed === undefined || !Number.isSafeInteger(monthsElapsed) || monthsElapsed < 0) {
    throw new ScheduleInputError('INVALID_COUNT', 'a settlement needs monthsElapsed (whole months ≥ 0) or termMonths', 'monthsElapsed');
  }
  const agreed = plan.settlementTermMonths ?? plan.termMonths;
  const left = agreed - monthsElapsed;
  if (left < 1) throw new ScheduleInputError('TERM_ENDED', `the settlement term of ${agreed} months has run out`, 'monthsElapsed');
  return left;
}
