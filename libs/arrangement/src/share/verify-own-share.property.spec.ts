import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { computePlan } from '../plan/compute-plan.js';
import { MAX_PLAN_MONTHS, type PlanInput } from '../plan/plan-input.js';
import { discloseShareTo, type OwnShareEntry } from './creditor-share-disclosure.js';
import { commitPlanShares } from './share-commitment.js';
import { verifyOwnShare } from './verify-own-share.js';

/** Fixed-width ids with hyphens, so no id is part of another and none can occur inside base64. */
const creditorIdOf = (n: number): string => `creditor-${String(n).padStart(2, '0')}-x`;

const planInput: fc.Arbitrary<PlanInput> = fc
  .record({
    claims: fc.array(
      fc.record({ creditor: fc.integer({ min: 0, max: 7 }), amountCents: fc.integer({ min: 1, max: 10_000_000 }), preferential: fc.boolean() }),
      { minLength: 1, maxLength: 20 },
    ),
    mode: fc.constantFrom('repayment' as const, 'settlement' as const),
    capacityCents: fc.integer({ min: 1, max: 1_000_000 }),
    termMonths: fc.integer({ min: 1, max: 60 }),
    preferentialWeight: fc.constantFrom(1, 1.5, 2),
    minimumInstalmentCents: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 2_000 })),
  })
  .map(({ claims, mode, capacityCents, ...rest }): PlanInput => {
    const total = claims.reduce((sum, claim) => sum + claim.amountCents, 0);
    return {
      ...rest,
      mode,
      // A repayment longer than MAX_PLAN_MONTHS is refused by the engine, so keep it within.
      capacityCents: mode === 'repayment' ? Math.max(capacityCents, Math.ceil(total / MAX_PLAN_MONTHS)) : capacityCents,
      claims: claims.map((claim, i) => ({
        id: `claim-${String(i).padStart(2, '0')}-x`,
        creditorId: creditorIdOf(claim.creditor),
        amountCents: claim.amountCents,
        preferential: claim.preferential,
      })),
    };
  });

describe('verifyOwnShare over random plans', () => {
  it("accepts every creditor's honest disclosure, and each names no other creditor's claims", () => {
    fc.assert(
      fc.property(planInput, (input) => {
        const plan = computePlan(input);
        const commitment = commitPlanShares({ plan });
        for (const creditorId of new Set(input.claims.map((claim) => claim.creditorId))) {
          const disclosure = discloseShareTo({ plan, commitment, creditorId, settlementTermMonths: input.termMonths });
          expect(verifyOwnShare({ disclosure })).toEqual({ ok: true });
          const text = JSON.stringify(disclosure);
          for (const other of input.claims) {
            if (other.creditorId === creditorId) continue;
            expect(text).not.toContain(other.id);
            expect(text).not.toContain(other.creditorId);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('refuses a share whose first payment is 2 cents more and whose last is 2 cents less (no minimum)', () => {
    // Honest cumulative amounts are within [floor, ceil] of the entitlement, a band one cent wide:
    // 2 cents early always leave it, so the verifier must notice.
    const movable = (entry: OwnShareEntry): boolean => entry.monthly.length >= 2 && (entry.monthly[entry.monthly.length - 1]?.amountCents ?? 0) > 2;
    fc.assert(
      fc.property(planInput, (input) => {
        const plan = computePlan({ ...input, minimumInstalmentCents: 0 });
        const commitment = commitPlanShares({ plan });
        for (const creditorId of new Set(input.claims.map((claim) => claim.creditorId))) {
          const disclosure = discloseShareTo({ plan, commitment, creditorId, settlementTermMonths: input.termMonths });
          const target = disclosure.ownEntries.find(movable);
          if (target === undefined) continue;
          const last = target.monthly.length - 1;
          const monthly = target.monthly.map((row, i) => (i === 0 ? { ...row, amountCents: row.amountCents + 2 } : i === last ? { ...row, amountCents: row.amountCents - 2 } : row));
          const tampered = { ...disclosure, ownEntries: disclosure.ownEntries.map((entry) => (entry === target ? { ...entry, monthly } : entry)) };
          const result = verifyOwnShare({ disclosure: tampered });
          expect(result.ok ? [] : result.problems.map((p) => [p.code, p.claimId])).toEqual([['SHARE_MISMATCH', target.claimId]]);
        }
      }),
      { numRuns: 100 },
    );
  });
});
