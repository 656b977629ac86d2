import { describe, expect, it } from '@jest/globals';
import { toHex } from './hashing.js';
import { MemorySubtreeReader } from './memory-subtree-reader.js';
import { rootHash } from './merkle-tree.js';
import { sampleLeafHashes } from './testdata/sample-leaves.js';

const leaves = sampleLeafHashes(70);

describe('MemorySubtreeReader', () => {
  it('answers MTH(D[start:end]) for every range of every size it grows through, one append at a time', () => {
    const reader = new MemorySubtreeReader();
    const wrong: string[] = [];
    for (let size = 1; size <= leaves.length; size++) {
      reader.append(leaves[size - 1] as Uint8Array);
      expect(reader.size).toBe(size);
      // Ranges ending at the current size are the new ones; older ones were checked at earlier sizes.
      for (let start = 0; start < size; start++) {
        if (toHex(reader.subtreeHash(start, size)) !== toHex(rootHash(leaves.slice(start, size)))) wrong.push(`[${start}, ${size})`);
      }
    }
    expect(wrong).toEqual([]);
    // And the old ranges still answer the same after all appends.
    for (let start = 0; start < 70; start += 3) {
      for (let end = start + 1; end <= 70; end += 5) expect(toHex(reader.subtreeHash(start, end))).toBe(toHex(rootHash(leaves.slice(start, end))));
    }
  });

  it('builds the same from an iterable as by appends', () => {
    expect(toHex(new MemorySubtreeReader(leaves).subtreeHash(0, 70))).toBe(toHex(rootHash(leaves)));
  });

  it('hands out copies: changing a returned hash does not change the tree', () => {
    const reader = new MemorySubtreeReader(leaves.slice(0, 8));
    const hash = reader.subtreeHash(0, 4);
    const before = toHex(hash);
    hash.fill(0);
    expect(toHex(reader.subtreeHash(0, 4))).toBe(before);
  });

  it('refuses ranges outside the tree and leaves that are not 32-byte hashes', () => {
    const reader = new MemorySubtreeReader(leaves.slice(0, 5));
    for (const [start, end] of [
      [0, 6],
      [3, 3],
      [4, 2],
      [-1, 2],
      [0.5, 2],
    ] as const) {
      expect(() => reader.subtreeHash(start, end)).toThrow(RangeError);
    }
    expect(() => reader.append(new Uint8Array(31))).toThrow(RangeError);
    expect(reader.size).toBe(5);
  });
});
