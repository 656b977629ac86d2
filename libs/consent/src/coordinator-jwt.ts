import { SignJWT, type CryptoKey, type JWTPayload, type KeyObject } from 'jose';

/**
 * A short-lived JWT the coordinator signs for one node (a consent token, a link token): EdDSA, the
 * token's type in the header so one kind is never taken for another, one audience, one subject.
 */
export function signCoordinatorJwt(params: {
  readonly type: string;
  readonly claims: JWTPayload;
  readonly issuer: string;
  readonly audience: string;
  readonly subject: string;
  readonly tokenId: string;
  readonly issuedAt: Date;
  readonly lifetimeSeconds: number;
  readonly privateKey: CryptoKey | KeyObject | Uint8Array;
  readonly keyId: string;
}): Promise<string> {
  const iat = Math.floor(params.issuedAt.getTime() / 1000);
  return new SignJWT(params.claims)
    .setProtectedHeader({ alg: 'EdDSA', typ: params.type, kid: params.keyId })
    .setIssuer(params.issuer)
    .setAudience(params.audience)
    .setSubject(params.subject)
    .setJti(params.tokenId)
    .setIssuedAt(iat)
    .setExpirationTime(iat + params.lifetimeSeconds)
    .sign(params.privateKey);
}
