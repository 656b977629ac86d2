import type { AllowancePhaseOut } from '../parameters/allowance-phase-out.js';
import type { Household } from './bvv-input.js';

/**
 * The taxable income at which the maximum is reached, as a multiple of the yearly maximum: about
 * 1.65 (uwbeslagvrijevoet.nl: €33,839 for a single and €44,234 for others, 2022). Only the
 * approximated housing term uses it; see docs/adr/0008.
 */
export const MAXIMUM_REACHED_AT_YEARLY_MAXIMUM_TIMES = 1.65;

/**
 * The middle group's increase ("kop") above 95% of the norm, per month in cents, as an APPROXIMATION
 * of art. 475da lid 2 Rv (docs/adr/0008):
 * - zorgtoeslag term (C − D) / 12 × E, capped at the monthly standard premium (lid 3), exact in form;
 * - kindgebonden budget term (C − D [+ L]) / 12 × K for households with children, exact in form;
 * - the huurtoeslag term, whose coefficients we have not collected, grows linearly from 0 at the
 *   norm's yearly income to what is left of the maximum at ~1.65 × the yearly maximum.
 * C is the yearly taxable income; the result never exceeds `maximumKop` (max BVV − 95% × norm).
 */
export function middleGroupCompensation(params: {
  readonly household: Household;
  readonly taxableAnnualIncomeCents: number;
  readonly adultNormCents: number;
  readonly maximumBvvCents: number;
  readonly maximumKopCents: number;
  readonly allowances: AllowancePhaseOut | undefined;
}): number {
  const { household, allowances } = params;
  const income = params.taxableAnnualIncomeCents;
  const withPartner = household === 'couple' || household === 'couple_with_children';
  const terms = (yearly: number): number => {
    if (allowances === undefined) return 0;
    const premiumCap = (withPartner ? allowances.healthcareStandardPremiumCouple : allowances.healthcareStandardPremiumSingle) / 12;
    const healthcare = Math.min(premiumCap, (Math.max(0, yearly - allowances.healthcareThresholdIncome) * allowances.healthcareRateAboveThreshold) / 12);
    let childBudget = 0;
    if (household === 'single_parent') childBudget = (Math.max(0, yearly - allowances.childBudgetThresholdSingle) * allowances.childBudgetPhaseOutRate) / 12;
    if (household === 'couple_with_children') childBudget = (Math.max(0, yearly - allowances.childBudgetThresholdCouple) * allowances.childBudgetPhaseOutRate) / 12;
    return healthcare + childBudget;
  };
  const normYearly = params.adultNormCents * 12;
  const maximumAt = Math.round(params.maximumBvvCents * 12 * MAXIMUM_REACHED_AT_YEARLY_MAXIMUM_TIMES);
  const housingAtMaximum = Math.max(0, params.maximumKopCents - terms(maximumAt));
  const housingShare = maximumAt <= normYearly ? 1 : Math.min(1, Math.max(0, (income - normYearly) / (maximumAt - normYearly)));
  const kop = terms(income) + housingAtMaximum * housingShare;
  // One rounding, at the end of the rule (RULES.md §1): half away from zero; never above the maximum.
  return Math.min(params.maximumKopCents, Math.round(kop));
}
