import { hashesEqual, isHash, nodeHash } from './hashing.js';
import { isTreeSize } from './subtree-range.js';

/**
 * Why a proof was refused. Stable phrases, so a verify tool or an API can report them as they are.
 * Verification never throws: proofs arrive from the network and a malformed one is just "no".
 */
export type ProofFailureReason =
  | 'invalid tree size'
  | 'invalid index'
  | 'index out of range'
  | 'malformed hash'
  | 'malformed proof'
  | 'proof too long'
  | 'proof too short'
  | 'root mismatch'
  | 'tree shrank'
  | 'proof not empty'
  | 'empty proof'
  | 'roots differ'
  | 'first root mismatch'
  | 'second root mismatch';

export type ProofCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: ProofFailureReason; readonly detail: string };

const OK: ProofCheck = { ok: true };

function fail(reason: ProofFailureReason, detail: string): ProofCheck {
  return { ok: false, reason, detail };
}

const isOdd = (n: number): boolean => n % 2 === 1;
// Halving by arithmetic: JavaScript's >> works on 32-bit integers and would corrupt sizes ≥ 2^31.
const half = (n: number): number => Math.floor(n / 2);

function isPowerOfTwo(n: number): boolean {
  let k = 1;
  while (k < n) k *= 2;
  return k === n;
}

/** A proof must be an array of 32-byte hashes; returns the failure for the first thing that is not. */
function checkProofShape(proof: unknown): ProofCheck {
  if (!Array.isArray(proof)) return fail('malformed proof', 'The proof is not an array of hashes.');
  for (let i = 0; i < proof.length; i++) {
    if (!isHash(proof[i])) return fail('malformed hash', `Proof element ${i} is not a 32-byte hash.`);
  }
  return OK;
}

/**
 * How many hashes the loop of RFC 9162 §2.1.3.2 / §2.1.4.2 consumes before sn reaches 0, starting from
 * fn and sn. Running the loop dry first means a too-long or too-short proof is refused with the right
 * reason before any hashing.
 */
function pathLength(fn: number, sn: number): number {
  let length = 0;
  while (sn !== 0) {
    length += 1;
    if (!isOdd(fn) && fn === sn) {
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    }
    fn = half(fn);
    sn = half(sn);
  }
  return length;
}

function lengthCheck(actual: number, expected: number, what: string): ProofCheck {
  if (actual > expected) return fail('proof too long', `${what} has ${actual} hashes, expected ${expected}.`);
  if (actual < expected) return fail('proof too short', `${what} has ${actual} hashes, expected ${expected}.`);
  return OK;
}

/**
 * RFC 9162 §2.1.3.2: does `proof` show that the leaf with hash `leafHash` is entry `index` of the tree
 * of `treeSize` leaves whose root is `rootHash`? Returns the reason when it does not.
 */
export function checkInclusion(params: {
  readonly index: number;
  readonly treeSize: number;
  readonly leafHash: Uint8Array;
  readonly proof: readonly Uint8Array[];
  readonly rootHash: Uint8Array;
}): ProofCheck {
  const { index, treeSize, leafHash, proof, rootHash } = params;
  if (!isTreeSize(treeSize)) return fail('invalid tree size', `The tree size ${String(treeSize)} is not a non-negative safe integer.`);
  if (!isTreeSize(index)) return fail('invalid index', `The index ${String(index)} is not a non-negative safe integer.`);
  if (index >= treeSize) return fail('index out of range', `Index ${index} is not below tree size ${treeSize}.`);
  if (!isHash(leafHash)) return fail('malformed hash', 'The leaf hash is not a 32-byte hash.');
  if (!isHash(rootHash)) return fail('malformed hash', 'The root hash is not a 32-byte hash.');
  const shape = checkProofShape(proof);
  if (!shape.ok) return shape;
  const length = lengthCheck(proof.length, pathLength(index, treeSize - 1), 'The inclusion proof');
  if (!length.ok) return length;

  let fn = index;
  let sn = treeSize - 1;
  let r = leafHash;
  for (const p of proof) {
    if (isOdd(fn) || fn === sn) {
      // p is a left sibling (or the leaf sits on the right edge, where the path skips levels).
      r = nodeHash(p, r);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  // The dry run guaranteed sn === 0 here; only the root can still disagree.
  return hashesEqual(r, rootHash) ? OK : fail('root mismatch', 'The proof leads to a different root hash.');
}

/** {@link checkInclusion} as a plain yes or no. */
export function verifyInclusion(params: {
  readonly index: number;
  readonly treeSize: number;
  readonly leafHash: Uint8Array;
  readonly proof: readonly Uint8Array[];
  readonly rootHash: Uint8Array;
}): boolean {
  return checkInclusion(params).ok;
}

/**
 * RFC 9162 §2.1.4.2: does `proof` show that the tree of `from` leaves with root `fromRoot` is a prefix
 * of the tree of `to` leaves with root `toRoot`? Edge cases follow the transparency-dev library:
 * from = to needs an empty proof and equal roots; from = 0 needs an empty proof (the empty tree is a
 * prefix of every tree, so there is nothing to compare); from > to is refused.
 */
export function checkConsistency(params: {
  readonly from: number;
  readonly to: number;
  readonly fromRoot: Uint8Array;
  readonly toRoot: Uint8Array;
  readonly proof: readonly Uint8Array[];
}): ProofCheck {
  const { from, to, fromRoot, toRoot, proof } = params;
  if (!isTreeSize(from) || !isTreeSize(to)) {
    return fail('invalid tree size', `The sizes ${String(from)} and ${String(to)} are not both non-negative safe integers.`);
  }
  if (from > to) return fail('tree shrank', `The first tree (${from} leaves) is larger than the second (${to}).`);
  if (!isHash(fromRoot) || !isHash(toRoot)) return fail('malformed hash', 'A root hash is not a 32-byte hash.');
  const shape = checkProofShape(proof);
  if (!shape.ok) return shape;

  if (from === to) {
    if (proof.length > 0) return fail('proof not empty', 'Two trees of the same size need no proof.');
    return hashesEqual(fromRoot, toRoot) ? OK : fail('roots differ', `Two different roots for the same tree size ${to}: the log forked.`);
  }
  if (from === 0) {
    return proof.length === 0 ? OK : fail('proof not empty', 'The empty tree is a prefix of every tree; it needs no proof.');
  }
  if (proof.length === 0) return fail('empty proof', `A proof from ${from} to ${to} leaves cannot be empty.`);

  // Step 2: when the old tree is a perfect subtree, its root is the first node of the path.
  const path = isPowerOfTwo(from) ? [fromRoot, ...proof] : [...proof];
  let fn = from - 1;
  let sn = to - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  const length = lengthCheck(path.length - 1, pathLength(fn, sn), 'The consistency proof');
  if (!length.ok) {
    return { ...length, detail: `${length.detail} (counting the old root when ${from} is a power of two)` };
  }

  let fr = path[0] as Uint8Array;
  let sr = fr;
  for (const c of path.slice(1)) {
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (!hashesEqual(fr, fromRoot)) return fail('first root mismatch', `The proof does not lead to the root of the tree of ${from} leaves.`);
  if (!hashesEqual(sr, toRoot)) return fail('second root mismatch', `The proof does not lead to the root of the tree of ${to} leaves.`);
  return OK;
}

/** {@link checkConsistency} as a plain yes or no. */
export function verifyConsistency(params: {
  readonly from: number;
  readonly to: number;
  readonly fromRoot: Uint8Array;
  readonly toRoot: Uint8Array;
  readonly proof: readonly Uint8Array[];
}): boolean {
  return checkConsistency(params).ok;
}
