import { describe, expect, it } from '@jest/globals';
import { EMPTY_ROOT, leafHash, nodeHash, toHex } from './hashing.js';
import { MemorySubtreeReader } from './memory-subtree-reader.js';
import {
  consistencyProof,
  consistencyProofAsync,
  consistencyProofRanges,
  inclusionProof,
  inclusionProofAsync,
  inclusionProofRanges,
  rootFromReader,
  rootFromReaderAsync,
  rootHash,
  type AsyncSubtreeHashReader,
  type SubtreeHashReader,
} from './merkle-tree.js';
import { isPerfectSubtree, type SubtreeRange } from './subtree-range.js';
import { sampleLeafHashes } from './testdata/sample-leaves.js';
import { verifyConsistency, verifyInclusion } from './verify-proof.js';

const leaves = sampleLeafHashes(100);
const memory = new MemorySubtreeReader(leaves);
const hex = (hashes: readonly Uint8Array[]): string[] => hashes.map(toHex);

/** An asynchronous reader like the storage layer's, counting round trips. */
function asyncReader(batch: boolean): AsyncSubtreeHashReader & { calls: number } {
  const reader = {
    calls: 0,
    subtreeHash: async (start: number, end: number): Promise<Uint8Array> => {
      reader.calls += 1;
      return memory.subtreeHash(start, end);
    },
  };
  if (!batch) return reader;
  return Object.assign(reader, {
    subtreeHashes: async (ranges: readonly SubtreeRange[]): Promise<readonly Uint8Array[]> => {
      reader.calls += 1;
      return ranges.map((range) => memory.subtreeHash(range.start, range.end));
    },
  });
}

describe('rootHash (RFC 9162 §2.1.1 MTH)', () => {
  it('is SHA-256("") for no leaves, the leaf hash for one, and splits at the largest power of two below n', () => {
    const [a, b, c] = leaves as [Uint8Array, Uint8Array, Uint8Array];
    expect(toHex(rootHash([]))).toBe(toHex(EMPTY_ROOT));
    expect(toHex(rootHash([a]))).toBe(toHex(a));
    expect(toHex(rootHash([a, b]))).toBe(toHex(nodeHash(a, b)));
    expect(toHex(rootHash([a, b, c]))).toBe(toHex(nodeHash(nodeHash(a, b), c)));
  });

  it('does not hand out the caller’s own leaf array as the root', () => {
    const one = [leafHash(Uint8Array.of(1))];
    const root = rootHash(one);
    root.fill(0);
    expect(toHex(one[0] as Uint8Array)).not.toBe(toHex(root));
  });

  it('refuses leaves that are not 32-byte hashes', () => {
    expect(() => rootHash([new Uint8Array(31)])).toThrow(RangeError);
  });
});

describe('proof ranges', () => {
  it('are perfect subtrees except at most one ragged right edge per proof', () => {
    const ragged = (ranges: readonly SubtreeRange[]): number => ranges.filter((range) => !isPerfectSubtree(range)).length;
    for (let n = 1; n <= 100; n++) {
      for (let i = 0; i < n; i++) expect(ragged(inclusionProofRanges({ index: i, treeSize: n }))).toBeLessThanOrEqual(1);
      for (let m = 0; m <= n; m++) expect(ragged(consistencyProofRanges({ from: m, to: n }))).toBeLessThanOrEqual(1);
    }
  });

  it('are empty from the empty tree and between equal sizes (transparency-dev convention)', () => {
    expect(consistencyProofRanges({ from: 0, to: 0 })).toEqual([]);
    expect(consistencyProofRanges({ from: 0, to: 9 })).toEqual([]);
    expect(consistencyProofRanges({ from: 9, to: 9 })).toEqual([]);
    expect(inclusionProofRanges({ index: 0, treeSize: 1 })).toEqual([]);
  });

  it('are refused for impossible requests', () => {
    for (const [index, treeSize] of [
      [0, 0],
      [5, 5],
      [-1, 5],
      [1.5, 5],
      [0, 2 ** 53],
    ] as const) {
      expect(() => inclusionProofRanges({ index, treeSize })).toThrow(RangeError);
    }
    for (const [from, to] of [
      [6, 5],
      [-1, 5],
      [1, NaN],
    ] as const) {
      expect(() => consistencyProofRanges({ from, to })).toThrow(RangeError);
    }
  });

  it('stay logarithmic and exact for a tree far beyond 32-bit sizes', () => {
    const treeSize = 2 ** 40 + 12345;
    const ranges = inclusionProofRanges({ index: 2 ** 33 + 7, treeSize });
    expect(ranges).toHaveLength(41);
    expect(ranges[0]).toEqual({ start: 2 ** 33 + 6, end: 2 ** 33 + 7 });
    expect(ranges[ranges.length - 1]).toEqual({ start: 2 ** 40, end: treeSize });
    expect(consistencyProofRanges({ from: 2 ** 39 + 3, to: treeSize }).length).toBeLessThanOrEqual(2 * 41);
  });
});

describe('proofs from readers', () => {
  it('give the same proofs and roots from a synchronous reader, an asynchronous one, and a batching one', async () => {
    for (const [index, treeSize] of [
      [0, 1],
      [13, 100],
      [99, 100],
      [64, 65],
    ] as const) {
      const expected = hex(inclusionProof({ index, treeSize, reader: memory }));
      expect(hex(await inclusionProofAsync({ index, treeSize, reader: asyncReader(false) }))).toEqual(expected);
      expect(hex(await inclusionProofAsync({ index, treeSize, reader: asyncReader(true) }))).toEqual(expected);
    }
    for (const [from, to] of [
      [0, 10],
      [10, 10],
      [37, 100],
      [64, 65],
    ] as const) {
      const expected = hex(consistencyProof({ from, to, reader: memory }));
      expect(hex(await consistencyProofAsync({ from, to, reader: asyncReader(false) }))).toEqual(expected);
      expect(hex(await consistencyProofAsync({ from, to, reader: asyncReader(true) }))).toEqual(expected);
    }
    for (const treeSize of [0, 1, 77, 100]) {
      const expected = toHex(rootFromReader({ treeSize, reader: memory }));
      expect(toHex(await rootFromReaderAsync({ treeSize, reader: asyncReader(false) }))).toBe(expected);
      expect(expected).toBe(toHex(rootHash(leaves.slice(0, treeSize))));
    }
  });

  it('fetch a whole proof in one round trip from a batching reader, and none for an empty proof', async () => {
    const batching = asyncReader(true);
    const proof = await inclusionProofAsync({ index: 41, treeSize: 100, reader: batching });
    expect(batching.calls).toBe(1);
    expect(verifyInclusion({ index: 41, treeSize: 100, leafHash: leaves[41] as Uint8Array, proof, rootHash: rootHash(leaves) })).toBe(true);
    const consistency = await consistencyProofAsync({ from: 41, to: 100, reader: batching });
    expect(batching.calls).toBe(2);
    expect(verifyConsistency({ from: 41, to: 100, fromRoot: rootHash(leaves.slice(0, 41)), toRoot: rootHash(leaves), proof: consistency })).toBe(true);
    await consistencyProofAsync({ from: 0, to: 100, reader: batching });
    expect(batching.calls).toBe(2);
  });

  it('surface a misbehaving reader instead of returning an unverifiable proof', async () => {
    const short: SubtreeHashReader = { subtreeHash: () => new Uint8Array(31) };
    expect(() => inclusionProof({ index: 0, treeSize: 2, reader: short })).toThrow(RangeError);
    expect(() => rootFromReader({ treeSize: 3, reader: short })).toThrow(RangeError);
    const missing: AsyncSubtreeHashReader = {
      subtreeHash: async () => new Uint8Array(32),
      subtreeHashes: async () => [new Uint8Array(32)],
    };
    await expect(inclusionProofAsync({ index: 0, treeSize: 8, reader: missing })).rejects.toThrow(RangeError);
    await expect(rootFromReaderAsync({ treeSize: -1, reader: missing })).rejects.toThrow(RangeError);
  });

  it('propagate a reader’s refusal of a range beyond its tree', () => {
    const small = new MemorySubtreeReader(leaves.slice(0, 10));
    expect(() => inclusionProof({ index: 3, treeSize: 11, reader: small })).toThrow(RangeError);
    expect(() => consistencyProof({ from: 3, to: 11, reader: small })).toThrow(RangeError);
  });
});
