import { createHmac } from 'node:crypto';

/**
 * The pseudonym one node knows a resident by. HMAC-SHA256 under a secret only the coordinator holds,
 * over the node's creditor id and the resident's platform id: every node gets a different value, no
 * two nodes can link their residents, and nothing about the platform id can be recovered from it.
 */
export function derivePairwisePseudonym(params: {
  readonly secret: Uint8Array;
  readonly residentId: string;
  readonly creditorId: string;
}): string {
  if (params.secret.byteLength < 32) throw new RangeError('The pseudonym secret must be at least 32 bytes.');
  const mac = createHmac('sha256', params.secret);
  // Length-prefix both parts so ("ab","c") and ("a","bc") can never collide.
  mac.update(`${params.creditorId.length}:${params.creditorId}|${params.residentId.length}:${params.residentId}`);
  return `ps_${mac.digest('base64url')}`;
}
