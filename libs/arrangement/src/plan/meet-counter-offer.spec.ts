import { describe, expect, it } from '@jest/globals';
import { computePlan } from './compute-plan.js';
import { meetCounterOffer } from './meet-counter-offer.js';

/** € 300,00 a month over € 6.000 (energie) and € 3.000 (gemeente): € 200,00 and € 100,00 a month. */
const plan = computePlan({
  mode: 'repayment',
  capacityCents: 30_000,
  claims: [
    { id: 'energie:E1', creditorId: 'energie', amountCents: 600_000, preferential: false },
    { id: 'gemeente:G1', creditorId: 'gemeente', amountCents: 300_000, preferential: false },
  ],
});
const firstMonth = (p: typeof plan, creditor: string): number => p.months[0]?.payments.filter((x) => x.claimId.startsWith(`${creditor}:`)).reduce((s, x) => s + x.amountCents, 0) ?? 0;

describe('meeting a counter-proposal', () => {
  it('raises the capacity just enough, and every creditor gets more alike', () => {
    const met = meetCounterOffer({ plan, creditorId: 'gemeente', monthlyCents: 12_000, maxCapacityCents: 50_000 });
    expect(met.ok).toBe(true);
    if (!met.ok) return;
    expect(met.plan.capacityCents).toBe(36_000);
    expect(firstMonth(met.plan, 'gemeente')).toBe(12_000);
    expect(firstMonth(met.plan, 'energie')).toBe(24_000);
  });

  it('keeps the plan when it already gives what the creditor asks', () => {
    const met = meetCounterOffer({ plan, creditorId: 'gemeente', monthlyCents: 10_000, maxCapacityCents: 50_000 });
    expect(met).toEqual({ ok: true, plan });
  });

  it('refuses what would take more than is above the beslagvrije voet, and says how much it would take', () => {
    expect(meetCounterOffer({ plan, creditorId: 'gemeente', monthlyCents: 20_000, maxCapacityCents: 40_000 })).toEqual({
      ok: false,
      reason: 'capacity',
      neededCapacityCents: 60_000,
      maxCapacityCents: 40_000,
    });
  });

  it('meets a shorter term by paying faster, or says it cannot', () => {
    const met = meetCounterOffer({ plan, creditorId: 'gemeente', monthlyCents: 0, termMonths: 20, maxCapacityCents: 50_000 });
    expect(met.ok && met.plan.months.length <= 20).toBe(true);
    expect(meetCounterOffer({ plan, creditorId: 'gemeente', monthlyCents: 0, termMonths: 5, maxCapacityCents: 50_000 })).toEqual({ ok: false, reason: 'term' });
  });
});
