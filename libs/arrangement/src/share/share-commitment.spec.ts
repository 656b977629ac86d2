import { describe, expect, it } from '@jest/globals';
import { canonicalJsonBytes, fromBase64, leafHash, rootHash, toBase64 } from '#ledger-core';
import { computePlan } from '../plan/compute-plan.js';
import { commitPlanShares, shareLeafBytes, SHARE_NONCE_BYTES } from './share-commitment.js';

const plan = computePlan({
  mode: 'repayment',
  capacityCents: 25_000,
  preferentialWeight: 1.5,
  claims: [
    { id: 'claim-c', creditorId: 'creditor-z', amountCents: 30_000, preferential: false },
    { id: 'claim-a', creditorId: 'creditor-x', amountCents: 120_000, preferential: true },
    { id: 'claim-b', creditorId: 'creditor-y', amountCents: 45_500, preferential: false },
  ],
});

const fixedNonces = new Map(plan.claims.map((claim, i) => [claim.claimId, toBase64(new Uint8Array(SHARE_NONCE_BYTES).fill(i + 1))]));

describe('commitPlanShares', () => {
  it('makes one leaf per claim in claim-id order, with the integer weight factor', () => {
    const commitment = commitPlanShares({ plan, nonces: fixedNonces });
    expect(commitment.treeSize).toBe(3);
    expect(commitment.entries.map((entry) => [entry.index, entry.claimId, entry.weightFactor])).toEqual([
      [0, 'claim-a', 3],
      [1, 'claim-b', 2],
      [2, 'claim-c', 2],
    ]);
  });

  it('hashes the RFC 8785 canonical JSON of exactly the five committed fields', () => {
    const commitment = commitPlanShares({ plan, nonces: fixedNonces });
    const [first] = commitment.entries;
    if (first === undefined) throw new Error('no entry');
    expect(new TextDecoder().decode(shareLeafBytes({ leaf: first }))).toBe(
      `{"amountCents":120000,"claimId":"claim-a","creditorId":"creditor-x","nonce":"${first.nonce}","weightFactor":3}`,
    );
    const expected = rootHash(
      commitment.entries.map((e) => leafHash(canonicalJsonBytes({ claimId: e.claimId, creditorId: e.creditorId, amountCents: e.amountCents, weightFactor: e.weightFactor, nonce: e.nonce }))),
    );
    expect(commitment.rootHash).toBe(toBase64(expected));
  });

  it('is reproducible with given nonces and hides entries behind fresh random ones otherwise', () => {
    expect(commitPlanShares({ plan, nonces: fixedNonces }).rootHash).toBe(commitPlanShares({ plan, nonces: fixedNonces }).rootHash);
    const a = commitPlanShares({ plan });
    const b = commitPlanShares({ plan });
    expect(a.rootHash).not.toBe(b.rootHash);
    for (const entry of a.entries) expect(fromBase64(entry.nonce).byteLength).toBe(SHARE_NONCE_BYTES);
    expect(new Set(a.entries.map((entry) => entry.nonce)).size).toBe(a.entries.length);
  });

  it('refuses a missing or short nonce', () => {
    const missing = new Map(fixedNonces);
    missing.delete('claim-b');
    expect(() => commitPlanShares({ plan, nonces: missing })).toThrow(/claim-b/);
    const short = new Map(fixedNonces).set('claim-c', toBase64(new Uint8Array(16)));
    expect(() => commitPlanShares({ plan, nonces: short })).toThrow(/claim-c/);
  });
});
