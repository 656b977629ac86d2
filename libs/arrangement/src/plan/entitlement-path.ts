import { mulDivCeil, mulDivFloor, safeMultiply } from './exact-arithmetic.js';
import type { WeightFactors } from './preferential-weight.js';

/** A claim as the entitlement path sees it: its amount and whether it is preferential. */
export interface WeightedAmount {
  readonly amountCents: number;
  readonly preferential: boolean;
}

/** A claim's exact entitlement at some point: quotient + remainder / (its denominator) cents. */
export interface ExactAmount {
  readonly quotient: number;
  /** 0 when the entitlement is a whole number of cents. */
  readonly remainder: number;
}

/**
 * Every claim's exact cumulative entitlement as a function of the cumulative amount T the resident
 * has paid into the plan (RULES.md §2). The one definition of "fair" that the monthly amounts are
 * rounded from.
 */
export interface EntitlementPath {
  /** The most that is ever paid: all claims (repayment) or the pot (settlement). */
  readonly total: number;
  entitlementAt(claim: number, paidIntoPlan: number): ExactAmount;
  /** The smallest whole T at which the claim's entitlement reaches `cents` (at most its final entitlement). */
  paidIntoPlanWhenReaching(claim: number, cents: number): number;
}

interface ClassTotals {
  /** Σ preferential amounts. */
  readonly preferential: number;
  /** Σ ordinary amounts. */
  readonly ordinary: number;
  /** Σ factor × amount. */
  readonly weighted: number;
}

function classTotals(claims: readonly WeightedAmount[], factors: WeightFactors): ClassTotals {
  let preferential = 0;
  let ordinary = 0;
  for (const claim of claims) {
    if (claim.preferential) preferential += claim.amountCents;
    else ordinary += claim.amountCents;
  }
  return {
    preferential,
    ordinary,
    weighted: safeMultiply(preferential, factors.preferential) + safeMultiply(ordinary, factors.ordinary),
  };
}

/** Σ factor × amount of all claims: the "total of weighted claims" a creditor is told. */
export function weightedTotal(claims: readonly WeightedAmount[], factors: WeightFactors): number {
  return classTotals(claims, factors).weighted;
}

/**
 * Repayment (collectief afbetalingsplan): pro rata by weighted amount; a class whose claims are paid
 * off passes its share on. Because every claim in a class has the same factor, all preferential claims
 * are paid off at the same moment (T1 = weighted / preferential factor); after it the ordinary claims
 * share everything, pro rata by amount. So: phase 1, e = f·a·T / W; phase 2, preferential e = a and
 * ordinary e = a·(T − ΣA_pref) / ΣA_ord.
 */
export function repaymentPath(claims: readonly WeightedAmount[], factors: WeightFactors): EntitlementPath {
  const totals = classTotals(claims, factors);
  const total = totals.preferential + totals.ordinary;
  const factorOf = (claim: WeightedAmount): number => (claim.preferential ? factors.preferential : factors.ordinary);
  const claimAt = (index: number): WeightedAmount => {
    const claim = claims[index];
    if (claim === undefined) throw new RangeError(`no claim ${index}`);
    return claim;
  };
  // Equal factors, or only one class present: one phase, plain pro rata by amount.
  const onePhase = factors.preferential === factors.ordinary || totals.preferential === 0 || totals.ordinary === 0;
  const inPhaseOne = (paid: number): boolean => onePhase || safeMultiply(paid, factors.preferential) <= totals.weighted;
  return {
    total,
    entitlementAt(index, paid) {
      const claim = claimAt(index);
      if (onePhase) return mulDivFloor(claim.amountCents, paid, total);
      if (inPhaseOne(paid)) return mulDivFloor(factorOf(claim) * claim.amountCents, paid, totals.weighted);
      if (claim.preferential) return { quotient: claim.amountCents, remainder: 0 };
      return mulDivFloor(claim.amountCents, paid - totals.preferential, totals.ordinary);
    },
    paidIntoPlanWhenReaching(index, cents) {
      const claim = claimAt(index);
      if (onePhase) return mulDivCeil(cents, total, claim.amountCents);
      const factor = factorOf(claim);
      // Reached in phase 1 when cents ≤ a·f_ord / f_pref (always so for a preferential claim).
      if (claim.preferential || safeMultiply(cents, factors.preferential) <= safeMultiply(claim.amountCents, factor)) {
        return mulDivCeil(cents, totals.weighted, factor * claim.amountCents);
      }
      return totals.preferential + mulDivCeil(cents, totals.ordinary, claim.amountCents);
    },
  };
}

/**
 * Settlement (like a minnelijke schuldregeling): the pot (capacity × term, at most everything owed)
 * is divided once by the repayment rule, percentage p for ordinary claims and weight × p for
 * preferential ones, capped at 100%; that final amount F is then paid evenly over the term:
 * e(T) = F · T / pot.
 */
export function settlementPath(claims: readonly WeightedAmount[], factors: WeightFactors, pot: number): EntitlementPath {
  const repayment = repaymentPath(claims, factors);
  if (pot >= repayment.total) return proportionalToAmounts(claims, repayment.total);
  const totals = classTotals(claims, factors);
  const onePhase = factors.preferential === factors.ordinary || totals.preferential === 0 || totals.ordinary === 0;
  // Within phase 1 the final amounts are proportional to the weighted amounts, so e(T) = f·a·T / W.
  if (onePhase || safeMultiply(pot, factors.preferential) <= totals.weighted) return { ...repayment, total: pot };
  // The preferential claims are paid in full (F = a) and the ordinary ones get the rest pro rata:
  // F = a · (pot − ΣA_pref) / ΣA_ord. Then e(T) = F · T / pot.
  const ordinaryPot = pot - totals.preferential;
  return {
    total: pot,
    entitlementAt(index, paid) {
      const claim = claims[index];
      if (claim === undefined) throw new RangeError(`no claim ${index}`);
      if (claim.preferential) return mulDivFloor(claim.amountCents, paid, pot);
      return bigFloor(BigInt(claim.amountCents) * BigInt(ordinaryPot) * BigInt(paid), BigInt(totals.ordinary) * BigInt(pot));
    },
    paidIntoPlanWhenReaching(index, cents) {
      const claim = claims[index];
      if (claim === undefined) throw new RangeError(`no claim ${index}`);
      if (claim.preferential) return mulDivCeil(cents, pot, claim.amountCents);
      return bigCeil(BigInt(cents) * BigInt(totals.ordinary) * BigInt(pot), BigInt(claim.amountCents) * BigInt(ordinaryPot));
    },
  };
}

/** Everything is paid: each claim's share of every month is its share of the whole. */
function proportionalToAmounts(claims: readonly WeightedAmount[], total: number): EntitlementPath {
  return {
    total,
    entitlementAt(index, paid) {
      const claim = claims[index];
      if (claim === undefined) throw new RangeError(`no claim ${index}`);
      return mulDivFloor(claim.amountCents, paid, total);
    },
    paidIntoPlanWhenReaching(index, cents) {
      const claim = claims[index];
      if (claim === undefined) throw new RangeError(`no claim ${index}`);
      return mulDivCeil(cents, total, claim.amountCents);
    },
  };
}

function bigFloor(numerator: bigint, denominator: bigint): ExactAmount {
  return { quotient: Number(numerator / denominator), remainder: Number(numerator % denominator) };
}

function bigCeil(numerator: bigint, denominator: bigint): number {
  const quotient = numerator / denominator;
  return Number(numerator % denominator === 0n ? quotient : quotient + 1n);
}
