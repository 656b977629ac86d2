import { errors, jwtVerify, type CryptoKey, type JWTPayload, type JWTVerifyGetKey, type KeyObject } from 'jose';
import { LINK_TOKEN_TYPE, LinkErrorCode, MAX_LINK_TOKEN_LIFETIME_SECONDS, type LinkAction } from '#contracts';
import { signCoordinatorJwt } from './coordinator-jwt.js';

type SigningKey = CryptoKey | KeyObject | Uint8Array;

/** Mints the token with which the coordinator asks one node to link (or unlink) one pseudonym. */
export async function issueLinkToken(params: {
  readonly issuer: string;
  readonly audience: string;
  readonly subject: string;
  readonly action: LinkAction;
  readonly tokenId: string;
  readonly issuedAt: Date;
  readonly lifetimeSeconds: number;
  readonly privateKey: SigningKey;
  readonly keyId: string;
}): Promise<string> {
  if (params.lifetimeSeconds <= 0 || params.lifetimeSeconds > MAX_LINK_TOKEN_LIFETIME_SECONDS) {
    throw new RangeError(`Link token lifetime must be 1..${MAX_LINK_TOKEN_LIFETIME_SECONDS} s`);
  }
  const { action, ...common } = params;
  return signCoordinatorJwt({ ...common, type: LINK_TOKEN_TYPE, claims: { action } });
}

export type LinkTokenVerification =
  | { readonly ok: true; readonly pseudonym: string; readonly tokenId: string }
  | { readonly ok: false; readonly code: LinkErrorCode; readonly reason: string };

/**
 * A node's check of a link token: EdDSA against the coordinator's keys, this node as the only
 * audience, the expected action, seconds of life. Never throws for a bad token.
 */
export async function verifyLinkToken(params: {
  readonly token: string | undefined;
  readonly issuer: string;
  readonly audience: string;
  readonly action: LinkAction;
  readonly keys: JWTVerifyGetKey;
  readonly now: Date;
}): Promise<LinkTokenVerification> {
  const refuse = (code: LinkErrorCode, reason: string): LinkTokenVerification => ({ ok: false, code, reason });
  if (params.token === undefined || params.token === '') return refuse(LinkErrorCode.LINK_TOKEN_INVALID, 'No link token was sent.');
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(params.token, params.keys, {
      issuer: params.issuer,
      audience: params.audience,
      algorithms: ['EdDSA', 'Ed25519'],
      typ: LINK_TOKEN_TYPE,
      requiredClaims: ['sub', 'jti', 'iat', 'exp'],
      currentDate: params.now,
      clockTolerance: 5,
    }));
  } catch (error) {
    if (error instanceof errors.JOSEError && !(error instanceof errors.JWKSTimeout)) {
      return refuse(LinkErrorCode.LINK_TOKEN_INVALID, `The link token is not valid (${error.code}).`);
    }
    return refuse(LinkErrorCode.LINK_KEYS_UNAVAILABLE, "The coordinator's key set could not be read.");
  }
  const { aud, sub, jti, iat, exp, action } = payload as JWTPayload & { action?: unknown };
  if (aud !== params.audience) return refuse(LinkErrorCode.LINK_TOKEN_INVALID, 'The link token is meant for more than this node.');
  if (typeof iat !== 'number' || typeof exp !== 'number' || exp - iat > MAX_LINK_TOKEN_LIFETIME_SECONDS) {
    return refuse(LinkErrorCode.LINK_TOKEN_INVALID, 'The link token lives longer than allowed.');
  }
  if (action !== params.action) return refuse(LinkErrorCode.LINK_TOKEN_INVALID, `The link token is not for ${params.action}.`);
  if (typeof sub !== 'string' || sub === '' || typeof jti !== 'string') return refuse(LinkErrorCode.LINK_TOKEN_INVALID, 'The link token lacks its subject or id.');
  return { ok: true, pseudonym: sub, tokenId: jti };
}
