import { describe, expect, it } from '@jest/globals';
import { computePlan } from '../plan/compute-plan.js';
import type { PlanClaim, PlanInput } from '../plan/plan-input.js';
import { discloseShareTo } from './creditor-share-disclosure.js';
import { commitPlanShares } from './share-commitment.js';

const claims: PlanClaim[] = [
  { id: 'bd-2024-ib-0001', creditorId: 'belastingdienst', amountCents: 100_000, preferential: true },
  { id: 'gu-2024-woz-0002', creditorId: 'gemeente-utrecht', amountCents: 50_000, preferential: false },
  { id: 'gu-2023-afval-0003', creditorId: 'gemeente-utrecht', amountCents: 12_345, preferential: false },
  { id: 'eneco-2024-0004', creditorId: 'eneco-energie', amountCents: 200_000, preferential: false },
  { id: 'zk-2024-premie-0005', creditorId: 'zilveren-kruis', amountCents: 150_000, preferential: false },
];
const input: PlanInput = { mode: 'settlement', capacityCents: 10_000, termMonths: 18, claims };

describe('discloseShareTo', () => {
  const plan = computePlan(input);
  const commitment = commitPlanShares({ plan });

  it("holds the plan-wide figures and the creditor's own entries with proofs and payments", () => {
    const disclosure = discloseShareTo({ plan, commitment, creditorId: 'gemeente-utrecht', settlementTermMonths: 18 });
    expect(disclosure).toMatchObject({
      creditorId: 'gemeente-utrecht',
      mode: 'settlement',
      capacityCents: 10_000,
      termMonths: 18,
      settlementTermMonths: 18,
      preferentialWeight: 2,
      minimumInstalmentCents: 0,
      weightFactors: { preferential: 2, ordinary: 1 },
      weightedTotal: 2 * 100_000 + 50_000 + 12_345 + 200_000 + 150_000,
      preferentialTotalCents: 100_000,
      ordinaryTotalCents: 412_345,
      treeSize: 5,
      rootHash: commitment.rootHash,
    });
    expect(disclosure.ownEntries.map((entry) => entry.claimId)).toEqual(['gu-2023-afval-0003', 'gu-2024-woz-0002']);
    for (const entry of disclosure.ownEntries) {
      const result = plan.claims.find((claim) => claim.claimId === entry.claimId);
      expect(entry.totalPaidCents).toBe(result?.totalPaidCents);
      expect(entry.monthly.reduce((sum, row) => sum + row.amountCents, 0)).toBe(entry.totalPaidCents);
      expect(entry.inclusionProof.length).toBeGreaterThan(0);
    }
  });

  it("names no other creditor and none of their claims", () => {
    for (const creditorId of new Set(claims.map((claim) => claim.creditorId))) {
      const text = JSON.stringify(discloseShareTo({ plan, commitment, creditorId }));
      for (const other of claims.filter((claim) => claim.creditorId !== creditorId)) {
        expect(text).not.toContain(other.id);
        expect(text).not.toContain(other.creditorId);
      }
    }
  });

  it('leaves the class totals out when the weights are equal (one phase: W is all it takes)', () => {
    const equal = computePlan({ ...input, mode: 'repayment', preferentialWeight: 1 });
    const disclosure = discloseShareTo({ plan: equal, commitment: commitPlanShares({ plan: equal }), creditorId: 'eneco-energie' });
    expect(disclosure).not.toHaveProperty('preferentialTotalCents');
    expect(disclosure).not.toHaveProperty('ordinaryTotalCents');
    expect(disclosure).not.toHaveProperty('settlementTermMonths');
    expect(disclosure.weightedTotal).toBe(512_345);
  });

  it('refuses a creditor without claims, a commitment over another plan and a term that does not give the pot', () => {
    expect(() => discloseShareTo({ plan, commitment, creditorId: 'waternet' })).toThrow(/no claim/);
    const other = computePlan({ ...input, claims: claims.slice(1) });
    expect(() => discloseShareTo({ plan, commitment: commitPlanShares({ plan: other }), creditorId: 'belastingdienst' })).toThrow(/commitment/);
    expect(() => discloseShareTo({ plan, commitment, creditorId: 'belastingdienst', settlementTermMonths: 12 })).toThrow(/pot/);
  });
});
