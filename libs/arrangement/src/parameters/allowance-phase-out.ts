import type { ParameterSource } from './parameter-set.js';

/**
 * The yearly allowance phase-out parameters behind the approximation of the middle group's
 * compensation ("kop"); see docs/adr/0008. Yearly amounts in cents, rates as fractions (0.137 = 13.7%).
 */
export interface AllowancePhaseOut {
  /** The calendar year these apply to. */
  readonly year: number;
  /** Zorgtoeslag: the standard premium a household is compensated for, per year (single / with partner). */
  readonly healthcareStandardPremiumSingle: number;
  readonly healthcareStandardPremiumCouple: number;
  /** Zorgtoeslag: threshold income (drempelinkomen) per year. */
  readonly healthcareThresholdIncome: number;
  /** Zorgtoeslag normpremie: rate on the threshold income, and rate on income above it. */
  readonly healthcareRateBelowThreshold: number;
  readonly healthcareRateAboveThreshold: number;
  /** Zorgtoeslag normpremie rates for a household with a partner (they differ from a single's). */
  readonly healthcareRateBelowThresholdCouple: number;
  readonly healthcareRateAboveThresholdCouple: number;
  /** Kindgebonden budget: income above which it phases out (single parent / couple), per year. */
  readonly childBudgetThresholdSingle: number;
  readonly childBudgetThresholdCouple: number;
  /** Kindgebonden budget: phase-out rate on income above the threshold. */
  readonly childBudgetPhaseOutRate: number;
  /** Figures that are derived rather than read in a source, by field name. */
  readonly derived: readonly string[];
  readonly sources: readonly ParameterSource[];
}
