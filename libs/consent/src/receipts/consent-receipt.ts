import { CompactSign, compactVerify, createLocalJWKSet, errors, type CryptoKey, type JSONWebKeySet, type KeyObject } from 'jose';
import { verifyCheckpoint } from '../checkpoints/signed-checkpoint.js';
import { leafHash, toBase64 } from '../ledger/hashing.js';
import { checkInclusion } from '../ledger/verify-proof.js';
import { parseLedgerEventLeaf, type LedgerEvent } from '../ledger-events/ledger-event.js';
import { opensCommitment, type PartyOpening } from '../ledger-events/party-commitment.js';
import {
  CONSENT_RECEIPT_FILE_TYPE,
  CONSENT_RECEIPT_FILE_VERSION,
  CONSENT_RECEIPT_TYPE,
  keySetHasPrivateParts,
  parseReceiptFile,
  parseReceiptPayload,
  type ConsentReceiptFile,
  type ConsentReceiptPayload,
} from './consent-receipt-format.js';

/**
 * Signs a consent receipt for one ledger entry. The receipt signature only says who handed it out;
 * what makes it evidence is the inclusion proof up to a signed checkpoint, which anyone can check
 * against the published keys without asking the coordinator again.
 */
export async function issueConsentReceipt(params: {
  readonly origin: string;
  readonly recordId: string;
  readonly leafIndex: number;
  readonly treeSize: number;
  readonly leaf: Uint8Array;
  readonly openings: readonly PartyOpening[];
  readonly inclusionProof: readonly Uint8Array[];
  readonly checkpoint: string;
  /** The JWKS as published at /.well-known/jwks.json; public keys only. */
  readonly keys: JSONWebKeySet;
  readonly privateKey: CryptoKey | KeyObject;
  readonly keyId: string;
  readonly issuedAt: Date;
}): Promise<ConsentReceiptFile> {
  // The file goes to residents and on to anyone they choose: a private key in it would be a leak
  // nobody can take back, so refuse loudly rather than sign.
  if (keySetHasPrivateParts(params.keys)) throw new RangeError('A consent receipt may only carry public keys.');
  const payload: ConsentReceiptPayload = {
    origin: params.origin,
    recordId: params.recordId,
    leafIndex: params.leafIndex,
    treeSize: params.treeSize,
    leaf: toBase64(params.leaf),
    openings: params.openings.map(({ creditorId, nonce }) => ({ creditorId, nonce })),
    inclusionProof: params.inclusionProof.map((hash) => toBase64(hash)),
    checkpoint: params.checkpoint,
    issuedAt: params.issuedAt.toISOString(),
  };
  const receipt = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: 'EdDSA', typ: CONSENT_RECEIPT_TYPE, kid: params.keyId })
    .sign(params.privateKey);
  // A deep copy, so the file never shares (or later reflects changes to) the caller's key objects.
  const keys = JSON.parse(JSON.stringify(params.keys)) as JSONWebKeySet;
  return { type: CONSENT_RECEIPT_FILE_TYPE, version: CONSENT_RECEIPT_FILE_VERSION, receipt, keys };
}

/** The outcome of checking a receipt: every problem found, and what the receipt shows when it holds. */
export interface ReceiptVerificationReport {
  readonly ok: boolean;
  /** The checkpoint's tree size (the receipt's own claim if the checkpoint fails; 0 if unreadable). */
  readonly treeSize: number;
  readonly leafIndex?: number;
  readonly problems: readonly string[];
  /** The ledger event, when the signed leaf is one. */
  readonly event?: LedgerEvent;
  /** The creditor ids whose openings open one of the event's commitments. */
  readonly creditors?: readonly string[];
}

function failed(problems: readonly string[], treeSize = 0): ReceiptVerificationReport {
  return { ok: false, treeSize, problems };
}

async function verifyReceiptSignature(
  jws: string,
  keySet: JSONWebKeySet,
  keysName: string,
): Promise<{ readonly ok: true; readonly payload: unknown } | { readonly ok: false; readonly problem: string }> {
  let payloadBytes: Uint8Array;
  try {
    const result = await compactVerify(jws, createLocalJWKSet(keySet), { algorithms: ['EdDSA'] });
    if (result.protectedHeader.typ !== CONSENT_RECEIPT_TYPE) {
      return { ok: false, problem: `the receipt is not a consent receipt (its typ is not "${CONSENT_RECEIPT_TYPE}")` };
    }
    payloadBytes = result.payload;
  } catch (error) {
    const code = error instanceof errors.JOSEError ? ` (${error.code})` : '';
    return { ok: false, problem: `the receipt's signature does not verify against ${keysName}${code}` };
  }
  try {
    return { ok: true, payload: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payloadBytes)) as unknown };
  } catch {
    return { ok: false, problem: 'the receipt payload is not JSON' };
  }
}

/**
 * Checks a consent receipt offline: the receipt's signature, the checkpoint's signature (same key
 * set), that both are of the same log, that the leaf is a canonical ledger event about the named
 * record, that the inclusion proof leads from the leaf to the checkpoint's root, and that every
 * opening opens one of the event's creditor commitments. Never throws: a receipt is foreign input.
 *
 * `keySet` is a key set the caller fetched themselves; without it the keys inside the file are used,
 * which only shows the file is self-consistent, not that the ledger's operator signed it.
 */
export async function verifyConsentReceipt(params: {
  readonly file: unknown;
  readonly keySet?: JSONWebKeySet;
  readonly origin?: string;
}): Promise<ReceiptVerificationReport> {
  try {
    return await verifyReceipt(params);
  } catch (error) {
    // Defensive only: every step above reports rather than throws, but a verifier must not crash.
    return failed([`the receipt could not be checked: ${error instanceof Error ? error.message : String(error)}`]);
  }
}

async function verifyReceipt(params: {
  readonly file: unknown;
  readonly keySet?: JSONWebKeySet;
  readonly origin?: string;
}): Promise<ReceiptVerificationReport> {
  const file = parseReceiptFile(params.file);
  if (!file.ok) return failed(file.problems);
  const keySet = params.keySet ?? file.value.keys;
  if (keySet === undefined) return failed(['the file holds no key set ({ "keys": [...] })']);
  const keysName = params.keySet ? 'the given key set' : 'the keys inside the receipt';

  const signed = await verifyReceiptSignature(file.value.receipt, keySet, keysName);
  // Without a valid signature nothing in the payload can be attributed to the ledger; stop here.
  if (!signed.ok) return failed([signed.problem]);
  const parsed = parseReceiptPayload(signed.payload);
  if (!parsed.ok) return failed(parsed.problems);
  const payload = parsed.value;

  const problems: string[] = [];
  if (params.origin !== undefined && payload.origin !== params.origin) {
    problems.push(`the receipt is of log "${payload.origin}", expected "${params.origin}"`);
  }

  const verified = await verifyCheckpoint({ jws: payload.checkpoint, keySet });
  const checkpoint = verified.ok ? verified.checkpoint : undefined;
  if (!verified.ok) problems.push(`the receipt's checkpoint does not verify against ${keysName}: ${verified.reason}`);
  else if (verified.checkpoint.origin !== payload.origin) {
    problems.push(`the checkpoint is of log "${verified.checkpoint.origin}", the receipt of log "${payload.origin}"`);
  }

  const event = parseLedgerEventLeaf(payload.leaf);
  if (typeof event === 'string') problems.push(`the leaf is not a ledger event: ${event}`);
  else if (event.recordId !== payload.recordId) {
    problems.push(`the leaf is about record "${event.recordId}", the receipt names record "${payload.recordId}"`);
  }

  if (checkpoint !== undefined) {
    if (payload.treeSize !== checkpoint.treeSize) {
      // The proof was made for the receipt's size; against another root it cannot hold, and saying
      // so once is clearer than a second, derived proof failure.
      problems.push(`the receipt says tree size ${payload.treeSize}, its checkpoint ${checkpoint.treeSize}`);
    } else {
      const inclusion = checkInclusion({
        index: payload.leafIndex,
        treeSize: checkpoint.treeSize,
        leafHash: leafHash(payload.leaf),
        proof: payload.inclusionProof,
        rootHash: checkpoint.rootHash,
      });
      if (!inclusion.ok) {
        problems.push(
          `the inclusion proof does not show entry ${payload.leafIndex} in the checkpoint's tree of ${checkpoint.treeSize} entries: ${inclusion.reason} (${inclusion.detail})`,
        );
      }
    }
  }

  const creditors: string[] = [];
  if (typeof event !== 'string') {
    for (const opening of payload.openings) {
      if (opensCommitment(opening, event.creditors)) creditors.push(opening.creditorId);
      else problems.push(`the opening for creditor "${opening.creditorId}" does not open any creditor commitment of the event`);
    }
  }

  return {
    ok: problems.length === 0,
    treeSize: checkpoint?.treeSize ?? payload.treeSize,
    leafIndex: payload.leafIndex,
    problems,
    ...(typeof event === 'string' ? {} : { event, creditors }),
  };
}
