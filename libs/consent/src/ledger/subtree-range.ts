import { nodeHash } from './hashing.js';

/**
 * A contiguous run of leaves [start, end) of the log. Proofs are lists of the Merkle tree hashes
 * (MTH, RFC 9162 §2.1.1) of such runs, so storage only ever has to answer "the hash of [start, end)".
 */
export interface SubtreeRange {
  readonly start: number;
  readonly end: number;
}

/** A range together with its hash: what the storage layer persists for perfect subtrees. */
export interface SubtreeNode extends SubtreeRange {
  readonly hash: Uint8Array;
}

/**
 * Sizes and indexes are plain numbers: every integer up to 2^53 is exact, far beyond any ledger we
 * will keep, and unlike bigint they index arrays and bind to SQL parameters directly.
 */
export function isTreeSize(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** The largest power of two strictly smaller than n (n ≥ 2): the split point k of RFC 9162 §2.1.1. */
export function largestPowerOfTwoBelow(n: number): number {
  if (!Number.isSafeInteger(n) || n < 2) throw new RangeError(`Only a tree of two or more leaves has a split point, got ${n}.`);
  // Arithmetic rather than bit operators: those truncate to 32 bits, and a ledger may pass 2^31 leaves.
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function isPowerOfTwo(n: number): boolean {
  if (n < 1) return false;
  let k = 1;
  while (k < n) k *= 2;
  return k === n;
}

/**
 * True when [start, end) is a complete, aligned subtree of every tree that contains it: a power-of-two
 * number of leaves starting at a multiple of that power. Its hash never changes once its last leaf is
 * appended, which is why storage can cache exactly these and nothing else.
 */
export function isPerfectSubtree(range: SubtreeRange): boolean {
  const width = range.end - range.start;
  return isTreeSize(range.start) && isTreeSize(range.end) && isPowerOfTwo(width) && range.start % width === 0;
}

function checkRange(range: SubtreeRange): void {
  if (!isTreeSize(range.start) || !isTreeSize(range.end) || range.start >= range.end) {
    throw new RangeError(`A subtree range needs integers 0 ≤ start < end, got [${range.start}, ${range.end}).`);
  }
}

/**
 * The perfect subtrees whose hashes determine MTH(D[start:end]), left to right, following the RFC's
 * own recursion (split at the largest power of two below the width). For the ranges proofs ask for
 * (always a node or the right edge of the tree) these are the binary digits of the width, at most
 * ⌈log2 n⌉ of them; storage can fetch them in one query and hand them to {@link subtreeHashFromPerfect}.
 */
export function perfectSubtreeCover(range: SubtreeRange): readonly SubtreeRange[] {
  checkRange(range);
  const cover: SubtreeRange[] = [];
  const visit = (start: number, end: number): void => {
    if (isPerfectSubtree({ start, end })) {
      cover.push({ start, end });
      return;
    }
    const k = largestPowerOfTwoBelow(end - start);
    visit(start, start + k);
    visit(start + k, end);
  };
  visit(range.start, range.end);
  return cover;
}

/**
 * MTH(D[start:end]) from hashes of perfect subtrees only: the perfect ones are looked up, anything
 * else is split as RFC 9162 §2.1.1 says and combined. `perfectHash` is asked only for ranges that
 * {@link perfectSubtreeCover} lists.
 */
export function subtreeHashFromPerfect(params: {
  readonly start: number;
  readonly end: number;
  readonly perfectHash: (start: number, end: number) => Uint8Array;
}): Uint8Array {
  checkRange(params);
  const hashOf = (start: number, end: number): Uint8Array => {
    if (isPerfectSubtree({ start, end })) return params.perfectHash(start, end);
    const k = largestPowerOfTwoBelow(end - start);
    return nodeHash(hashOf(start, start + k), hashOf(start + k, end));
  };
  return hashOf(params.start, params.end);
}
