import type { JSONWebKeySet, JWK } from 'jose';
import { fromBase64 } from '../ledger/hashing.js';
import type { PartyOpening } from '../ledger-events/party-commitment.js';

/**
 * The consent receipt as a resident keeps it: a signed statement that one ledger entry is in the tree
 * a signed checkpoint commits to, plus the key set needed to check both signatures offline.
 *
 *   { "type": "samen-regelen/consent-receipt", "version": 1, "receipt": "<compact JWS>", "keys": <JWKS> }
 *
 * The JWS (EdDSA, `typ: consent-receipt+jwt`, `kid`) carries {@link ConsentReceiptPayload}.
 */
export const CONSENT_RECEIPT_FILE_TYPE = 'samen-regelen/consent-receipt';
export const CONSENT_RECEIPT_FILE_VERSION = 1;
export const CONSENT_RECEIPT_TYPE = 'consent-receipt+jwt';

export interface ConsentReceiptFile {
  readonly type: typeof CONSENT_RECEIPT_FILE_TYPE;
  readonly version: typeof CONSENT_RECEIPT_FILE_VERSION;
  /** Compact JWS over {@link ConsentReceiptPayload}. */
  readonly receipt: string;
  /** The JWKS published at /.well-known/jwks.json when the receipt was issued (public keys only). */
  readonly keys: JSONWebKeySet;
}

/** What the receipt JWS signs. Bytes are standard base64, as everywhere on the ledger's wire. */
export interface ConsentReceiptPayload {
  readonly origin: string;
  readonly recordId: string;
  readonly leafIndex: number;
  readonly treeSize: number;
  /** base64 of the leaf bytes (the canonical JSON of the ledger event). */
  readonly leaf: string;
  /** Openings of the event's creditor commitments that the holder may see. */
  readonly openings: readonly PartyOpening[];
  /** RFC 9162 inclusion proof of `leafIndex` in the tree of `treeSize` entries, base64 hashes. */
  readonly inclusionProof: readonly string[];
  /** The checkpoint (compact JWS) whose root the proof leads to. */
  readonly checkpoint: string;
  /** RFC 3339. */
  readonly issuedAt: string;
}

/** The payload with its byte fields decoded, once its shape has been checked. */
export interface DecodedReceiptPayload {
  readonly origin: string;
  readonly recordId: string;
  readonly leafIndex: number;
  readonly treeSize: number;
  readonly leaf: Uint8Array;
  readonly openings: readonly PartyOpening[];
  readonly inclusionProof: readonly Uint8Array[];
  readonly checkpoint: string;
  readonly issuedAt: string;
}

type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly string[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isSize(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** A JWKS in shape only ({ keys: [object…] }); whether the keys import is up to jose. */
export function isKeySet(value: unknown): value is JSONWebKeySet {
  return isRecord(value) && Array.isArray(value['keys']) && value['keys'].every((key: unknown) => isRecord(key));
}

/** A key set that carries a private member must never be written into a file handed to residents. */
export function keySetHasPrivateParts(keySet: JSONWebKeySet): boolean {
  const privateMembers: readonly (keyof JWK)[] = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'];
  return keySet.keys.some((key) => privateMembers.some((member) => key[member] !== undefined));
}

/** The outer file: type, version, receipt and keys. Problems name what is wrong, for a person to read. */
export function parseReceiptFile(file: unknown): Parsed<{ readonly receipt: string; readonly keys: JSONWebKeySet | undefined }> {
  if (!isRecord(file)) return { ok: false, problems: ['the receipt file is not a JSON object'] };
  const problems: string[] = [];
  if (file['type'] !== CONSENT_RECEIPT_FILE_TYPE) problems.push(`the file is not a consent receipt (its type is not "${CONSENT_RECEIPT_FILE_TYPE}")`);
  else if (file['version'] !== CONSENT_RECEIPT_FILE_VERSION) {
    problems.push(`unsupported receipt version ${JSON.stringify(file['version']) ?? 'none'} (version ${CONSENT_RECEIPT_FILE_VERSION} is supported)`);
  }
  const receipt = file['receipt'];
  if (typeof receipt !== 'string' || receipt === '') problems.push('the file holds no receipt (a compact JWS string)');
  const keys = file['keys'];
  if (!isKeySet(keys)) problems.push('the file holds no key set ({ "keys": [...] })');
  if (problems.length > 0 || typeof receipt !== 'string') return { ok: false, problems };
  return { ok: true, value: { receipt, keys: isKeySet(keys) ? keys : undefined } };
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function decodeBase64(text: unknown): Uint8Array | undefined {
  if (typeof text !== 'string') return undefined;
  try {
    return fromBase64(text);
  } catch {
    return undefined;
  }
}

function isOpening(value: unknown): value is PartyOpening {
  return isRecord(value) && typeof value['creditorId'] === 'string' && typeof value['nonce'] === 'string';
}

/** The signed payload, checked field by field; every malformed field is its own problem. */
export function parseReceiptPayload(payload: unknown): Parsed<DecodedReceiptPayload> {
  if (!isRecord(payload)) return { ok: false, problems: ['the receipt payload is not a JSON object'] };
  const { origin, recordId, leafIndex, treeSize, leaf, openings, inclusionProof, checkpoint, issuedAt } = payload;
  const problems: string[] = [];
  const bad = (field: string, what: string): void => {
    problems.push(`the receipt's ${field} is not ${what}`);
  };
  if (typeof origin !== 'string' || origin === '') bad('origin', 'a log name');
  if (typeof recordId !== 'string' || recordId === '') bad('recordId', 'a record id');
  if (!isSize(leafIndex)) bad('leafIndex', 'a non-negative integer');
  if (!isSize(treeSize)) bad('treeSize', 'a non-negative integer');
  const leafBytes = decodeBase64(leaf);
  if (leafBytes === undefined) bad('leaf', 'standard base64');
  if (!Array.isArray(openings) || !openings.every(isOpening)) bad('openings', 'a list of { creditorId, nonce }');
  const proof = Array.isArray(inclusionProof) ? inclusionProof.map(decodeBase64) : undefined;
  if (proof === undefined || proof.some((hash) => hash === undefined)) bad('inclusionProof', 'a list of base64 hashes');
  if (typeof checkpoint !== 'string' || checkpoint === '') bad('checkpoint', 'a compact JWS');
  if (typeof issuedAt !== 'string' || !RFC3339.test(issuedAt) || Number.isNaN(Date.parse(issuedAt))) bad('issuedAt', 'an RFC 3339 time');
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      origin: origin as string,
      recordId: recordId as string,
      leafIndex: leafIndex as number,
      treeSize: treeSize as number,
      leaf: leafBytes as Uint8Array,
      openings: (openings as PartyOpening[]).map(({ creditorId, nonce }) => ({ creditorId, nonce })),
      inclusionProof: proof as Uint8Array[],
      checkpoint: checkpoint as string,
      issuedAt: issuedAt as string,
    },
  };
}
