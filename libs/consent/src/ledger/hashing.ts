import { hash as oneShotHash, timingSafeEqual } from 'node:crypto';

/**
 * The hashes of the consent ledger's Merkle tree, exactly as RFC 9162 §2.1.1 (identical to RFC 6962
 * §2.1) defines them for SHA-256. The one-byte prefixes keep a leaf and an interior node from ever
 * hashing alike, so nobody can pass off two child hashes as a leaf (second-preimage resistance).
 */

/** Every hash in the ledger is a SHA-256 digest of this many bytes. */
export const HASH_SIZE = 32;

const LEAF_PREFIX = 0x00;
const NODE_PREFIX = 0x01;

/** One scratch buffer for interior nodes, hashed in one call: no allocation but the digest itself. */
const nodeInput = new Uint8Array(1 + 2 * HASH_SIZE);
nodeInput[0] = NODE_PREFIX;

/**
 * SHA-256 as a plain `Uint8Array` view, not a Node `Buffer`: callers compare, store and serialise
 * hashes, and a Buffer's different `toString`/`equals` (and constructor) only get in the way. The
 * one-shot `crypto.hash` is markedly faster than `createHash` for the small inputs a tree hashes.
 */
function sha256(data: Uint8Array): Uint8Array {
  const digest = oneShotHash('sha256', data, 'buffer');
  return new Uint8Array(digest.buffer, digest.byteOffset, digest.byteLength);
}

/** MTH({d(0)}) = SHA-256(0x00 ‖ leaf bytes): the hash of one ledger entry. */
export function leafHash(leafBytes: Uint8Array): Uint8Array {
  const input = new Uint8Array(1 + leafBytes.byteLength);
  input[0] = LEAF_PREFIX;
  input.set(leafBytes, 1);
  return sha256(input);
}

/**
 * SHA-256(0x01 ‖ left ‖ right): the hash of an interior node from its two children's hashes. The RFC
 * defines it over any byte strings (and the reference vectors use short ones); in the tree both are
 * always 32-byte hashes, which take the allocation-free path.
 */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  if (left.byteLength === HASH_SIZE && right.byteLength === HASH_SIZE) {
    nodeInput.set(left, 1);
    nodeInput.set(right, 1 + HASH_SIZE);
    return sha256(nodeInput);
  }
  const input = new Uint8Array(1 + left.byteLength + right.byteLength);
  input[0] = NODE_PREFIX;
  input.set(left, 1);
  input.set(right, 1 + left.byteLength);
  return sha256(input);
}

/**
 * MTH({}) = SHA-256 of the empty string: the root of the empty tree. Typed arrays cannot be frozen,
 * so treat this as read-only; functions of this module hand out copies of it.
 */
export const EMPTY_ROOT: Uint8Array = sha256(new Uint8Array(0));

/** A fresh copy of {@link EMPTY_ROOT}, for returning to callers that may mutate what they get. */
export function emptyRoot(): Uint8Array {
  return EMPTY_ROOT.slice();
}

/**
 * Equality of two hashes without an early exit on the first differing byte, so a verifier that
 * compares a computed root with a secret-ish expected one leaks nothing through timing. Lengths are
 * public, so a length mismatch may return early.
 */
export function hashesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  return timingSafeEqual(a, b);
}

/**
 * True for a value that is a `Uint8Array` (a Node `Buffer` included) of exactly {@link HASH_SIZE}
 * bytes. Checked by type tag rather than `instanceof`, which is false for arrays made in another
 * realm (a worker, a `vm` context such as Jest's) and would make a verifier refuse a valid proof.
 */
export function isHash(value: unknown): value is Uint8Array {
  return ArrayBuffer.isView(value) && Object.prototype.toString.call(value) === '[object Uint8Array]' && value.byteLength === HASH_SIZE;
}

/** Standard base64 with padding (RFC 4648 §4), the encoding LEDGER.md uses for hashes on the wire. */
export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Decodes standard, padded base64 strictly. Node's own decoder skips characters it does not know and
 * accepts the URL alphabet, so two different strings could decode to the same hash; here a string
 * decodes only if it is the one canonical encoding of its bytes.
 */
export function fromBase64(text: string): Uint8Array {
  if (!BASE64.test(text)) throw new RangeError('Not standard padded base64.');
  const decoded = Buffer.from(text, 'base64');
  if (decoded.toString('base64') !== text) throw new RangeError('Not the canonical base64 encoding (non-zero padding bits).');
  return new Uint8Array(decoded.buffer, decoded.byteOffset, decoded.byteLength).slice();
}

/** Lower-case hexadecimal, as the RFCs and the transparency-dev test vectors print hashes. */
export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

const HEX = /^(?:[0-9a-fA-F]{2})*$/;

/** Decodes hexadecimal strictly (even length, hex digits only). */
export function fromHex(text: string): Uint8Array {
  if (!HEX.test(text)) throw new RangeError('Not an even-length hexadecimal string.');
  return Uint8Array.from(Buffer.from(text, 'hex'));
}
