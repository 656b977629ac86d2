import { SignJWT } from 'jose';
import { COORDINATOR_AUDIENCE, CREDITOR_STAFF_ROLE, ROLES_CLAIM, STAFF_CREDITOR_CLAIM, backofficeAudience, type PlatformRole } from '#contracts';
import { derivePairwisePseudonym } from '#consent';
import { pseudonymSecretBytes, signingKey, type DemoKeys } from './demo-keys.js';
import { DEMO_IDP_ISSUER } from './demo-nodes.js';

/** How long pasted access tokens live. Consent tokens are the coordinator's to mint now. */
export const STAFF_TOKEN_SECONDS = 3600;
export const ACCESS_TOKEN_SECONDS = 3600;

/**
 * The pseudonym one node knows a resident by, derived exactly as the coordinator derives it: from the
 * resident's platform id (the UUID `whoAmI` returns, not their subject) and the same secret.
 */
export function demoPseudonym(keys: DemoKeys, params: { platformId: string; creditorId: string }): string {
  return derivePairwisePseudonym({ secret: pseudonymSecretBytes(keys), residentId: params.platformId, creditorId: params.creditorId });
}

/** An access token as the development identity provider issues it to a creditor's staff member. */
export async function mintStaffToken(
  keys: DemoKeys,
  params: { creditorId: string; subject: string; lifetimeSeconds: number },
): Promise<string> {
  return signAccessToken(keys, {
    claims: { [ROLES_CLAIM]: [CREDITOR_STAFF_ROLE], [STAFF_CREDITOR_CLAIM]: params.creditorId },
    audience: backofficeAudience(params.creditorId),
    subject: params.subject,
    lifetimeSeconds: params.lifetimeSeconds,
  });
}

/** A person's access token for the coordinator, as the development identity provider issues it. */
export async function mintPersonToken(
  keys: DemoKeys,
  params: { subject: string; roles: readonly PlatformRole[]; lifetimeSeconds: number },
): Promise<string> {
  return signAccessToken(keys, {
    claims: { [ROLES_CLAIM]: [...params.roles] },
    audience: COORDINATOR_AUDIENCE,
    subject: params.subject,
    lifetimeSeconds: params.lifetimeSeconds,
  });
}

async function signAccessToken(
  keys: DemoKeys,
  params: { claims: Record<string, unknown>; audience: string; subject: string; lifetimeSeconds: number },
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(params.claims)
    .setProtectedHeader({ alg: 'EdDSA', kid: keys.identityProvider.kid, typ: 'at+jwt' })
    .setIssuer(DEMO_IDP_ISSUER)
    .setAudience(params.audience)
    .setSubject(params.subject)
    .setIssuedAt(now)
    .setExpirationTime(now + params.lifetimeSeconds)
    .sign(await signingKey(keys.identityProvider));
}
