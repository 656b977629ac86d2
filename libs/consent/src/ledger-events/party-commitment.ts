import { createHash, randomBytes } from 'node:crypto';
import { fromBase64, hashesEqual, toBase64 } from '../ledger/hashing.js';

/**
 * A creditor named in a ledger event appears only as a commitment: SHA-256 over a domain tag, a random
 * 16-byte nonce and the creditor id. Creditor ids are few and public, so a bare hash would be undone
 * by trying them all; with the nonce it is not. Each creditor is given the opening for itself (and the
 * resident all openings), so a node can prove it is covered without learning who else the resident owes.
 */
export interface PartyOpening {
  readonly creditorId: string;
  /** base64 of the 16-byte nonce. */
  readonly nonce: string;
}

const COMMITMENT_TAG = 'samen-regelen/creditor-commitment/v1\u0000';
export const COMMITMENT_NONCE_BYTES = 16;

export function creditorCommitment(opening: PartyOpening): string {
  return toBase64(
    createHash('sha256')
      .update(COMMITMENT_TAG, 'utf8')
      .update(fromBase64(opening.nonce))
      .update(opening.creditorId, 'utf8')
      .digest(),
  );
}

/** A fresh opening (random nonce) for a creditor; the coordinator keeps it beside the ledger. */
export function openCommitmentFor(creditorId: string): PartyOpening {
  return { creditorId, nonce: toBase64(randomBytes(COMMITMENT_NONCE_BYTES)) };
}

/** Whether `opening` opens one of `commitments` (constant-time per comparison). */
export function opensCommitment(opening: PartyOpening, commitments: readonly string[]): boolean {
  let nonce: Uint8Array;
  try {
    nonce = fromBase64(opening.nonce);
  } catch {
    return false;
  }
  if (nonce.length !== COMMITMENT_NONCE_BYTES) return false;
  const expected = fromBase64(creditorCommitment(opening));
  return commitments.some((c) => {
    try {
      return hashesEqual(fromBase64(c), expected);
    } catch {
      return false;
    }
  });
}
