import { describe, expect, it } from '@jest/globals';
import { computePlan } from '../plan/compute-plan.js';
import { instalmentStates } from './missed-payments.js';
import { instalmentsPaidInFull, paidInForInstalments, passedOnPerClaim } from './passed-on.js';
import { buildSchedule } from './payment-schedule.js';

/** € 100,00 a month over two creditors (€ 300,00 and € 100,00): € 75,00 and € 25,00 a month, four instalments. */
const schedule = buildSchedule({
  plan: computePlan({
    mode: 'repayment',
    capacityCents: 10_000,
    claims: [
      { id: 'gemeente:A', creditorId: 'gemeente', amountCents: 30_000, preferential: false },
      { id: 'energie:B', creditorId: 'energie', amountCents: 10_000, preferential: false },
    ],
  }),
  payDay: 25,
  startsAfter: '2026-01-05',
});

describe('passing money on, an instalment at a time', () => {
  it('counts the instalments paid in full from the first; a part payment passes nothing on', () => {
    const paid = (amounts: number[]): number =>
      instalmentsPaidInFull(instalmentStates({ schedule, payments: amounts.map((amountCents) => ({ date: '2026-01-20', amountCents })), today: '2026-01-21' }));
    expect(paid([])).toBe(0);
    expect(paid([9_999])).toBe(0);
    expect(paid([10_000])).toBe(1);
    expect(paid([10_000, 15_000])).toBe(2);
    expect(paid([40_000, 500])).toBe(4);
  });

  it('gives each claim its cumulative share of the complete instalments, for one creditor or all', () => {
    expect(passedOnPerClaim({ schedule, instalments: 0 })).toEqual([]);
    expect(passedOnPerClaim({ schedule, instalments: 2 })).toEqual([
      { claimId: 'energie:B', amountCents: 5_000 },
      { claimId: 'gemeente:A', amountCents: 15_000 },
    ]);
    expect(passedOnPerClaim({ schedule, instalments: 4, claimIds: new Set(['gemeente:A']) })).toEqual([{ claimId: 'gemeente:A', amountCents: 30_000 }]);
    expect(() => passedOnPerClaim({ schedule, instalments: 5 })).toThrow(RangeError);
  });

  it('adds up what the resident paid in for the first instalments', () => {
    expect(paidInForInstalments({ schedule, instalments: 0 })).toBe(0);
    expect(paidInForInstalments({ schedule, instalments: 3 })).toBe(30_000);
  });
});
