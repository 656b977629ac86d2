import { describe, expect, it } from '@jest/globals';
import { buildSchedule } from '../schedule/payment-schedule.js';
import { computePlan } from './compute-plan.js';

/** Named plan scenarios: RULES.md §2's worked example and cases a counsellor meets every week. */

const totals = (plan: ReturnType<typeof computePlan>): Record<string, number> => Object.fromEntries(plan.claims.map((c) => [c.claimId, c.totalPaidCents]));

describe('plan scenarios', () => {
  it('RULES.md settlement: €100 × 18 = €1,800; preferential €1,000 and ordinary €500, €2,000, €1,500 → p = 30%: €600, €150, €600, €450', () => {
    const plan = computePlan({
      mode: 'settlement',
      capacityCents: 10_000,
      claims: [
        { id: 'belastingdienst-1', creditorId: 'belastingdienst', amountCents: 100_000, preferential: true },
        { id: 'gemeente-1', creditorId: 'gemeente-utrecht', amountCents: 50_000, preferential: false },
        { id: 'energie-1', creditorId: 'stroomwijzer-energie', amountCents: 200_000, preferential: false },
        { id: 'zorg-1', creditorId: 'zekerzorg', amountCents: 150_000, preferential: false },
      ],
    });
    expect(totals(plan)).toEqual({ 'belastingdienst-1': 60_000, 'gemeente-1': 15_000, 'energie-1': 60_000, 'zorg-1': 45_000 });
    expect(Object.fromEntries(plan.claims.map((c) => [c.claimId, c.percentage]))).toEqual({ 'belastingdienst-1': 60, 'gemeente-1': 30, 'energie-1': 30, 'zorg-1': 30 });
    expect(plan.months).toHaveLength(18);
    expect(plan.steps).toContainEqual({ code: 'SETTLEMENT_PERCENTAGE', percentage: 30 });
    expect(plan.steps).toContainEqual({ code: 'FORGIVEN', amountCents: 320_000 });
  });

  it('settlement where the preferential share would pass 100%: capped, the excess goes to the others', () => {
    // Pot €1,800: p = 1,800 / (500 + 2 × 1,000) = 72% would give the preferential claim 144%.
    const plan = computePlan({
      mode: 'settlement',
      capacityCents: 10_000,
      claims: [
        { id: 'pref', creditorId: 'belastingdienst', amountCents: 100_000, preferential: true },
        { id: 'ord', creditorId: 'gemeente-utrecht', amountCents: 50_000, preferential: false },
      ],
    });
    expect(totals(plan)).toEqual({ pref: 100_000, ord: 50_000 });
    expect(plan.totalPaidCents).toBe(150_000);
    expect(plan.months).toHaveLength(15);
  });

  it('repayment: the preferential claim weighs double until it is paid off, then the others share everything', () => {
    const plan = computePlan({
      mode: 'repayment',
      capacityCents: 30_000,
      claims: [
        { id: 'pref', creditorId: 'belastingdienst', amountCents: 60_000, preferential: true },
        { id: 'ord', creditorId: 'gemeente-utrecht', amountCents: 120_000, preferential: false },
      ],
    });
    // Weighted 120,000 : 120,000, so €150 each a month; the preferential claim is paid off in month 4.
    expect(plan.months[0]?.payments).toEqual([
      { claimId: 'ord', amountCents: 15_000 },
      { claimId: 'pref', amountCents: 15_000 },
    ]);
    expect(plan.months[4]?.payments).toEqual([{ claimId: 'ord', amountCents: 30_000 }]);
    expect(plan.steps).toContainEqual({ code: 'PREFERENTIAL_PAID_OFF', months: 4 });
    expect(plan.months).toHaveLength(6);
  });

  it('repayment in whole cents: €100.00 over three equal claims gives 33.34, 33.33, 33.33 and never drifts', () => {
    const plan = computePlan({
      mode: 'repayment',
      capacityCents: 10_000,
      claims: ['a', 'b', 'c'].map((id) => ({ id, creditorId: id, amountCents: 100_000, preferential: false })),
    });
    expect(plan.months[0]?.payments.map((p) => p.amountCents)).toEqual([3_334, 3_333, 3_333]);
    expect(plan.months[1]?.payments.map((p) => p.amountCents)).toEqual([3_333, 3_334, 3_333]);
    expect(plan.months[2]?.payments.map((p) => p.amountCents)).toEqual([3_333, 3_333, 3_334]);
  });

  it('a minimum instalment of €5: a €0.82 share is held and paid as €5.00 or more', () => {
    const plan = computePlan({
      mode: 'repayment',
      capacityCents: 10_000,
      minimumInstalmentCents: 500,
      claims: [
        { id: 'big', creditorId: 'woonstichting-de-linde', amountCents: 1_200_000, preferential: false },
        { id: 'small', creditorId: 'hdsr', amountCents: 10_000, preferential: false },
      ],
    });
    const small = plan.months.flatMap((m) => m.payments.filter((p) => p.claimId === 'small').map((p) => ({ month: m.month, amount: p.amountCents })));
    // Its exact share after 7 months is 10,000 × 70,000 / 1,210,000 = 578.51 cents.
    expect(small[0]).toEqual({ month: 7, amount: 578 });
    for (const payment of small.slice(0, -1)) expect(payment.amount).toBeGreaterThanOrEqual(500);
    expect(small.reduce((s, p) => s + p.amount, 0)).toBe(10_000);
    // Month 1: its exact share is 82.64 cents; the extra cent goes to the claim whose next cent is due sooner.
    expect(plan.months[0]?.heldCents).toBe(82);
  });

  it('nul-aanbod: capacity 0 is a plan that pays nothing and says where to get help', () => {
    const plan = computePlan({ mode: 'repayment', capacityCents: 0, claims: [{ id: 'a', creditorId: 'x', amountCents: 5_000, preferential: false }] });
    expect(plan).toMatchObject({ zeroOffer: true, months: [], totalPaidCents: 0, termMonths: 0 });
    expect(plan.steps).toContainEqual({ code: 'ZERO_CAPACITY' });
  });

  it('on the calendar: pay day the 25th, all creditors accepted on 2026-01-26 → first instalment due 2026-02-26', () => {
    const plan = computePlan({ mode: 'repayment', capacityCents: 10_000, claims: [{ id: 'a', creditorId: 'x', amountCents: 25_000, preferential: false }] });
    const schedule = buildSchedule({ plan, payDay: 25, startsAfter: '2026-01-26' });
    expect(schedule.instalments.map((i) => [i.dueDate, i.amountCents])).toEqual([
      ['2026-02-26', 10_000],
      ['2026-03-26', 10_000],
      ['2026-04-26', 5_000],
    ]);
    expect(schedule.totalCents).toBe(25_000);
  });
});
