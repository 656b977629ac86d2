import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { hashesEqual, toHex } from './hashing.js';
import { MemorySubtreeReader } from './memory-subtree-reader.js';
import { consistencyProof, inclusionProof, inclusionProofRanges, rootFromReader, rootHash } from './merkle-tree.js';
import { sampleLeafHashes } from './testdata/sample-leaves.js';
import { verifyConsistency, verifyInclusion } from './verify-proof.js';

/**
 * Property tests over every tree size 1..MAX_SIZE. Hashes are computed once: one reader over all
 * leaves serves every earlier tree size (as the ledger must), and the roots come from the literal
 * RFC definition (`rootHash`), independent of the reader and of the proof code.
 */
const MAX_SIZE = 512;
const LEAVES = sampleLeafHashes(MAX_SIZE + 16);
const reader = new MemorySubtreeReader(LEAVES);
const ROOTS = Array.from({ length: MAX_SIZE + 17 }, (_, n) => rootHash(LEAVES.slice(0, n)));
const root = (n: number): Uint8Array => ROOTS[n] as Uint8Array;
const leaf = (i: number): Uint8Array => LEAVES[i] as Uint8Array;
const sizes = Array.from({ length: MAX_SIZE }, (_, i) => i + 1);

const flipBit = (proof: readonly Uint8Array[], element: number, bit: number): Uint8Array[] =>
  proof.map((hash, i) => (i === element ? Uint8Array.from(hash, (b, k) => (k === bit >> 3 ? b ^ (1 << (bit & 7)) : b)) : hash));
const swap = (proof: readonly Uint8Array[], i: number, j: number): Uint8Array[] =>
  proof.map((hash, k) => (k === i ? (proof[j] as Uint8Array) : k === j ? (proof[i] as Uint8Array) : hash));
/** Proof-element choice: which element, which bit, a second distinct element and an extra hash. */
const tamper = fc.record({ element: fc.nat(), bit: fc.nat({ max: 255 }), other: fc.nat(), extra: fc.uint8Array({ minLength: 32, maxLength: 32 }) });

/** Left (L) or right (R) of the path for each proof element: all the verifier's computation depends on. */
const directions = (index: number, treeSize: number): string =>
  inclusionProofRanges({ index, treeSize })
    .map((range) => (range.end <= index ? 'L' : 'R'))
    .join('');

describe('roots of every size', () => {
  it('match the reference MTH for every earlier size read back from one reader (0..MAX)', () => {
    const wrong = ROOTS.map((expected, n) => (hashesEqual(rootFromReader({ treeSize: n, reader }), expected) ? -1 : n)).filter((n) => n >= 0);
    expect(wrong).toEqual([]);
  });
});

describe('inclusion proofs over every tree size 1..512', () => {
  it('verify for every leaf of every size up to 128, and for a dense sample of leaves of every larger size', () => {
    const failures: string[] = [];
    let proofs = 0;
    const check = (index: number, n: number): void => {
      const proof = inclusionProof({ index, treeSize: n, reader });
      if (!verifyInclusion({ index, treeSize: n, leafHash: leaf(index), proof, rootHash: root(n) })) failures.push(`${index}/${n}`);
      proofs += 1;
    };
    for (const n of sizes) {
      if (n <= 128) {
        for (let index = 0; index < n; index++) check(index, n);
        continue;
      }
      // Every 9th leaf (offset by the size, so every residue occurs across sizes), the last 16 leaves
      // (the ragged right edge, where proofs are irregular) and the leaves around each power of two.
      const sample = new Set<number>([0, n - 1]);
      for (let index = n % 9; index < n; index += 9) sample.add(index);
      for (let index = Math.max(0, n - 16); index < n; index++) sample.add(index);
      for (let p = 1; p < n; p *= 2) [p - 1, p, p + 1].filter((i) => i < n).forEach((i) => sample.add(i));
      sample.forEach((index) => check(index, n));
    }
    expect(failures).toEqual([]);
    expect(proofs).toBeGreaterThan((128 * 129) / 2 + 384 * 60);
  });

  it('fail after any tampering: a flipped bit, swapped or dropped or extra elements, another index, leaf or size', () => {
    let sameShapeSizes = 0;
    for (const n of sizes) {
      fc.assert(
        fc.property(fc.nat({ max: n - 1 }), tamper, fc.nat(), (index, t, pick) => {
          const proof = inclusionProof({ index, treeSize: n, reader });
          const good = { index, treeSize: n, leafHash: leaf(index), proof, rootHash: root(n) };
          const fails = (changed: Partial<typeof good>): boolean => !verifyInclusion({ ...good, ...changed });
          expect(verifyInclusion(good)).toBe(true);
          if (proof.length > 0) {
            const e = t.element % proof.length;
            expect(fails({ proof: flipBit(proof, e, t.bit) })).toBe(true);
            expect(fails({ proof: proof.slice(0, -1) })).toBe(true);
            expect(fails({ proof: proof.slice(1) })).toBe(true);
            if (proof.length > 1) {
              const other = (e + 1 + (t.other % (proof.length - 1))) % proof.length;
              expect(fails({ proof: swap(proof, e, other) })).toBe(true);
            }
          }
          expect(fails({ proof: [...proof, t.extra] })).toBe(true);
          expect(fails({ proof: [t.extra, ...proof] })).toBe(true);
          expect(fails({ proof: [...proof, root(n)] })).toBe(true);
          // Another index of the same tree, and the first index past its end.
          if (n > 1) expect(fails({ index: (index + 1 + (pick % (n - 1))) % n })).toBe(true);
          expect(fails({ index: n })).toBe(true);
          // Another leaf.
          expect(fails({ leafHash: leaf((index + 1 + (pick % MAX_SIZE)) % (MAX_SIZE + 16)) })).toBe(true);
          // Another tree size, with that tree's real root: a proof proves one (index, size) only.
          const m = index + 1 + (pick % (MAX_SIZE + 16 - index));
          if (m !== n) expect(fails({ treeSize: m, rootHash: root(m) })).toBe(true);
          // Another size claimed for the same root (the transparency-dev probes use 2n and n/2): the
          // verifier computes a different value, and so refuses, unless the path has exactly the same
          // left/right shape in both trees, when it computes the same thing. The size itself is
          // authenticated by the signed checkpoint, not by the proof.
          for (const claimed of [m, 2 * n, Math.floor(n / 2)]) {
            if (claimed === n) continue;
            const sameShape = claimed > index && directions(index, claimed) === directions(index, n);
            if (sameShape) sameShapeSizes += 1;
            expect(fails({ treeSize: claimed })).toBe(!sameShape);
          }
        }),
        { numRuns: 3 },
      );
    }
    // Both branches of the size rule were exercised.
    expect(sameShapeSizes).toBeGreaterThan(0);
  });
});

describe('consistency proofs over every tree size 1..512', () => {
  it('verify for every pair of sizes up to 64, and for sampled earlier sizes (always 0, 1, n-1, n and powers of two) above', () => {
    const failures: string[] = [];
    let pairs = 0;
    const check = (from: number, to: number): void => {
      const proof = consistencyProof({ from, to, reader });
      if (!verifyConsistency({ from, to, fromRoot: root(from), toRoot: root(to), proof })) failures.push(`${from}→${to}`);
      pairs += 1;
    };
    for (const to of sizes) {
      if (to <= 64) {
        for (let from = 0; from <= to; from++) check(from, to);
        continue;
      }
      const fixed = new Set([0, 1, to - 1, to]);
      for (let p = 2; p < to; p *= 2) fixed.add(p).add(p - 1).add(p + 1);
      fixed.forEach((from) => check(from, to));
      fc.assert(
        fc.property(fc.integer({ min: 0, max: to }), (from) => {
          check(from, to);
        }),
        { numRuns: 16 },
      );
    }
    expect(failures).toEqual([]);
    expect(pairs).toBeGreaterThan(MAX_SIZE * 16);
  });

  it('fail after any tampering: a flipped bit, swapped or dropped or extra elements, other sizes, wrong or swapped roots', () => {
    for (const to of sizes.filter((n) => n >= 2)) {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: to - 1 }), tamper, fc.nat(), (from, t, pick) => {
          const proof = consistencyProof({ from, to, reader });
          const good = { from, to, fromRoot: root(from), toRoot: root(to), proof };
          const fails = (changed: Partial<typeof good>): boolean => !verifyConsistency({ ...good, ...changed });
          expect(verifyConsistency(good)).toBe(true);
          expect(proof.length).toBeGreaterThan(0);
          const e = t.element % proof.length;
          expect(fails({ proof: flipBit(proof, e, t.bit) })).toBe(true);
          expect(fails({ proof: proof.slice(0, -1) })).toBe(true);
          expect(fails({ proof: proof.slice(1) })).toBe(true);
          expect(fails({ proof: [] })).toBe(true);
          if (proof.length > 1) {
            const other = (e + 1 + (t.other % (proof.length - 1))) % proof.length;
            expect(fails({ proof: swap(proof, e, other) })).toBe(true);
          }
          expect(fails({ proof: [...proof, t.extra] })).toBe(true);
          expect(fails({ proof: [t.extra, ...proof] })).toBe(true);
          expect(fails({ proof: [proof[0] as Uint8Array, ...proof] })).toBe(true);
          // Wrong roots.
          expect(fails({ fromRoot: t.extra })).toBe(true);
          expect(fails({ toRoot: t.extra })).toBe(true);
          expect(fails({ fromRoot: root(to), toRoot: root(from) })).toBe(true);
          // Another pair of sizes with their real roots: the proof proves this pair only.
          const otherFrom = 1 + ((from + pick) % (to - 1));
          if (otherFrom !== from) expect(fails({ from: otherFrom, fromRoot: root(otherFrom) })).toBe(true);
          const otherTo = from + 1 + (pick % (MAX_SIZE + 16 - from));
          if (otherTo !== to) expect(fails({ to: otherTo, toRoot: root(otherTo) })).toBe(true);
          // Shrinking and same-size claims are refused outright.
          expect(fails({ from: to + 1 })).toBe(true);
          expect(fails({ to: from })).toBe(true);
        }),
        { numRuns: 3 },
      );
    }
  });
});

describe('proofs against the literal RFC 9162 definitions (sizes 1..64)', () => {
  /** PATH(m, D[n]) of RFC 9162 §2.1.3.1, written as the RFC states it, over the leaf hashes. */
  const path = (m: number, d: readonly Uint8Array[]): Uint8Array[] => {
    if (d.length === 1) return [];
    let k = 1;
    while (k * 2 < d.length) k *= 2;
    return m < k ? [...path(m, d.slice(0, k)), rootHash(d.slice(k))] : [...path(m - k, d.slice(k)), rootHash(d.slice(0, k))];
  };
  /** SUBPROOF(m, D[n], b) of RFC 9162 §2.1.4.1. */
  const subproof = (m: number, d: readonly Uint8Array[], b: boolean): Uint8Array[] => {
    if (m === d.length) return b ? [] : [rootHash(d)];
    let k = 1;
    while (k * 2 < d.length) k *= 2;
    return m <= k ? [...subproof(m, d.slice(0, k), b), rootHash(d.slice(k))] : [...subproof(m - k, d.slice(k), false), rootHash(d.slice(0, k))];
  };

  it('generates exactly PATH(m, D[n]) for every leaf and PROOF(m, D[n]) for every 0 < m ≤ n', () => {
    const hex = (proof: readonly Uint8Array[]): string => proof.map(toHex).join(',');
    const mismatches: string[] = [];
    for (let n = 1; n <= 64; n++) {
      const d = LEAVES.slice(0, n);
      for (let m = 0; m < n; m++) {
        if (hex(inclusionProof({ index: m, treeSize: n, reader })) !== hex(path(m, d))) mismatches.push(`PATH(${m}, D[${n}])`);
      }
      for (let m = 1; m <= n; m++) {
        if (hex(consistencyProof({ from: m, to: n, reader })) !== hex(subproof(m, d, true))) mismatches.push(`PROOF(${m}, D[${n}])`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
