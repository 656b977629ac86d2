import { describe, expect, it } from '@jest/globals';
import { computePlan, type PlanPayment } from '../plan/compute-plan.js';
import type { PlanClaim } from '../plan/plan-input.js';
import { amendPlanInput } from './amend-plan.js';
import { ScheduleInputError } from './schedule-input-error.js';

const claims: PlanClaim[] = [
  { id: 'energie', creditorId: 'energie-bv', amountCents: 6_000, preferential: false },
  { id: 'gemeente', creditorId: 'gemeente-x', amountCents: 60_000, preferential: false },
  { id: 'toeslagen', creditorId: 'belastingdienst', amountCents: 40_000, preferential: true },
];

function paidInFirst(months: number, plan: ReturnType<typeof computePlan>): PlanPayment[] {
  return plan.months.slice(0, months).flatMap((month) => month.payments);
}

function errorCode(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return error instanceof ScheduleInputError ? error.code : 'other';
  }
  return 'none';
}

describe('amendPlanInput', () => {
  it('builds a new repayment over what is still owed, at the new capacity', () => {
    const plan = computePlan({ mode: 'repayment', capacityCents: 10_000, minimumInstalmentCents: 500, claims });
    const paid = paidInFirst(4, plan);
    const input = amendPlanInput({ plan, paid, capacityCents: 5_000 });
    const paidSum = paid.reduce((sum, payment) => sum + payment.amountCents, 0);
    expect(input.mode).toBe('repayment');
    expect(input.capacityCents).toBe(5_000);
    expect(input.preferentialWeight).toBe(2);
    expect(input.minimumInstalmentCents).toBe(500);
    expect(input.claims.reduce((sum, claim) => sum + claim.amountCents, 0)).toBe(106_000 - paidSum);
    for (const claim of input.claims) {
      const original = claims.find((entry) => entry.id === claim.id);
      const paidToClaim = paid.filter((payment) => payment.claimId === claim.id).reduce((sum, payment) => sum + payment.amountCents, 0);
      expect(claim).toEqual({ ...original, amountCents: (original?.amountCents ?? 0) - paidToClaim });
    }
    const amended = computePlan(input);
    expect(amended.totalPaidCents).toBe(106_000 - paidSum);
  });

  it('leaves out claims paid in full', () => {
    const plan = computePlan({ mode: 'repayment', capacityCents: 10_000, claims });
    const input = amendPlanInput({ plan, paid: [{ claimId: 'energie', amountCents: 4_000 }, { claimId: 'energie', amountCents: 2_000 }], capacityCents: 10_000 });
    expect(input.claims.map((claim) => claim.id)).toEqual(['gemeente', 'toeslagen']);
    const allPaid = amendPlanInput({ plan, paid: claims.map((claim) => ({ claimId: claim.id, amountCents: claim.amountCents })), capacityCents: 10_000 });
    expect(allPaid.claims).toEqual([]);
  });

  it('gives a settlement what is left of its term', () => {
    const plan = computePlan({ mode: 'settlement', capacityCents: 2_000, claims });
    const input = amendPlanInput({ plan, paid: paidInFirst(6, plan), capacityCents: 3_000, monthsElapsed: 6 });
    expect(input).toMatchObject({ mode: 'settlement', termMonths: 12, capacityCents: 3_000 });
    expect(amendPlanInput({ plan, paid: [], capacityCents: 3_000, termMonths: 24 }).termMonths).toBe(24);
  });

  it('turns a nul-aanbod into a plan when the income rises', () => {
    const plan = computePlan({ mode: 'settlement', capacityCents: 0, termMonths: 36, claims });
    expect(plan.termMonths).toBe(0);
    const input = amendPlanInput({ plan, paid: [], capacityCents: 4_000, monthsElapsed: 10 });
    expect(input.termMonths).toBe(26);
    expect(computePlan(input).months).toHaveLength(26);
  });

  it('refuses what cannot be right', () => {
    const plan = computePlan({ mode: 'repayment', capacityCents: 10_000, claims });
    const settlement = computePlan({ mode: 'settlement', capacityCents: 2_000, claims });
    expect(errorCode(() => amendPlanInput({ plan, paid: [{ claimId: 'onbekend', amountCents: 1 }], capacityCents: 1 }))).toBe('UNKNOWN_CLAIM');
    expect(errorCode(() => amendPlanInput({ plan, paid: [{ claimId: 'energie', amountCents: 6_001 }], capacityCents: 1 }))).toBe('PAID_MORE_THAN_OWED');
    expect(errorCode(() => amendPlanInput({ plan, paid: [{ claimId: 'energie', amountCents: -1 }], capacityCents: 1 }))).toBe('INVALID_AMOUNT');
    expect(errorCode(() => amendPlanInput({ plan, paid: [], capacityCents: -1 }))).toBe('INVALID_AMOUNT');
    expect(errorCode(() => amendPlanInput({ plan, paid: [], capacityCents: 10.5 }))).toBe('INVALID_AMOUNT');
    expect(errorCode(() => amendPlanInput({ plan: settlement, paid: [], capacityCents: 1 }))).toBe('INVALID_COUNT');
    expect(errorCode(() => amendPlanInput({ plan: settlement, paid: [], capacityCents: 1, monthsElapsed: 18 }))).toBe('TERM_ENDED');
  });

  it('does not change the plan it is given', () => {
    const plan = computePlan({ mode: 'repayment', capacityCents: 10_000, claims });
    const before = JSON.stringify(plan);
    amendPlanInput({ plan, paid: paidInFirst(2, plan), capacityCents: 1_000 });
    expect(JSON.stringify(plan)).toBe(before);
  });
});
