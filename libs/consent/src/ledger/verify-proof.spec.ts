import { describe, expect, it } from '@jest/globals';
import { EMPTY_ROOT, fromHex, leafHash, nodeHash } from './hashing.js';
import { MemorySubtreeReader } from './memory-subtree-reader.js';
import { consistencyProof, inclusionProof, rootHash } from './merkle-tree.js';
import { sampleLeafHashes } from './testdata/sample-leaves.js';
import { checkConsistency, checkInclusion, verifyConsistency, verifyInclusion, type ProofFailureReason } from './verify-proof.js';

const leaves = sampleLeafHashes(20);
const reader = new MemorySubtreeReader(leaves);
const root = (n: number): Uint8Array => rootHash(leaves.slice(0, n));
const someHash = fromHex('abacaba000000000000000000000000000000000000000000060061e00123456');
const leaf = (i: number): Uint8Array => leaves[i] as Uint8Array;

/** A valid inclusion proof of leaf 5 in the tree of 13, to break one aspect at a time. */
const inclusion = { index: 5, treeSize: 13, leafHash: leaf(5), proof: inclusionProof({ index: 5, treeSize: 13, reader }), rootHash: root(13) };
/** A valid consistency proof from 6 to 13 leaves. */
const consistency = { from: 6, to: 13, fromRoot: root(6), toRoot: root(13), proof: consistencyProof({ from: 6, to: 13, reader }) };

const inclusionReason = (changed: Partial<Record<keyof typeof inclusion, unknown>>): ProofFailureReason | 'ok' => {
  // Deliberately ill-typed input: the verifier must cope with whatever the network sends.
  const check = checkInclusion({ ...inclusion, ...changed } as typeof inclusion);
  return check.ok ? 'ok' : check.reason;
};
const consistencyReason = (changed: Partial<Record<keyof typeof consistency, unknown>>): ProofFailureReason | 'ok' => {
  const check = checkConsistency({ ...consistency, ...changed } as typeof consistency);
  return check.ok ? 'ok' : check.reason;
};

describe('checkInclusion (RFC 9162 §2.1.3.2)', () => {
  it('accepts a valid proof, and verifyInclusion says yes', () => {
    expect(checkInclusion(inclusion)).toEqual({ ok: true });
    expect(verifyInclusion(inclusion)).toBe(true);
  });

  it('names the reason for each kind of bad input', () => {
    const p = inclusion.proof;
    expect(inclusionReason({ proof: [...p, someHash] })).toBe('proof too long');
    expect(inclusionReason({ proof: p.slice(0, -1) })).toBe('proof too short');
    expect(inclusionReason({ proof: [someHash, ...p.slice(1)] })).toBe('root mismatch');
    expect(inclusionReason({ leafHash: leaf(6) })).toBe('root mismatch');
    expect(inclusionReason({ index: 13 })).toBe('index out of range');
    expect(inclusionReason({ index: 99, treeSize: 0 })).toBe('index out of range');
    expect(inclusionReason({ index: -1 })).toBe('invalid index');
    expect(inclusionReason({ index: 2 ** 64 - 1 })).toBe('invalid index');
    expect(inclusionReason({ index: 1.5 })).toBe('invalid index');
    expect(inclusionReason({ treeSize: -13 })).toBe('invalid tree size');
    expect(inclusionReason({ treeSize: Number.NaN })).toBe('invalid tree size');
    expect(inclusionReason({ leafHash: new Uint8Array(0) })).toBe('malformed hash');
    expect(inclusionReason({ rootHash: root(13).subarray(1) })).toBe('malformed hash');
    expect(inclusionReason({ proof: [...p.slice(0, 2), new Uint8Array(33), ...p.slice(3)] })).toBe('malformed hash');
    expect(inclusionReason({ proof: 'not a proof' })).toBe('malformed proof');
  });

  it('never throws on garbage that arrives from the network', () => {
    const garbage: unknown[] = [undefined, null, 1, 'x', {}, [null], [1, 2], [new Uint16Array(16)], Number.POSITIVE_INFINITY, 10n];
    for (const value of garbage) {
      for (const key of ['index', 'treeSize', 'leafHash', 'proof', 'rootHash'] as const) {
        expect(() => checkInclusion({ ...inclusion, [key]: value })).not.toThrow();
        expect(verifyInclusion({ ...inclusion, [key]: value })).toBe(false);
      }
    }
  });

  it('reports too long before hashing anything, even for a huge proof', () => {
    const check = checkInclusion({ ...inclusion, proof: Array.from({ length: 10_000 }, () => someHash) });
    expect(check).toEqual({ ok: false, reason: 'proof too long', detail: 'The inclusion proof has 10000 hashes, expected 4.' });
  });

  it('handles the single-leaf tree: the leaf hash is the root and the proof is empty (proof/verify_test.go)', () => {
    const hash = leafHash(new TextEncoder().encode('data'));
    const single = (leafHashValue: Uint8Array, rootHashValue: Uint8Array): boolean =>
      verifyInclusion({ index: 0, treeSize: 1, leafHash: leafHashValue, proof: [], rootHash: rootHashValue });
    expect(single(hash, hash)).toBe(true);
    expect(single(hash, new Uint8Array(0))).toBe(false);
    expect(single(new Uint8Array(0), hash)).toBe(false);
    expect(single(new Uint8Array(0), new Uint8Array(0))).toBe(false);
    // Index/size pairs without a leaf never verify, whatever the hashes (proof/verify_test.go TestVerifyInclusion).
    for (const [index, treeSize] of [
      [0, 0],
      [1, 0],
      [2, 1],
    ] as const) {
      expect(verifyInclusion({ index, treeSize, leafHash: someHash, proof: [], rootHash: EMPTY_ROOT })).toBe(false);
      expect(verifyInclusion({ index, treeSize, leafHash: someHash, proof: [], rootHash: someHash })).toBe(false);
    }
    expect(verifyInclusion({ index: 0, treeSize: 1, leafHash: someHash, proof: [], rootHash: EMPTY_ROOT })).toBe(false);
  });

  it('works for sizes beyond 32 bits, where bit operators would silently wrap', () => {
    // The last leaf of a tree of 2^32 + 1 leaves: its proof is the one left sibling, MTH of [0, 2^32).
    const firstPart = someHash;
    const last = leaf(0);
    const params = { index: 2 ** 32, treeSize: 2 ** 32 + 1, leafHash: last, proof: [firstPart], rootHash: nodeHash(firstPart, last) };
    expect(checkInclusion(params)).toEqual({ ok: true });
    // Read with 32-bit arithmetic, 2^32 would be leaf 0 of a 1-leaf tree.
    expect(verifyInclusion({ ...params, index: 0 })).toBe(false);
    expect(verifyInclusion({ ...params, index: 2 ** 32 - 1 })).toBe(false);
    expect(verifyConsistency({ from: 2 ** 32, to: 2 ** 32 + 1, fromRoot: firstPart, toRoot: params.rootHash, proof: [last] })).toBe(true);
  });
});

describe('checkConsistency (RFC 9162 §2.1.4.2)', () => {
  it('accepts a valid proof, and verifyConsistency says yes', () => {
    expect(checkConsistency(consistency)).toEqual({ ok: true });
    expect(verifyConsistency(consistency)).toBe(true);
  });

  it('names the reason for each kind of bad input', () => {
    const p = consistency.proof;
    expect(consistencyReason({ proof: [...p, someHash] })).toBe('proof too long');
    expect(consistencyReason({ proof: p.slice(0, -1) })).toBe('proof too short');
    expect(consistencyReason({ proof: [] })).toBe('empty proof');
    expect(consistencyReason({ fromRoot: someHash })).toBe('first root mismatch');
    expect(consistencyReason({ toRoot: someHash })).toBe('second root mismatch');
    expect(consistencyReason({ from: 14 })).toBe('tree shrank');
    expect(consistencyReason({ from: -1 })).toBe('invalid tree size');
    expect(consistencyReason({ to: 2 ** 53 })).toBe('invalid tree size');
    expect(consistencyReason({ toRoot: new Uint8Array(31) })).toBe('malformed hash');
    expect(consistencyReason({ proof: [new Uint8Array(0), ...p] })).toBe('malformed hash');
    expect(consistencyReason({ proof: {} })).toBe('malformed proof');
  });

  it('follows the transparency-dev conventions for equal sizes and the empty tree', () => {
    const check = (from: number, to: number, fromRoot: Uint8Array, toRoot: Uint8Array, proof: Uint8Array[]): ProofFailureReason | 'ok' => {
      const result = checkConsistency({ from, to, fromRoot, toRoot, proof });
      return result.ok ? 'ok' : result.reason;
    };
    const r1 = root(1);
    const r2 = root(2);
    expect(check(0, 0, EMPTY_ROOT, EMPTY_ROOT, [])).toBe('ok');
    expect(check(0, 0, r1, r2, [])).toBe('roots differ');
    expect(check(1, 1, r1, r1, [])).toBe('ok');
    expect(check(1, 1, r1, r2, [])).toBe('roots differ');
    expect(check(1, 1, r1, r1, [EMPTY_ROOT])).toBe('proof not empty');
    expect(check(0, 1, EMPTY_ROOT, r1, [])).toBe('ok');
    // Nothing to compare for the empty tree: any 32-byte first root is accepted, as upstream does.
    expect(check(0, 1, r2, r1, [])).toBe('ok');
    expect(check(0, 1, EMPTY_ROOT, r1, [EMPTY_ROOT])).toBe('proof not empty');
    expect(check(1, 0, r1, r2, [])).toBe('tree shrank');
    expect(check(2, 1, r1, r2, [])).toBe('tree shrank');
    expect(check(1, 2, r1, r2, [])).toBe('empty proof');
    // Stricter than upstream: roots are SHA-256 digests, so "don't care" roots of other lengths are refused.
    expect(check(1, 1, new Uint8Array(12), new Uint8Array(12), [])).toBe('malformed hash');
  });

  it('never throws on garbage that arrives from the network', () => {
    const garbage: unknown[] = [undefined, null, -1, 'x', {}, [undefined], [1], Number.NaN, 2n ** 70n];
    for (const value of garbage) {
      for (const key of ['from', 'to', 'fromRoot', 'toRoot', 'proof'] as const) {
        expect(() => checkConsistency({ ...consistency, [key]: value })).not.toThrow();
        expect(verifyConsistency({ ...consistency, [key]: value })).toBe(false);
      }
    }
  });

  it('prepends the old root itself when the old size is a power of two', () => {
    const proof = consistencyProof({ from: 8, to: 13, reader });
    expect(verifyConsistency({ from: 8, to: 13, fromRoot: root(8), toRoot: root(13), proof })).toBe(true);
    // The old root is implied, so sending it as well makes the proof one too long.
    expect(checkConsistency({ from: 8, to: 13, fromRoot: root(8), toRoot: root(13), proof: [root(8), ...proof] })).toMatchObject({ ok: false, reason: 'proof too long' });
  });
});
