import { describe, expect, it } from '@jest/globals';
import { computePlan } from '../plan/compute-plan.js';
import type { PlanClaim, PlanInput } from '../plan/plan-input.js';
import { discloseShareTo, type CreditorShareDisclosure, type OwnShareEntry } from './creditor-share-disclosure.js';
import { commitPlanShares } from './share-commitment.js';
import { verifyOwnShare, type ShareProblemCode } from './verify-own-share.js';

const claims: PlanClaim[] = [
  { id: 'bd-2024-ib-0001', creditorId: 'belastingdienst', amountCents: 100_000, preferential: true },
  { id: 'uwv-2024-ww-0006', creditorId: 'uwv', amountCents: 33_333, preferential: true },
  { id: 'gu-2024-woz-0002', creditorId: 'gemeente-utrecht', amountCents: 50_000, preferential: false },
  { id: 'gu-2023-afval-0003', creditorId: 'gemeente-utrecht', amountCents: 12_345, preferential: false },
  { id: 'eneco-2024-0004', creditorId: 'eneco-energie', amountCents: 200_000, preferential: false },
  { id: 'zk-2024-premie-0005', creditorId: 'zilveren-kruis', amountCents: 150_001, preferential: false },
];
const creditors = [...new Set(claims.map((claim) => claim.creditorId))];

function disclosuresOf(input: PlanInput): Map<string, CreditorShareDisclosure> {
  const plan = computePlan(input);
  const commitment = commitPlanShares({ plan });
  return new Map(creditors.map((creditorId) => [creditorId, discloseShareTo({ plan, commitment, creditorId, settlementTermMonths: input.termMonths })]));
}

function codes(disclosure: CreditorShareDisclosure): ShareProblemCode[] {
  const result = verifyOwnShare({ disclosure });
  return result.ok ? [] : result.problems.map((p) => p.code);
}

/** The disclosure with its first own entry changed. */
function withFirstEntry(disclosure: CreditorShareDisclosure, change: (entry: OwnShareEntry) => OwnShareEntry): CreditorShareDisclosure {
  return { ...disclosure, ownEntries: disclosure.ownEntries.map((entry, i) => (i === 0 ? change(entry) : entry)) };
}

const repayment: PlanInput = { mode: 'repayment', capacityCents: 12_345, claims };
const cases: [string, PlanInput][] = [
  ['repayment, weight 2 (two phases)', repayment],
  ['repayment, weight 1.5', { ...repayment, preferentialWeight: 1.5 }],
  ['repayment, weight 1 (one phase)', { ...repayment, preferentialWeight: 1 }],
  ['repayment with a minimum instalment', { ...repayment, capacityCents: 3_001, minimumInstalmentCents: 500 }],
  ['settlement, pot below the weighted phase 1', { mode: 'settlement', capacityCents: 5_000, termMonths: 18, claims }],
  ['settlement, preferential claims paid in full', { mode: 'settlement', capacityCents: 20_000, termMonths: 18, claims }],
  ['settlement that pays everything', { mode: 'settlement', capacityCents: 100_000, termMonths: 18, claims }],
  ['capacity 0 (nul-aanbod)', { mode: 'settlement', capacityCents: 0, termMonths: 18, claims }],
];

describe('verifyOwnShare', () => {
  it.each(cases)('accepts every creditor’s honest disclosure: %s', (_name, input) => {
    for (const [creditorId, disclosure] of disclosuresOf(input)) {
      expect([creditorId, verifyOwnShare({ disclosure })]).toEqual([creditorId, { ok: true }]);
    }
  });

  const honest = disclosuresOf(repayment);
  const utrecht = honest.get('gemeente-utrecht') as CreditorShareDisclosure;

  it('refuses a tampered monthly amount: SHARE_MISMATCH at the month it shows', () => {
    const tampered = withFirstEntry(utrecht, (entry) => ({
      ...entry,
      monthly: entry.monthly.map((row, i) => (i === 0 ? { ...row, amountCents: row.amountCents + 1 } : row)),
      totalPaidCents: entry.totalPaidCents + 1,
    }));
    const result = verifyOwnShare({ disclosure: tampered });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.code)).toEqual(['SHARE_MISMATCH']);
    expect(result.problems[0]).toMatchObject({ claimId: utrecht.ownEntries[0]?.claimId });
    expect(result.problems[0]?.month).toBeGreaterThan(0);
  });

  it('refuses months that do not add up to the total: SHARE_TOTALS_INCONSISTENT', () => {
    const tampered = withFirstEntry(utrecht, (entry) => ({ ...entry, totalPaidCents: entry.totalPaidCents - 1 }));
    expect(codes(tampered)).toEqual(['SHARE_TOTALS_INCONSISTENT']);
  });

  it('refuses a tampered weighted total: SHARE_TOTALS_INCONSISTENT', () => {
    expect(codes({ ...utrecht, weightedTotal: utrecht.weightedTotal + 1 })).toEqual(['SHARE_TOTALS_INCONSISTENT']);
    expect(codes({ ...utrecht, weightedTotal: utrecht.weightedTotal - 2 })).toEqual(['SHARE_TOTALS_INCONSISTENT']);
  });

  it('refuses consistent but false class totals: the payments no longer follow', () => {
    // 1,000.00 more ordinary debt, W raised to match, capacity chosen so the term stays the same.
    const shifted = { ...utrecht, ordinaryTotalCents: (utrecht.ordinaryTotalCents ?? 0) + 100_000, weightedTotal: utrecht.weightedTotal + 100_000 };
    expect(codes(shifted)).toContain('SHARE_TOTALS_INCONSISTENT');
    const slower = { ...shifted, capacityCents: Math.ceil((shifted.ordinaryTotalCents + (utrecht.preferentialTotalCents ?? 0)) / utrecht.termMonths) };
    expect(codes(slower)).toContain('SHARE_MISMATCH');
  });

  it('refuses a tampered claim amount or weight factor: SHARE_PROOF_INVALID (the leaf is committed)', () => {
    expect(codes(withFirstEntry(utrecht, (entry) => ({ ...entry, amountCents: entry.amountCents + 1 })))).toContain('SHARE_PROOF_INVALID');
    expect(codes(withFirstEntry(utrecht, (entry) => ({ ...entry, weightFactor: 2 })))).toContain('SHARE_PROOF_INVALID');
  });

  it('refuses a swapped proof hash: SHARE_PROOF_INVALID', () => {
    const swapped = withFirstEntry(utrecht, (entry) => {
      const [a, b, ...rest] = entry.inclusionProof;
      if (a === undefined || b === undefined) throw new Error('the fixture needs a proof of two hashes or more');
      return { ...entry, inclusionProof: [b, a, ...rest] };
    });
    expect(codes(swapped)).toEqual(['SHARE_PROOF_INVALID']);
    const dropped = withFirstEntry(utrecht, (entry) => ({ ...entry, inclusionProof: entry.inclusionProof.slice(1) }));
    expect(codes(dropped)).toEqual(['SHARE_PROOF_INVALID']);
  });

  it('refuses a wrong root: SHARE_PROOF_INVALID for every own entry', () => {
    const otherRoot = (honest.get('eneco-energie') as CreditorShareDisclosure).rootHash;
    const fresh = disclosuresOf(repayment).get('gemeente-utrecht') as CreditorShareDisclosure;
    expect(fresh.rootHash).not.toBe(utrecht.rootHash);
    expect(otherRoot).toBe(utrecht.rootHash);
    const result = verifyOwnShare({ disclosure: { ...utrecht, rootHash: fresh.rootHash } });
    expect(result.ok ? [] : result.problems.map((p) => [p.code, p.claimId])).toEqual(utrecht.ownEntries.map((entry) => ['SHARE_PROOF_INVALID', entry.claimId]));
    expect(codes({ ...utrecht, rootHash: 'not base64!' })).toEqual(['SHARE_PROOF_INVALID']);
  });

  it("checks the entries against the node's own records when it passes them", () => {
    const known = utrecht.ownEntries.map((entry) => ({ claimId: entry.claimId, amountCents: entry.amountCents, preferential: false }));
    expect(verifyOwnShare({ disclosure: utrecht, knownClaims: known })).toEqual({ ok: true });
    const problems = (knownClaims: typeof known): unknown => {
      const result = verifyOwnShare({ disclosure: utrecht, knownClaims });
      return result.ok ? [] : result.problems.map((p) => [p.code, p.claimId]);
    };
    const [first, second] = known;
    if (first === undefined || second === undefined) throw new Error('the fixture needs two claims');
    expect(problems([{ ...first, amountCents: first.amountCents + 100 }, second])).toEqual([['SHARE_CLAIM_DIFFERS', first.claimId]]);
    expect(problems([{ ...first, preferential: true }, second])).toEqual([['SHARE_CLAIM_DIFFERS', first.claimId]]);
    expect(problems([second])).toEqual([['SHARE_CLAIM_DIFFERS', first.claimId]]);
    expect(problems([...known, { claimId: 'gu-2024-extra', amountCents: 1, preferential: false }])).toEqual([['SHARE_CLAIM_DIFFERS', 'gu-2024-extra']]);
  });

  it('refuses malformed data without throwing', () => {
    const broken: unknown[] = [
      { ...utrecht, capacityCents: 12.5 },
      { ...utrecht, mode: 'lottery' },
      { ...utrecht, ownEntries: [] },
      { ...utrecht, preferentialTotalCents: undefined },
      withFirstEntry(utrecht, (entry) => ({ ...entry, nonce: 'AAAA' })),
      withFirstEntry(utrecht, (entry) => ({ ...entry, monthly: [...entry.monthly].reverse() })),
      { ...utrecht, ownEntries: [utrecht.ownEntries[0], utrecht.ownEntries[0]] },
      { ...utrecht, ownEntries: [null] },
      { ...utrecht, weightFactors: undefined },
      { ...utrecht, rootHash: 42 },
      null,
    ];
    for (const disclosure of broken) expect(codes(disclosure as CreditorShareDisclosure)).toContain('SHARE_MALFORMED');
    expect(codes({ ...utrecht, capacityCents: Number.MAX_SAFE_INTEGER, mode: 'settlement', settlementTermMonths: 18 })).toContain('SHARE_MALFORMED');
  });
});
