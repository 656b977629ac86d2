import { describe, expect, it } from '@jest/globals';
import { toHex } from './hashing.js';
import { rootHash } from './merkle-tree.js';
import { isPerfectSubtree, isTreeSize, largestPowerOfTwoBelow, perfectSubtreeCover, subtreeHashFromPerfect, type SubtreeRange } from './subtree-range.js';
import { sampleLeafHashes } from './testdata/sample-leaves.js';

const leaves = sampleLeafHashes(40);

describe('tree sizes and split points', () => {
  it('accepts non-negative safe integers only', () => {
    expect([0, 1, 2 ** 53 - 1].every(isTreeSize)).toBe(true);
    expect([-1, 1.5, 2 ** 53, NaN, Infinity, '1', 1n, null].some(isTreeSize)).toBe(false);
  });

  it('splits n leaves at the largest power of two strictly below n, also beyond 32 bits', () => {
    expect([2, 3, 4, 5, 7, 8, 9, 1000].map(largestPowerOfTwoBelow)).toEqual([1, 2, 2, 4, 4, 4, 8, 512]);
    expect(largestPowerOfTwoBelow(2 ** 32 + 1)).toBe(2 ** 32);
    expect(largestPowerOfTwoBelow(2 ** 40)).toBe(2 ** 39);
    expect(() => largestPowerOfTwoBelow(1)).toThrow(RangeError);
  });
});

describe('perfect subtrees', () => {
  it('are aligned power-of-two runs of leaves', () => {
    const perfect = (start: number, end: number): boolean => isPerfectSubtree({ start, end });
    expect([perfect(0, 1), perfect(5, 6), perfect(4, 8), perfect(0, 16), perfect(2 ** 33, 2 ** 34)]).toEqual([true, true, true, true, true]);
    expect([perfect(2, 6), perfect(4, 7), perfect(0, 0), perfect(3, 2), perfect(0, 3), perfect(-2, 0)]).toEqual([false, false, false, false, false, false]);
  });

  it('cover a ragged right edge by the binary digits of its width, largest first', () => {
    expect(perfectSubtreeCover({ start: 0, end: 7 })).toEqual([
      { start: 0, end: 4 },
      { start: 4, end: 6 },
      { start: 6, end: 7 },
    ]);
    expect(perfectSubtreeCover({ start: 16, end: 23 })).toEqual([
      { start: 16, end: 20 },
      { start: 20, end: 22 },
      { start: 22, end: 23 },
    ]);
    expect(perfectSubtreeCover({ start: 8, end: 16 })).toEqual([{ start: 8, end: 16 }]);
  });

  it('tile any range exactly, in order, with perfect subtrees only', () => {
    for (let start = 0; start < 40; start++) {
      for (let end = start + 1; end <= 40; end++) {
        const cover = perfectSubtreeCover({ start, end });
        expect(cover.every(isPerfectSubtree)).toBe(true);
        expect(cover[0]?.start).toBe(start);
        expect(cover[cover.length - 1]?.end).toBe(end);
        cover.slice(1).forEach((range, i) => expect(range.start).toBe(cover[i]?.end));
      }
    }
  });

  it('refuses empty and reversed ranges', () => {
    expect(() => perfectSubtreeCover({ start: 3, end: 3 })).toThrow(RangeError);
    expect(() => perfectSubtreeCover({ start: 4, end: 3 })).toThrow(RangeError);
    expect(() => subtreeHashFromPerfect({ start: 0, end: 0, perfectHash: () => new Uint8Array(32) })).toThrow(RangeError);
  });
});

describe('subtree hashes from perfect subtrees', () => {
  it('equal MTH of the leaves for every range, asking only for ranges of the cover', () => {
    for (let start = 0; start < 40; start++) {
      for (let end = start + 1; end <= 40; end++) {
        const asked: SubtreeRange[] = [];
        const hash = subtreeHashFromPerfect({
          start,
          end,
          perfectHash: (s, e) => {
            asked.push({ start: s, end: e });
            return rootHash(leaves.slice(s, e));
          },
        });
        expect(toHex(hash)).toBe(toHex(rootHash(leaves.slice(start, end))));
        expect(asked).toEqual(perfectSubtreeCover({ start, end }));
      }
    }
  });
});
