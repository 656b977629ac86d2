import { createLocalJWKSet, decodeJwt, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import { CREDITOR_ID_PATTERN } from '#contracts';
import type { CreditorDirectory } from '../directory/creditor-directory.repository.js';

/**
 * For a JWT a creditor node signed itself (a node credential, an answer to a proposal): the creditor
 * it claims to come from (its `iss`) and the public keys registered for that creditor in the
 * directory, to verify it against. Null when the token names no registered creditor. The claim is
 * only a lookup key: nothing is trusted until the signature checks out with these keys.
 */
export async function registeredNodeKeys(directory: CreditorDirectory, token: string): Promise<{ readonly creditorId: string; readonly keys: JWTVerifyGetKey } | null> {
  let claimedIssuer: unknown;
  try {
    claimedIssuer = decodeJwt(token).iss;
  } catch {
    return null;
  }
  if (typeof claimedIssuer !== 'string' || !CREDITOR_ID_PATTERN.test(claimedIssuer)) return null;
  const keySet = await directory.keySet(claimedIssuer);
  if (!keySet) return null;
  return { creditorId: claimedIssuer, keys: createLocalJWKSet(keySet as unknown as JSONWebKeySet) };
}
