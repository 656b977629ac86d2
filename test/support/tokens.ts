import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { COORDINATOR_AUDIENCE, CREDITOR_STAFF_ROLE, ConsentPurpose, NODE_CREDENTIAL_TYPE, DataCategory, STAFF_CREDITOR_CLAIM, backofficeAudience } from '#contracts';
import { issueConsentToken } from '#consent';
import type { SigningKey } from './key-set-server.js';

export const TEST_COORDINATOR_ISSUER = 'samen-regelen-coordinator';
export const TEST_STAFF_ISSUER = 'http://127.0.0.1/test-idp';

export function consentToken(params: {
  key: SigningKey;
  audience: string;
  subject: string;
  issuedAt?: Date;
  lifetimeSeconds?: number;
  categories?: DataCategory[];
  consentId?: string;
}): Promise<string> {
  return issueConsentToken({
    issuer: TEST_COORDINATOR_ISSUER,
    audience: params.audience,
    subject: params.subject,
    consentId: params.consentId ?? `consent-${randomUUID()}`,
    purpose: ConsentPurpose.DEBT_OVERVIEW,
    categories: params.categories ?? [DataCategory.CLAIMS],
    tokenId: randomUUID(),
    issuedAt: params.issuedAt ?? new Date(),
    lifetimeSeconds: params.lifetimeSeconds ?? 120,
    privateKey: params.key.privateKey,
    keyId: params.key.kid,
  });
}

/** An access token as the identity provider would issue it to a creditor's staff member. */
export function staffToken(params: {
  key: SigningKey;
  creditorId: string;
  subject?: string;
  roles?: string[];
  audience?: string;
  issuer?: string;
  expiresInSeconds?: number;
}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ roles: params.roles ?? [CREDITOR_STAFF_ROLE], [STAFF_CREDITOR_CLAIM]: params.creditorId })
    .setProtectedHeader({ alg: 'EdDSA', kid: params.key.kid, typ: 'at+jwt' })
    .setIssuer(params.issuer ?? TEST_STAFF_ISSUER)
    .setAudience(params.audience ?? backofficeAudience(params.creditorId))
    .setSubject(params.subject ?? 'staff-member-1')
    .setIssuedAt(now)
    .setExpirationTime(now + (params.expiresInSeconds ?? 300))
    .sign(params.key.privateKey);
}

/** A person's access token as the identity provider issues it for the coordinator. */
export function personToken(params: {
  key: SigningKey;
  subject: string;
  roles: string[];
  issuer?: string;
  audience?: string;
  expiresInSeconds?: number;
}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ roles: params.roles })
    .setProtectedHeader({ alg: 'EdDSA', kid: params.key.kid, typ: 'at+jwt' })
    .setIssuer(params.issuer ?? TEST_STAFF_ISSUER)
    .setAudience(params.audience ?? COORDINATOR_AUDIENCE)
    .setSubject(params.subject)
    .setIssuedAt(now)
    .setExpirationTime(now + (params.expiresInSeconds ?? 300))
    .sign(params.key.privateKey);
}

/** The credential a creditor node signs with its own key to read the ledger entries about itself. */
export function nodeCredential(params: { key: SigningKey; creditorId: string; audience: string; lifetimeSeconds?: number }): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'EdDSA', kid: params.key.kid, typ: NODE_CREDENTIAL_TYPE })
    .setIssuer(params.creditorId)
    .setSubject(params.creditorId)
    .setAudience(params.audience)
    .setIssuedAt(now)
    .setExpirationTime(now + (params.lifetimeSeconds ?? 120))
    .sign(params.key.privateKey);
}
