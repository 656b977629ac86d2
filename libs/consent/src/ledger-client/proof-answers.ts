import { fromBase64 } from '../ledger/hashing.js';

/**
 * Reads the proof answers of LEDGER.md's API. The server is not trusted: an answer for other sizes or
 * indexes than asked, or a hash that is not base64, is a problem (a string), never an exception.
 */

function decodeHashes(proof: unknown, what: string): Uint8Array[] | string {
  if (!Array.isArray(proof)) return `the ${what} answer has no proof list`;
  try {
    return proof.map((hash: unknown) => {
      if (typeof hash !== 'string') throw new TypeError('not a string');
      return fromBase64(hash);
    });
  } catch {
    return `the ${what} holds a hash that is not standard base64`;
  }
}

function fields(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
}

/** `GET /ledger/v1/proof/consistency?from=M&to=N` → `{ from: M, to: N, proof }`. */
export function decodeConsistencyAnswer(body: unknown, from: number, to: number): Uint8Array[] | string {
  const answer = fields(body);
  if (answer['from'] !== from || answer['to'] !== to) return `the consistency proof answer is not for ${from} → ${to} entries`;
  return decodeHashes(answer['proof'], 'consistency proof');
}

/** `GET /ledger/v1/proof/inclusion?index=I&treeSize=N` → `{ leafIndex: I, treeSize: N, proof }`. */
export function decodeInclusionAnswer(body: unknown, index: number, treeSize: number): Uint8Array[] | string {
  const answer = fields(body);
  if (answer['leafIndex'] !== index || answer['treeSize'] !== treeSize) {
    return `the inclusion proof answer is not for entry ${index} of ${treeSize} entries`;
  }
  return decodeHashes(answer['proof'], 'inclusion proof');
}
