import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { CREDITOR_STAFF_ROLE, ConsentPurpose, DataCategory, STAFF_CREDITOR_CLAIM, backofficeAudience } from '#contracts';
import { derivePairwisePseudonym, issueConsentToken } from '#consent';
import { pseudonymSecretBytes, signingKey, type DemoKeys } from './demo-keys.js';
import { COORDINATOR_ISSUER, DEMO_IDP_ISSUER } from './demo-nodes.js';

/** How long pasted tokens live: consent tokens minutes at most (the nodes refuse longer), staff 1 h. */
export const CONSENT_TOKEN_SECONDS = 300;
export const STAFF_TOKEN_SECONDS = 3600;

/** The pseudonym one node knows a resident by, derived as the coordinator will derive it. */
export function demoPseudonym(keys: DemoKeys, params: { residentId: string; creditorId: string }): string {
  return derivePairwisePseudonym({ secret: pseudonymSecretBytes(keys), ...params });
}

/**
 * A consent token as the coordinator will mint it: for one node, for the resident's pseudonym at
 * that node, purpose debt-overview, category claims.
 */
export async function mintConsentToken(
  keys: DemoKeys,
  params: { creditorId: string; residentId: string; lifetimeSeconds: number },
): Promise<string> {
  const { creditorId, residentId } = params;
  return issueConsentToken({
    issuer: COORDINATOR_ISSUER,
    audience: creditorId,
    subject: demoPseudonym(keys, { residentId, creditorId }),
    // There is no consent ledger yet (issue 3); this id stands for the resident's consent to this node.
    consentId: `demo-consent-${residentId}-${creditorId}`,
    purpose: ConsentPurpose.DEBT_OVERVIEW,
    categories: [DataCategory.CLAIMS],
    tokenId: randomUUID(),
    issuedAt: new Date(),
    lifetimeSeconds: params.lifetimeSeconds,
    privateKey: await signingKey(keys.coordinator),
    keyId: keys.coordinator.kid,
  });
}

/** An access token as the development identity provider issues it to a creditor's staff member. */
export async function mintStaffToken(
  keys: DemoKeys,
  params: { creditorId: string; subject: string; lifetimeSeconds: number },
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ roles: [CREDITOR_STAFF_ROLE], [STAFF_CREDITOR_CLAIM]: params.creditorId })
    .setProtectedHeader({ alg: 'EdDSA', kid: keys.identityProvider.kid, typ: 'at+jwt' })
    .setIssuer(DEMO_IDP_ISSUER)
    .setAudience(backofficeAudience(params.creditorId))
    .setSubject(params.subject)
    .setIssuedAt(now)
    .setExpirationTime(now + params.lifetimeSeconds)
    .sign(await signingKey(keys.identityProvider));
}
