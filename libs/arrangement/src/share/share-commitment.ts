import { randomBytes } from 'node:crypto';
import { canonicalJsonBytes, fromBase64, leafHash, rootHash, toBase64 } from '#ledger-core';
import type { Plan } from '../plan/compute-plan.js';
import { weightFactors } from '../plan/preferential-weight.js';

/**
 * The commitment over a plan's (claim, weight) entries (RULES.md §2 invariant 7): an RFC 9162 Merkle
 * tree whose leaves are the entries, so each creditor can be shown its own entries with an inclusion
 * proof while the root binds the coordinator to one and the same set of entries for everybody.
 *
 * The root only means something if every creditor of the plan receives the same one (the proposal
 * records it, e.g. in the consent ledger); a coordinator that sent different roots to different
 * creditors could show each a different world.
 */

/** How many random bytes hide an entry: enough that its leaf hash cannot be brute-forced. */
export const SHARE_NONCE_BYTES = 32;

/** Exactly what a leaf commits to. Nothing else may enter the leaf bytes. */
export interface ShareLeaf {
  readonly claimId: string;
  readonly creditorId: string;
  readonly amountCents: number;
  /** The claim's integer weight factor: `weightFactors(weight).preferential` or `.ordinary`. */
  readonly weightFactor: number;
  /**
   * 32 random bytes, base64. Sibling hashes in a proof are hashes of other creditors' entries; without
   * a nonce a creditor could test guesses ("does the tax office claim €1,234.56?") against them.
   */
  readonly nonce: string;
}

/** A leaf with its position in the tree (the plan's canonical claim order, by claim id). */
export interface ShareEntry extends ShareLeaf {
  readonly index: number;
}

/**
 * The coordinator's side of the commitment. `entries` with their nonces are secret to the
 * coordinator; only `rootHash` and `treeSize` are shown to all creditors, and each creditor sees its
 * own entries.
 */
export interface ShareCommitment {
  /** RFC 9162 root hash, standard padded base64. */
  readonly rootHash: string;
  readonly treeSize: number;
  readonly entries: readonly ShareEntry[];
}

/** The leaf bytes: RFC 8785 canonical JSON, so every node rebuilds them byte for byte. */
export function shareLeafBytes(params: { readonly leaf: ShareLeaf }): Uint8Array {
  const { claimId, creditorId, amountCents, weightFactor, nonce } = params.leaf;
  // Picked field by field: an entry carries its index too, which must not change the leaf.
  return canonicalJsonBytes({ claimId, creditorId, amountCents, weightFactor, nonce });
}

/** MTH of one leaf: SHA-256(0x00 ‖ leaf bytes). */
export function shareLeafHash(params: { readonly leaf: ShareLeaf }): Uint8Array {
  return leafHash(shareLeafBytes(params));
}

/** The root over entries given in tree order; the coordinator and its tests use it alike. */
export function shareRootHash(params: { readonly entries: readonly ShareLeaf[] }): string {
  return toBase64(rootHash(params.entries.map((leaf) => shareLeafHash({ leaf }))));
}

/** True when `nonce` is the canonical base64 of exactly {@link SHARE_NONCE_BYTES} bytes. */
export function isShareNonce(nonce: unknown): boolean {
  if (typeof nonce !== 'string') return false;
  try {
    return fromBase64(nonce).byteLength === SHARE_NONCE_BYTES;
  } catch {
    return false;
  }
}

function randomNonce(): string {
  return toBase64(randomBytes(SHARE_NONCE_BYTES));
}

/** Code-unit order, the same order computePlan sorts claims by (and locale-independent). */
function byClaimId(a: { readonly claimId: string }, b: { readonly claimId: string }): number {
  return a.claimId < b.claimId ? -1 : a.claimId > b.claimId ? 1 : 0;
}

/**
 * Commits to every claim of `plan`: one leaf per claim, in canonical order (by claim id). `nonces`
 * (claim id → base64 nonce, one for every claim) makes the commitment reproducible in tests; by
 * default every entry gets fresh random bytes from node:crypto. Throws when claim ids repeat (a
 * creditor could not tell its entries apart) or a given nonce is missing or not 32 bytes.
 */
export function commitPlanShares(params: { readonly plan: Plan; readonly nonces?: ReadonlyMap<string, string> }): ShareCommitment {
  const { plan, nonces } = params;
  const factors = weightFactors(plan.preferentialWeight);
  const claims = [...plan.claims].sort(byClaimId);
  const entries = claims.map((claim, index): ShareEntry => {
    const previous = claims[index - 1];
    if (previous !== undefined && previous.claimId === claim.claimId) throw new RangeError(`claim id ${claim.claimId} occurs more than once in the plan`);
    const nonce = nonces === undefined ? randomNonce() : nonces.get(claim.claimId);
    if (nonce === undefined || !isShareNonce(nonce)) throw new RangeError(`no ${SHARE_NONCE_BYTES}-byte base64 nonce for claim ${claim.claimId}`);
    return {
      index,
      claimId: claim.claimId,
      creditorId: claim.creditorId,
      amountCents: claim.amountCents,
      weightFactor: claim.preferential ? factors.preferential : factors.ordinary,
      nonce,
    };
  });
  return { rootHash: shareRootHash({ entries }), treeSize: entries.length, entries };
}
