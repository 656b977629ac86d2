import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { computePlan } from '../plan/compute-plan.js';
import type { PlanClaim } from '../plan/plan-input.js';
import { buildSchedule, scheduleTotal } from './payment-schedule.js';

const claims: PlanClaim[] = [
  { id: 'a', creditorId: 'gemeente', amountCents: 30_000, preferential: false },
  { id: 'b', creditorId: 'belastingdienst', amountCents: 20_000, preferential: true },
  { id: 'c', creditorId: 'energie', amountCents: 1_234, preferential: false },
];

describe('buildSchedule', () => {
  it('puts each plan month on the day after pay day', () => {
    const plan = computePlan({ mode: 'repayment', capacityCents: 10_000, claims });
    const schedule = buildSchedule({ plan, payDay: 25, startsAfter: '2026-03-10' });
    expect(schedule.instalments.map((instalment) => instalment.dueDate)).toEqual(['2026-03-26', '2026-04-26', '2026-05-26', '2026-06-26', '2026-07-26', '2026-08-26']);
    expect(schedule.instalments.map((instalment) => instalment.amountCents)).toEqual([10_000, 10_000, 10_000, 10_000, 10_000, 1_234]);
    expect(schedule.totalCents).toBe(51_234);
    expect(scheduleTotal(schedule)).toBe(51_234);
    expect(schedule.instalments[0]?.payments).toEqual(plan.months[0]?.payments);
  });

  it('takes the capacity each month even while shares are held below the minimum', () => {
    const plan = computePlan({ mode: 'repayment', capacityCents: 1_000, minimumInstalmentCents: 500, claims });
    const schedule = buildSchedule({ plan, payDay: 1, startsAfter: '2026-01-01' });
    expect(schedule.instalments.slice(0, -1).every((instalment) => instalment.amountCents === 1_000)).toBe(true);
    expect(scheduleTotal(schedule)).toBe(plan.totalPaidCents);
  });

  it('has no instalments for a nul-aanbod', () => {
    const plan = computePlan({ mode: 'repayment', capacityCents: 0, claims });
    const schedule = buildSchedule({ plan, payDay: 25, startsAfter: '2026-03-10' });
    expect(schedule.instalments).toEqual([]);
    expect(schedule.totalCents).toBe(0);
  });

  it('always adds up to what the plan takes in', () => {
    const claim = fc.record({ amountCents: fc.integer({ min: 1, max: 100_000 }), preferential: fc.boolean() });
    fc.assert(
      fc.property(
        fc.array(claim, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 5_000, max: 50_000 }),
        fc.integer({ min: 0, max: 2_000 }),
        fc.integer({ min: 1, max: 31 }),
        (raw, capacityCents, minimumInstalmentCents, payDay) => {
          const input = raw.map((entry, index): PlanClaim => ({ id: `c${index}`, creditorId: `k${index}`, ...entry }));
          const plan = computePlan({ mode: 'repayment', capacityCents, minimumInstalmentCents, claims: input });
          const schedule = buildSchedule({ plan, payDay, startsAfter: '2026-01-15' });
          expect(scheduleTotal(schedule)).toBe(plan.totalPaidCents);
          schedule.instalments.forEach((instalment, index) => {
            expect(instalment.amountCents).toBe(index === schedule.instalments.length - 1 ? plan.totalPaidCents - capacityCents * index : capacityCents);
          });
        },
      ),
      { numRuns: 50 },
    );
  });
});
