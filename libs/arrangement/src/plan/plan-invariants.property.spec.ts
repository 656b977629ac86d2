import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { computePlan, type Plan } from './compute-plan.js';
import type { PlanClaim, PlanInput } from './plan-input.js';

/**
 * RULES.md §2's invariants as properties over random plans. The exact entitlements are computed here
 * independently of the engine: water-filling with BigInt rationals, straight from the rule's words.
 */

/** A rational p / q with q > 0. */
type Rational = { readonly p: bigint; readonly q: bigint };

/**
 * Exact entitlement of every claim once `paid` cents went in: e = min(a, L·w·a) for the level L at
 * which the entitlements add up to `paid` (pro rata by weighted amount, paid-off shares go on).
 */
function waterFill(claims: readonly PlanClaim[], weight: Rational, paid: bigint): Rational[] {
  const factor = (c: PlanClaim): Rational => (c.preferential ? weight : { p: 1n, q: 1n });
  // Claims cap in order of their level 1/w; try "the k highest-weight classes are capped".
  const capped = new Set<number>();
  for (;;) {
    let cappedSum = 0n;
    let activeWeighted: Rational = { p: 0n, q: 1n };
    claims.forEach((c, i) => {
      if (capped.has(i)) cappedSum += BigInt(c.amountCents);
      else {
        const f = factor(c);
        activeWeighted = { p: activeWeighted.p * f.q + BigInt(c.amountCents) * f.p * activeWeighted.q, q: activeWeighted.q * f.q };
      }
    });
    // L = (paid − cappedSum) / activeWeighted
    const level: Rational = { p: (paid - cappedSum) * activeWeighted.q, q: activeWeighted.p === 0n ? 1n : activeWeighted.p };
    let newlyCapped = false;
    claims.forEach((c, i) => {
      if (capped.has(i)) return;
      const f = factor(c);
      // L·f ≥ 1 → capped
      if (level.p * f.p >= level.q * f.q) {
        capped.add(i);
        newlyCapped = true;
      }
    });
    if (!newlyCapped) {
      return claims.map((c, i) => {
        if (capped.has(i)) return { p: BigInt(c.amountCents), q: 1n };
        const f = factor(c);
        return { p: level.p * f.p * BigInt(c.amountCents), q: level.q * f.q };
      });
    }
  }
}

const floorOf = (r: Rational): bigint => r.p / r.q;
const ceilOf = (r: Rational): bigint => (r.p % r.q === 0n ? r.p / r.q : r.p / r.q + 1n);

function weightRational(weight: number): Rational {
  return { p: BigInt(Math.round(weight * 100)), q: 100n };
}

/** The exact entitlement of each claim after each month, by the rule for the plan's mode. */
function exactEntitlements(input: PlanInput, plan: Plan): Rational[][] {
  const claims = plan.claims.map((c) => input.claims.find((x) => x.id === c.claimId) as PlanClaim);
  const weight = weightRational(input.preferentialWeight ?? 2);
  const total = claims.reduce((s, c) => s + BigInt(c.amountCents), 0n);
  const cap = BigInt(input.capacityCents);
  if (input.mode === 'repayment') {
    return plan.months.map((_, m) => waterFill(claims, weight, [BigInt(m + 1) * cap, total].reduce((a, b) => (a < b ? a : b))));
  }
  const term = BigInt(input.termMonths ?? 18);
  const pot = cap * term < total ? cap * term : total;
  const final = pot === total ? claims.map((c) => ({ p: BigInt(c.amountCents), q: 1n })) : waterFill(claims, weight, pot);
  return plan.months.map((_, m) => {
    const paid = BigInt(m + 1) * cap < pot ? BigInt(m + 1) * cap : pot;
    return final.map((f) => ({ p: f.p * paid, q: f.q * pot }));
  });
}

function cumulativePaid(plan: Plan): number[][] {
  const running = new Map(plan.claims.map((c) => [c.claimId, 0]));
  return plan.months.map((month) => {
    for (const payment of month.payments) running.set(payment.claimId, (running.get(payment.claimId) ?? 0) + payment.amountCents);
    return plan.claims.map((c) => running.get(c.claimId) ?? 0);
  });
}

const claimArbitrary = fc.record({
  creditorId: fc.constantFrom('gemeente', 'waterschap', 'energie', 'zorg', 'woning', 'belastingdienst'),
  amountCents: fc.oneof(fc.integer({ min: 1, max: 5_000 }), fc.integer({ min: 1, max: 2_000_000 })),
  preferential: fc.boolean(),
});

const inputArbitrary = fc
  .record({
    mode: fc.constantFrom('repayment' as const, 'settlement' as const),
    claims: fc.array(claimArbitrary, { minLength: 1, maxLength: 16 }),
    capacityCents: fc.oneof(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 200_000 })),
    termMonths: fc.integer({ min: 1, max: 36 }),
    preferentialWeight: fc.constantFrom(1, 1.5, 2, 2.25, 3),
  })
  .map(
    (r): PlanInput => ({
      ...r,
      claims: r.claims.map((c, i) => ({ ...c, id: `claim-${String(i).padStart(2, '0')}` })),
    }),
  )
  // Keep repayment plans within the engine's 600-month limit.
  .filter((input) => input.mode === 'settlement' || input.claims.reduce((s, c) => s + c.amountCents, 0) / input.capacityCents <= 600);

const RUNS = { numRuns: 300 };

describe('plan invariants (RULES.md §2), over random plans', () => {
  it('1: each month pays exactly the capacity, or what is left in the last month', () => {
    fc.assert(
      fc.property(inputArbitrary, (input) => {
        const plan = computePlan(input);
        plan.months.forEach((month, m) => {
          const paid = month.payments.reduce((s, p) => s + p.amountCents, 0);
          const expected = m < plan.months.length - 1 ? input.capacityCents : plan.totalPaidCents - (plan.months.length - 1) * input.capacityCents;
          expect(paid).toBe(expected);
        });
        expect(plan.claims.reduce((s, c) => s + c.totalPaidCents, 0)).toBe(plan.totalPaidCents);
      }),
      RUNS,
    );
  });

  it('2: no claim ever receives more than it is owed', () => {
    fc.assert(
      fc.property(inputArbitrary, (input) => {
        const plan = computePlan(input);
        const last = cumulativePaid(plan).at(-1) ?? [];
        plan.claims.forEach((c, i) => {
          expect(last[i] ?? 0).toBeLessThanOrEqual(c.amountCents);
          expect(c.totalPaidCents + c.forgivenCents).toBe(c.amountCents);
        });
        for (const month of plan.months) for (const p of month.payments) expect(p.amountCents).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  it('3: no drift: after every month each claim is less than a cent from its exact entitlement', () => {
    fc.assert(
      fc.property(inputArbitrary, (input) => {
        const plan = computePlan(input);
        const exact = exactEntitlements(input, plan);
        cumulativePaid(plan).forEach((row, m) => {
          row.forEach((paid, i) => {
            const e = exact[m]?.[i] as Rational;
            expect(BigInt(paid) >= floorOf(e) && BigInt(paid) <= ceilOf(e)).toBe(true);
          });
        });
      }),
      RUNS,
    );
  });

  it('4: the same claims in another order give the same amounts per claim', () => {
    fc.assert(
      fc.property(inputArbitrary, fc.nat(), (input, seed) => {
        const shuffled = [...input.claims].sort((a, b) => ((a.id.charCodeAt(6) * 31 + seed) % 17) - ((b.id.charCodeAt(6) * 31 + seed) % 17) || (seed % 2 === 0 ? 1 : -1));
        const a = computePlan(input);
        const b = computePlan({ ...input, claims: shuffled });
        expect(b.months).toEqual(a.months);
        expect(b.claims).toEqual(a.claims);
      }),
      { numRuns: 100 },
    );
  });

  it('5: a share below the minimum instalment is held until it reaches it, never dropped', () => {
    fc.assert(
      fc.property(inputArbitrary, fc.integer({ min: 1, max: 2_000 }), (input, minimum) => {
        const withMinimum = computePlan({ ...input, minimumInstalmentCents: minimum });
        const without = computePlan(input);
        // Nothing is lost: every claim ends with the same total.
        expect(withMinimum.claims).toEqual(without.claims);
        const lastPayment = new Map<string, number>();
        withMinimum.months.forEach((month) => month.payments.forEach((p) => lastPayment.set(p.claimId, month.month)));
        withMinimum.months.forEach((month, m) => {
          const paid = month.payments.reduce((s, p) => s + p.amountCents, 0);
          const heldBefore = m === 0 ? 0 : (withMinimum.months[m - 1]?.heldCents ?? 0);
          const owedThisMonth = without.months[m]?.payments.reduce((s, p) => s + p.amountCents, 0) ?? 0;
          // What comes in is paid out or held: paid + held now = held before + this month's money.
          expect(paid + (month.heldCents ?? 0)).toBe(heldBefore + owedThisMonth);
          for (const p of month.payments) {
            if (lastPayment.get(p.claimId) !== month.month && month.month !== withMinimum.months.length) expect(p.amountCents).toBeGreaterThanOrEqual(minimum);
          }
        });
        expect(withMinimum.months.at(-1)?.heldCents ?? 0).toBe(0);
      }),
      { numRuns: 150 },
    );
  });

  it('settlement: ordinary claims get one percentage, preferential ones the weight times it (capped at 100%)', () => {
    fc.assert(
      fc.property(inputArbitrary, (input) => {
        const plan = computePlan({ ...input, mode: 'settlement' });
        const total = input.claims.reduce((s, c) => s + c.amountCents, 0);
        const pot = Math.min(input.capacityCents * (input.termMonths ?? 18), total);
        expect(plan.totalPaidCents).toBe(pot);
        expect(plan.months.length).toBeLessThanOrEqual(input.termMonths ?? 18);
        const final = exactEntitlements({ ...input, mode: 'settlement' }, plan).at(-1) ?? [];
        plan.claims.forEach((c, i) => {
          const e = final[i] as Rational;
          expect(BigInt(c.totalPaidCents) >= floorOf(e) && BigInt(c.totalPaidCents) <= ceilOf(e)).toBe(true);
        });
      }),
      RUNS,
    );
  });
});

describe('capacity 0 (RULES.md §2 invariant 6)', () => {
  it('is a valid plan with no payments that says so', () => {
    for (const mode of ['repayment', 'settlement'] as const) {
      const plan = computePlan({ mode, capacityCents: 0, claims: [{ id: 'a', creditorId: 'x', amountCents: 10_000, preferential: false }] });
      expect(plan.zeroOffer).toBe(true);
      expect(plan.months).toEqual([]);
      expect(plan.totalPaidCents).toBe(0);
      expect(plan.claims[0]?.forgivenCents).toBe(10_000);
      expect(plan.steps.map((s) => s.code)).toContain('ZERO_CAPACITY');
    }
  });
});
