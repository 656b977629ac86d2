import { gcd } from './exact-arithmetic.js';

/**
 * The preferential weight as an exact ratio of small integers, so every entitlement stays an exact
 * rational: 2 → 2 : 1, 1.5 → 3 : 2. Weights are given with at most two decimals.
 */
export interface WeightFactors {
  /** The factor of a preferential claim's amount. */
  readonly preferential: number;
  /** The factor of an ordinary claim's amount. */
  readonly ordinary: number;
}

export const MAX_PREFERENTIAL_WEIGHT = 10;

export function isValidPreferentialWeight(weight: number): boolean {
  // Two decimals at most: 1.5 and 2.25 are fine, 1.333 is not (it would not be an exact ratio).
  return Number.isFinite(weight) && weight >= 1 && weight <= MAX_PREFERENTIAL_WEIGHT && Math.abs(weight * 100 - Math.round(weight * 100)) < 1e-9;
}

export function weightFactors(weight: number): WeightFactors {
  if (!isValidPreferentialWeight(weight)) throw new RangeError(`preferential weight ${weight} is not between 1 and ${MAX_PREFERENTIAL_WEIGHT} with at most two decimals`);
  const hundredths = Math.round(weight * 100);
  const divisor = gcd(hundredths, 100);
  return { preferential: hundredths / divisor, ordinary: 100 / divisor };
}
