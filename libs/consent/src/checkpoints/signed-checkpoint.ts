import { CompactSign, compactVerify, createLocalJWKSet, errors, type CryptoKey, type JSONWebKeySet, type KeyObject } from 'jose';
import { fromBase64, isHash, toBase64 } from '../ledger/hashing.js';

/** A signed tree head: the ledger's size and root at a moment, as LEDGER.md fixes it. */
export interface Checkpoint {
  readonly origin: string;
  readonly treeSize: number;
  readonly rootHash: Uint8Array;
  readonly issuedAt: Date;
}

export const CHECKPOINT_TYPE = 'checkpoint+jwt';

/** Signs a checkpoint as a compact JWS (EdDSA, Ed25519) naming the key it was signed with. */
export async function signCheckpoint(params: {
  readonly checkpoint: Checkpoint;
  readonly privateKey: CryptoKey | KeyObject;
  readonly keyId: string;
}): Promise<string> {
  const { origin, treeSize, rootHash, issuedAt } = params.checkpoint;
  const payload = { origin, treeSize, rootHash: toBase64(rootHash), issuedAt: issuedAt.toISOString() };
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: 'EdDSA', typ: CHECKPOINT_TYPE, kid: params.keyId })
    .sign(params.privateKey);
}

export type CheckpointVerification =
  | { readonly ok: true; readonly checkpoint: Checkpoint; readonly keyId: string }
  | { readonly ok: false; readonly reason: string };

/**
 * Verifies a checkpoint against a published key set (retired keys included, so old checkpoints stay
 * verifiable) and checks its payload strictly. Never throws for a bad checkpoint.
 */
export async function verifyCheckpoint(params: {
  readonly jws: string;
  readonly keySet: JSONWebKeySet;
  /** When given, the checkpoint must be of this log. */
  readonly origin?: string;
}): Promise<CheckpointVerification> {
  let payloadBytes: Uint8Array;
  let keyId: string;
  try {
    const result = await compactVerify(params.jws, createLocalJWKSet(params.keySet), { algorithms: ['EdDSA', 'Ed25519'] });
    if (result.protectedHeader.typ !== CHECKPOINT_TYPE) return { ok: false, reason: 'not a checkpoint (typ)' };
    if (typeof result.protectedHeader.kid !== 'string') return { ok: false, reason: 'no key id' };
    payloadBytes = result.payload;
    keyId = result.protectedHeader.kid;
  } catch (error) {
    const reason = error instanceof errors.JOSEError ? `signature not valid (${error.code})` : 'signature not valid';
    return { ok: false, reason };
  }
  let payload: unknown;
  try {
    payload = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payloadBytes));
  } catch {
    return { ok: false, reason: 'payload is not JSON' };
  }
  const parsed = parseCheckpointPayload(payload);
  if (typeof parsed === 'string') return { ok: false, reason: parsed };
  if (params.origin !== undefined && parsed.origin !== params.origin) {
    return { ok: false, reason: `checkpoint of another log (${parsed.origin})` };
  }
  return { ok: true, checkpoint: parsed, keyId };
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function parseCheckpointPayload(payload: unknown): Checkpoint | string {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return 'payload is not an object';
  const { origin, treeSize, rootHash, issuedAt } = payload as Record<string, unknown>;
  if (typeof origin !== 'string' || origin === '') return 'origin missing';
  if (typeof treeSize !== 'number' || !Number.isSafeInteger(treeSize) || treeSize < 0) return 'treeSize is not a size';
  if (typeof rootHash !== 'string') return 'rootHash missing';
  let root: Uint8Array;
  try {
    root = fromBase64(rootHash);
  } catch {
    return 'rootHash is not base64';
  }
  if (!isHash(root)) return 'rootHash is not a SHA-256 hash';
  if (typeof issuedAt !== 'string' || !RFC3339.test(issuedAt) || Number.isNaN(Date.parse(issuedAt))) return 'issuedAt is not RFC 3339';
  return { origin, treeSize, rootHash: root, issuedAt: new Date(issuedAt) };
}
