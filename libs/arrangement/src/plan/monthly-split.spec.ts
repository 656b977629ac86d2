import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { computePlan } from './compute-plan.js';
import { firstMonthSplit } from './monthly-split.js';

describe('firstMonthSplit', () => {
  it('equals the first month of the complete plan, in both modes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('repayment' as const, 'settlement' as const),
        fc.array(fc.record({ amountCents: fc.integer({ min: 1, max: 1_000_000 }), preferential: fc.boolean() }), { minLength: 1, maxLength: 14 }),
        fc.integer({ min: 1, max: 100_000 }),
        (mode, raw, capacityCents) => {
          const claims = raw.map((c, i) => ({ ...c, id: `c${i}`, creditorId: `cr${i % 3}` }));
          const total = claims.reduce((s, c) => s + c.amountCents, 0);
          fc.pre(total / capacityCents <= 600);
          const plan = computePlan({ mode, capacityCents, claims });
          const first = new Map((plan.months[0]?.payments ?? []).map((p) => [p.claimId, p.amountCents]));
          for (const split of firstMonthSplit({ mode, capacityCents, claims })) expect(split.amountCents).toBe(first.get(split.claimId) ?? 0);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is empty with capacity 0', () => {
    expect(firstMonthSplit({ mode: 'repayment', capacityCents: 0, claims: [{ id: 'a', creditorId: 'x', amountCents: 5, preferential: false }] })).toEqual([]);
  });
});
