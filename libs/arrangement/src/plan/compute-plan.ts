import type { ExplanationStep } from '../explain/explanation-step.js';
import { apportionMonths } from './apportion-months.js';
import { repaymentPath, settlementPath, weightedTotal, type EntitlementPath } from './entitlement-path.js';
import { holdBelowMinimum } from './hold-below-minimum.js';
import { planMonths } from './plan-months.js';
import {
  DEFAULT_PREFERENTIAL_WEIGHT,
  DEFAULT_SETTLEMENT_TERM_MONTHS,
  MAX_PLAN_MONTHS,
  type PlanClaim,
  type PlanInput,
  type PlanMode,
} from './plan-input.js';
import { weightFactors } from './preferential-weight.js';

export interface PlanPayment {
  readonly claimId: string;
  readonly amountCents: number;
}

export interface PlanMonth {
  /** 1 is the first month of the plan. */
  readonly month: number;
  /** Zero payments are left out. */
  readonly payments: readonly PlanPayment[];
  /** Held for claims whose share is still below the minimum instalment (only when > 0). */
  readonly heldCents?: number;
}

export interface PlanClaimResult {
  readonly claimId: string;
  readonly creditorId: string;
  readonly amountCents: number;
  readonly preferential: boolean;
  readonly totalPaidCents: number;
  /** Forgiven on completion (finale kwijting); 0 in a repayment plan. */
  readonly forgivenCents: number;
  /** totalPaid / amount, as a percentage with two decimals. */
  readonly percentage: number;
  /** Why this claim gets what it gets: its share of each payment (at the start) and its total. */
  readonly steps: readonly ExplanationStep[];
}

export interface Plan {
  readonly mode: PlanMode;
  readonly capacityCents: number;
  /** The months the plan runs (repayment: until all is paid; settlement: the term, or less when all is paid). */
  readonly termMonths: number;
  /** Settlement only: the agreed term the pot was computed over (capacity × term). */
  readonly settlementTermMonths?: number;
  readonly preferentialWeight: number;
  readonly minimumInstalmentCents: number;
  readonly months: readonly PlanMonth[];
  readonly claims: readonly PlanClaimResult[];
  readonly totalPaidCents: number;
  /** Capacity 0: a valid "nul-aanbod"; the explanation says where to get debt help. */
  readonly zeroOffer: boolean;
  readonly steps: readonly ExplanationStep[];
}

export class PlanTooLongError extends Error {
  constructor(readonly months: number) {
    super(`paying everything would take ${months} months, more than ${MAX_PLAN_MONTHS}: choose a settlement`);
    this.name = 'PlanTooLongError';
  }
}

/** Claims in canonical order (by id, then creditor), so any input order gives the same plan. */
function canonical(claims: readonly PlanClaim[]): PlanClaim[] {
  return [...claims].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.creditorId < b.creditorId ? -1 : a.creditorId > b.creditorId ? 1 : 0));
}

function percentageOf(part: number, whole: number): number {
  return whole === 0 ? 100 : Math.round((part * 10_000) / whole) / 100;
}

/**
 * One plan over all claims (RULES.md §2). Pure and deterministic; amounts in whole cents. The input
 * is expected to be valid (see validatePlanInput); the engine still refuses a repayment longer than
 * MAX_PLAN_MONTHS rather than produce an absurd schedule.
 */
export function computePlan(input: PlanInput): Plan {
  const claims = canonical(input.claims);
  const weight = input.preferentialWeight ?? DEFAULT_PREFERENTIAL_WEIGHT;
  const factors = weightFactors(weight);
  const minimum = input.minimumInstalmentCents ?? 0;
  const capacity = input.capacityCents;
  const totalOwed = claims.reduce((sum, claim) => sum + claim.amountCents, 0);
  const steps: ExplanationStep[] = [];
  const term = input.termMonths ?? DEFAULT_SETTLEMENT_TERM_MONTHS;
  steps.push(input.mode === 'repayment' ? { code: 'PLAN_REPAYMENT' } : { code: 'PLAN_SETTLEMENT', months: term });
  steps.push({ code: 'CAPACITY', amountCents: capacity });
  steps.push({ code: 'TOTAL_OWED', amountCents: totalOwed });
  if (claims.some((claim) => claim.preferential)) steps.push({ code: 'PREFERENTIAL_WEIGHT', percentage: weight * 100 });

  let path: EntitlementPath;
  if (input.mode === 'repayment') {
    path = repaymentPath(claims, factors);
  } else {
    const pot = Math.min(capacity * term, totalOwed);
    path = settlementPath(claims, factors, pot);
    steps.push({ code: 'SETTLEMENT_POT', amountCents: pot, months: term });
  }
  const weighted = weightedTotal(claims, factors);
  steps.push({ code: 'WEIGHTED_TOTAL', amountCents: Math.round(weighted / factors.ordinary) });

  const months = planMonths(path.total, capacity);
  if (months > MAX_PLAN_MONTHS) throw new PlanTooLongError(months);
  if (capacity === 0) steps.push({ code: 'ZERO_CAPACITY' });

  const paidIntoPlan = Array.from({ length: months }, (_, m) => Math.min((m + 1) * capacity, path.total));
  const cumulative = apportionMonths({
    path,
    claimCount: claims.length,
    paidIntoPlan,
    monthWhenPaidIntoPlan: (amount) => Math.ceil(amount / capacity),
  });
  const { payments, held } = holdBelowMinimum({ cumulative, minimumCents: minimum });
  if (minimum > 0) steps.push({ code: 'MINIMUM_INSTALMENT', amountCents: minimum });

  const final = cumulative[cumulative.length - 1] ?? new Array<number>(claims.length).fill(0);
  const claimResults = claims.map((claim, index): PlanClaimResult => {
    const totalPaid = final[index] ?? 0;
    const factor = claim.preferential ? factors.preferential : factors.ordinary;
    const settlementShare = input.mode === 'settlement' && path.total > 0 ? percentageOf(totalPaid, path.total) : undefined;
    return {
      claimId: claim.id,
      creditorId: claim.creditorId,
      amountCents: claim.amountCents,
      preferential: claim.preferential,
      totalPaidCents: totalPaid,
      forgivenCents: claim.amountCents - totalPaid,
      percentage: percentageOf(totalPaid, claim.amountCents),
      steps: [
        {
          code: 'CLAIM_SHARE',
          detail: claim.creditorId,
          percentage: settlementShare ?? percentageOf(factor * claim.amountCents, weighted),
          amountCents: totalPaid,
        },
      ],
    };
  });
  if (input.mode === 'repayment' && factors.preferential !== factors.ordinary) {
    const paidOff = firstMonthAllPaid(cumulative, claims, (claim) => claim.preferential);
    if (paidOff !== undefined && claims.some((claim) => !claim.preferential)) steps.push({ code: 'PREFERENTIAL_PAID_OFF', months: paidOff });
  }
  if (input.mode === 'settlement') {
    const ordinary = claimResults.filter((claim) => !claim.preferential);
    const ordinaryPaid = ordinary.reduce((sum, claim) => sum + claim.totalPaidCents, 0);
    const ordinaryOwed = ordinary.reduce((sum, claim) => sum + claim.amountCents, 0);
    steps.push({ code: 'SETTLEMENT_PERCENTAGE', percentage: percentageOf(ordinaryPaid, ordinaryOwed) });
    const forgiven = claimResults.reduce((sum, claim) => sum + claim.forgivenCents, 0);
    if (forgiven > 0) steps.push({ code: 'FORGIVEN', amountCents: forgiven });
  }
  steps.push({ code: 'PLAN_MONTHS', months });

  return {
    mode: input.mode,
    capacityCents: capacity,
    termMonths: months,
    ...(input.mode === 'settlement' ? { settlementTermMonths: term } : {}),
    preferentialWeight: weight,
    minimumInstalmentCents: minimum,
    months: payments.map((row, m): PlanMonth => {
      const monthPayments: PlanPayment[] = [];
      row.forEach((amount, index) => {
        const claim = claims[index];
        if (amount > 0 && claim !== undefined) monthPayments.push({ claimId: claim.id, amountCents: amount });
      });
      const heldCents = held[m] ?? 0;
      return heldCents > 0 ? { month: m + 1, payments: monthPayments, heldCents } : { month: m + 1, payments: monthPayments };
    }),
    claims: claimResults,
    totalPaidCents: claimResults.reduce((sum, claim) => sum + claim.totalPaidCents, 0),
    zeroOffer: capacity === 0,
    steps,
  };
}

function firstMonthAllPaid(cumulative: readonly (readonly number[])[], claims: readonly PlanClaim[], which: (claim: PlanClaim) => boolean): number | undefined {
  const month = cumulative.findIndex((row) => claims.every((claim, index) => !which(claim) || row[index] === claim.amountCents));
  return month < 0 ? undefined : month + 1;
}
