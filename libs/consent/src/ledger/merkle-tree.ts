import { emptyRoot, isHash, nodeHash } from './hashing.js';
import { isTreeSize, largestPowerOfTwoBelow, type SubtreeRange } from './subtree-range.js';

/**
 * Where proofs get their hashes from. `subtreeHash(start, end)` must return MTH(D[start:end]), the
 * RFC 9162 §2.1.1 hash of leaves start..end-1, for any 0 ≤ start < end ≤ the stored size (and throw
 * otherwise). The storage layer answers from cached hashes of perfect, aligned subtrees (see
 * `perfectSubtreeCover` / `subtreeHashFromPerfect`); the proof code never needs the leaves themselves.
 */
export interface SubtreeHashReader {
  subtreeHash(start: number, end: number): Uint8Array;
}

/** {@link SubtreeHashReader} for storage that answers asynchronously (a database). */
export interface AsyncSubtreeHashReader {
  subtreeHash(start: number, end: number): Promise<Uint8Array>;
  /**
   * Optional batch form: the hashes of all `ranges`, in order. A proof needs O(log n) ranges, and
   * answering them in one query instead of one round trip each is what keeps a proof within a few
   * milliseconds against PostgreSQL.
   */
  subtreeHashes?(ranges: readonly SubtreeRange[]): Promise<readonly Uint8Array[]>;
}

/**
 * MTH(D[n]) straight from the RFC 9162 §2.1.1 definition: the empty tree hashes to SHA-256(""), one
 * leaf is its leaf hash, and n > 1 leaves split at the largest power of two below n. Kept literal on
 * purpose (O(n) hashes, O(log n) stack) so that it can serve as the reference the faster paths
 * (compact range, reader-based roots) are tested against.
 */
export function rootHash(leafHashes: readonly Uint8Array[]): Uint8Array {
  if (leafHashes.length === 0) return emptyRoot();
  const mth = (start: number, end: number): Uint8Array => {
    if (end - start === 1) {
      const leaf = leafHashes[start];
      if (!isHash(leaf)) throw new RangeError(`Leaf hash ${start} is not a 32-byte hash.`);
      return leaf.slice();
    }
    const k = largestPowerOfTwoBelow(end - start);
    return nodeHash(mth(start, start + k), mth(start + k, end));
  };
  return mth(0, leafHashes.length);
}

/**
 * The ranges whose hashes make up the inclusion proof of leaf `index` in the tree of `treeSize`
 * leaves, in proof order (bottom-up), per PATH(m, D[n]) of RFC 9162 §2.1.3.1. All but possibly the
 * last right-hand sibling are perfect subtrees, so storage answers them with one lookup each.
 */
export function inclusionProofRanges(params: { readonly index: number; readonly treeSize: number }): readonly SubtreeRange[] {
  const { index, treeSize } = params;
  if (!isTreeSize(treeSize) || !isTreeSize(index) || index >= treeSize) {
    throw new RangeError(`An inclusion proof needs 0 ≤ index < treeSize, got index ${index} and treeSize ${treeSize}.`);
  }
  // Walk down from the root, noting the sibling of every subtree that contains the leaf; the RFC
  // lists them from the leaf upwards, so reverse at the end.
  const topDown: SubtreeRange[] = [];
  let start = 0;
  let end = treeSize;
  while (end - start > 1) {
    const split = start + largestPowerOfTwoBelow(end - start);
    if (index < split) {
      topDown.push({ start: split, end });
      end = split;
    } else {
      topDown.push({ start, end: split });
      start = split;
    }
  }
  return topDown.reverse();
}

/**
 * The ranges whose hashes make up the consistency proof from the tree of `from` leaves to the tree
 * of `to` leaves, in proof order, per PROOF(m, D[n]) / SUBPROOF of RFC 9162 §2.1.4.1. By the
 * convention of the transparency-dev library, from = 0 (the empty tree is a prefix of every tree) and
 * from = to have the empty proof; from > to is an error.
 */
export function consistencyProofRanges(params: { readonly from: number; readonly to: number }): readonly SubtreeRange[] {
  const { from, to } = params;
  if (!isTreeSize(from) || !isTreeSize(to) || from > to) {
    throw new RangeError(`A consistency proof needs 0 ≤ from ≤ to, got from ${from} and to ${to}.`);
  }
  if (from === 0 || from === to) return [];
  const topDown: SubtreeRange[] = [];
  let start = 0;
  let end = to;
  let m = from;
  // b of SUBPROOF: true while [start, end) still begins at leaf 0, so the verifier already knows the
  // hash of its first m leaves (it is the old root) and the proof must not repeat it.
  let knownPrefix = true;
  for (;;) {
    if (m === end - start) {
      if (!knownPrefix) topDown.push({ start, end });
      break;
    }
    const k = largestPowerOfTwoBelow(end - start);
    if (m <= k) {
      topDown.push({ start: start + k, end });
      end = start + k;
    } else {
      topDown.push({ start, end: start + k });
      start += k;
      m -= k;
      knownPrefix = false;
    }
  }
  return topDown.reverse();
}

function checkedHash(hash: unknown, range: SubtreeRange): Uint8Array {
  // A reader bug (wrong length, missing row) must surface here, not as a proof nobody can verify.
  if (!isHash(hash)) throw new RangeError(`The reader returned no 32-byte hash for [${range.start}, ${range.end}).`);
  return hash;
}

function readAll(ranges: readonly SubtreeRange[], reader: SubtreeHashReader): Uint8Array[] {
  return ranges.map((range) => checkedHash(reader.subtreeHash(range.start, range.end), range));
}

async function readAllAsync(ranges: readonly SubtreeRange[], reader: AsyncSubtreeHashReader): Promise<Uint8Array[]> {
  if (ranges.length === 0) return [];
  const hashes = reader.subtreeHashes
    ? await reader.subtreeHashes(ranges)
    : await Promise.all(ranges.map((range) => reader.subtreeHash(range.start, range.end)));
  if (hashes.length !== ranges.length) {
    throw new RangeError(`The reader returned ${hashes.length} hashes for ${ranges.length} ranges.`);
  }
  return ranges.map((range, i) => checkedHash(hashes[i], range));
}

/** The RFC 9162 §2.1.3.1 inclusion proof of leaf `index` in the tree of `treeSize` leaves. */
export function inclusionProof(params: {
  readonly index: number;
  readonly treeSize: number;
  readonly reader: SubtreeHashReader;
}): Uint8Array[] {
  return readAll(inclusionProofRanges(params), params.reader);
}

/** {@link inclusionProof} against an asynchronous reader. */
export async function inclusionProofAsync(params: {
  readonly index: number;
  readonly treeSize: number;
  readonly reader: AsyncSubtreeHashReader;
}): Promise<Uint8Array[]> {
  return readAllAsync(inclusionProofRanges(params), params.reader);
}

/** The RFC 9162 §2.1.4.1 consistency proof from the tree of `from` leaves to that of `to` leaves. */
export function consistencyProof(params: {
  readonly from: number;
  readonly to: number;
  readonly reader: SubtreeHashReader;
}): Uint8Array[] {
  return readAll(consistencyProofRanges(params), params.reader);
}

/** {@link consistencyProof} against an asynchronous reader. */
export async function consistencyProofAsync(params: {
  readonly from: number;
  readonly to: number;
  readonly reader: AsyncSubtreeHashReader;
}): Promise<Uint8Array[]> {
  return readAllAsync(consistencyProofRanges(params), params.reader);
}

function checkTreeSize(treeSize: number): void {
  if (!isTreeSize(treeSize)) throw new RangeError(`A tree size is a non-negative safe integer, got ${String(treeSize)}.`);
}

/** The root hash of the tree of the first `treeSize` leaves: the current one or any earlier one. */
export function rootFromReader(params: { readonly treeSize: number; readonly reader: SubtreeHashReader }): Uint8Array {
  checkTreeSize(params.treeSize);
  if (params.treeSize === 0) return emptyRoot();
  return readAll([{ start: 0, end: params.treeSize }], params.reader)[0] as Uint8Array;
}

/** {@link rootFromReader} against an asynchronous reader. */
export async function rootFromReaderAsync(params: {
  readonly treeSize: number;
  readonly reader: AsyncSubtreeHashReader;
}): Promise<Uint8Array> {
  checkTreeSize(params.treeSize);
  if (params.treeSize === 0) return emptyRoot();
  const [root] = await readAllAsync([{ start: 0, end: params.treeSize }], params.reader);
  return root as Uint8Array;
}
