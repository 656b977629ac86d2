import { emptyRoot, fromBase64, isHash, nodeHash, toBase64 } from './hashing.js';
import { isTreeSize, type SubtreeNode } from './subtree-range.js';

/** The persisted form of a {@link CompactRange}: the size and the hashes of its perfect subtrees. */
export interface CompactRangeJson {
  readonly size: number;
  /** Standard base64, largest (leftmost) subtree first; exactly one per 1-bit of `size`. */
  readonly hashes: readonly string[];
}

/** The number of 1-bits of a size, by arithmetic because bit operators stop at 32 bits. */
function onesCount(n: number): number {
  let count = 0;
  for (let rest = n; rest > 0; rest = Math.floor(rest / 2)) count += rest % 2;
  return count;
}

/** The largest power of two that is ≤ n (n ≥ 1). */
function highestPowerOfTwo(n: number): number {
  let k = 1;
  while (k * 2 <= n) k *= 2;
  return k;
}

/**
 * The right edge of an append-only Merkle tree: the hashes of the perfect subtrees that make up the
 * leaves [0, size), one per 1-bit of size, largest first. That is all it takes to append a leaf
 * (merge equal-sized neighbours, one node hash on average) and to compute the root (fold from the
 * right), so the ledger appends without reading the tree back; persist it with {@link toJSON} and
 * resume after a restart with {@link fromJSON}.
 */
export class CompactRange {
  private constructor(
    private count: number,
    private readonly hashes: Uint8Array[],
  ) {}

  static empty(): CompactRange {
    return new CompactRange(0, []);
  }

  static fromLeaves(leafHashes: Iterable<Uint8Array>): CompactRange {
    const range = CompactRange.empty();
    for (const hash of leafHashes) range.append(hash);
    return range;
  }

  /**
   * A range from its perfect-subtree hashes, e.g. read back from storage (the hashes of
   * `perfectSubtreeCover({ start: 0, end: size })`). Refuses a number of hashes that does not fit the size.
   */
  static fromHashes(params: { readonly size: number; readonly hashes: readonly Uint8Array[] }): CompactRange {
    if (!isTreeSize(params.size)) throw new RangeError(`A compact range size is a non-negative safe integer, got ${String(params.size)}.`);
    const expected = onesCount(params.size);
    if (params.hashes.length !== expected) {
      throw new RangeError(`A compact range of ${params.size} leaves has ${expected} hashes, got ${params.hashes.length}.`);
    }
    params.hashes.forEach((hash, i) => {
      if (!isHash(hash)) throw new RangeError(`Compact range hash ${i} is not a 32-byte hash.`);
    });
    return new CompactRange(
      params.size,
      params.hashes.map((hash) => hash.slice()),
    );
  }

  /**
   * Restores a range persisted with {@link toJSON}; refuses anything that is not exactly that shape.
   * The hashes do not determine the size (5 and 6 both have two 1-bits), so the caller must check the
   * size against the number of leaves it actually stores before appending to the restored range.
   */
  static fromJSON(json: unknown): CompactRange {
    if (typeof json !== 'object' || json === null) throw new TypeError('A compact range is an object { size, hashes }.');
    const { size, hashes } = json as { size?: unknown; hashes?: unknown };
    if (!Array.isArray(hashes) || !hashes.every((hash): hash is string => typeof hash === 'string')) {
      throw new TypeError('A compact range has an array of base64 strings as hashes.');
    }
    if (!isTreeSize(size)) throw new RangeError('A compact range has a non-negative safe integer as size.');
    return CompactRange.fromHashes({ size, hashes: hashes.map((hash) => fromBase64(hash)) });
  }

  /** The number of leaves appended so far. */
  get size(): number {
    return this.count;
  }

  /**
   * Appends one leaf hash and returns the perfect subtrees this completed, smallest (the leaf itself)
   * first. Their hashes never change again, so storage can keep them as the nodes proofs are read from.
   */
  append(leafHash: Uint8Array): readonly SubtreeNode[] {
    if (!isHash(leafHash)) throw new RangeError('A leaf hash is 32 bytes.');
    let hash: Uint8Array = leafHash.slice();
    let start = this.count;
    let width = 1;
    const completed: SubtreeNode[] = [{ start, end: start + 1, hash }];
    // Each trailing 1-bit of the old size is a subtree of the same width as the one just completed:
    // merge them, as adding 1 carries through those bits.
    for (let rest = this.count; rest % 2 === 1; rest = (rest - 1) / 2) {
      hash = nodeHash(this.hashes.pop() as Uint8Array, hash);
      start -= width;
      width *= 2;
      completed.push({ start, end: start + width, hash });
    }
    this.hashes.push(hash);
    this.count += 1;
    return completed;
  }

  /** MTH of the leaves [0, size): the perfect subtrees folded from the right, as RFC 9162 §2.1.1 splits. */
  root(): Uint8Array {
    let root = this.hashes[this.hashes.length - 1];
    if (!root) return emptyRoot();
    for (let i = this.hashes.length - 2; i >= 0; i--) root = nodeHash(this.hashes[i] as Uint8Array, root);
    return root.slice();
  }

  /** The perfect subtrees that make up [0, size), largest first, with their ranges. */
  nodes(): readonly SubtreeNode[] {
    const nodes: SubtreeNode[] = [];
    let start = 0;
    let rest = this.count;
    for (const hash of this.hashes) {
      const width = highestPowerOfTwo(rest);
      nodes.push({ start, end: start + width, hash: hash.slice() });
      start += width;
      rest -= width;
    }
    return nodes;
  }

  toJSON(): CompactRangeJson {
    return { size: this.count, hashes: this.hashes.map((hash) => toBase64(hash)) };
  }

  clone(): CompactRange {
    return new CompactRange(
      this.count,
      this.hashes.map((hash) => hash.slice()),
    );
  }
}
