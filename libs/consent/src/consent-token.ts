import { createHash } from 'node:crypto';
import { jwtVerify, errors, type CryptoKey, type JWTPayload, type JWTVerifyGetKey, type KeyObject } from 'jose';
import {
  CONSENT_PURPOSES,
  CONSENT_TOKEN_TYPE,
  ConsentErrorCode,
  DATA_CATEGORIES,
  MAX_CONSENT_TOKEN_LIFETIME_SECONDS,
  type ConsentPurpose,
  type ConsentTokenClaims,
  type DataCategory,
} from '#contracts';
import { signCoordinatorJwt } from './coordinator-jwt.js';

type SigningKey = CryptoKey | KeyObject | Uint8Array;
type VerificationKey = SigningKey | JWTVerifyGetKey;

export interface IssueConsentTokenParams {
  readonly issuer: string;
  readonly audience: string;
  readonly subject: string;
  readonly consentId: string;
  readonly purpose: ConsentPurpose;
  readonly categories: readonly DataCategory[];
  readonly tokenId: string;
  readonly issuedAt: Date;
  readonly lifetimeSeconds: number;
  readonly privateKey: SigningKey;
  readonly keyId: string;
}

/** Mints one consent token for one node. Lifetimes are minutes at most, so revocation bites fast. */
export async function issueConsentToken(params: IssueConsentTokenParams): Promise<string> {
  if (params.lifetimeSeconds <= 0 || params.lifetimeSeconds > MAX_CONSENT_TOKEN_LIFETIME_SECONDS) {
    throw new RangeError(`Consent token lifetime must be 1..${MAX_CONSENT_TOKEN_LIFETIME_SECONDS} s`);
  }
  const { consentId, purpose, categories, ...common } = params;
  return signCoordinatorJwt({ ...common, type: CONSENT_TOKEN_TYPE, claims: { consentId, purpose, categories: [...categories] } });
}

export interface VerifyConsentTokenParams {
  /** The raw token, or undefined when the request carried none. */
  readonly token: string | undefined;
  readonly issuer: string;
  /** This node's creditor id. */
  readonly audience: string;
  readonly keys: VerificationKey;
  /** What the caller wants to disclose: the token must cover it. */
  readonly category: DataCategory;
  readonly now: Date;
}

export type ConsentVerification =
  | { readonly ok: true; readonly claims: ConsentTokenClaims }
  | { readonly ok: false; readonly code: ConsentErrorCode; readonly reason: string };

const CLOCK_TOLERANCE_SECONDS = 5;

function refuse(code: ConsentErrorCode, reason: string): ConsentVerification {
  return { ok: false, code, reason };
}

/**
 * Verifies a consent token the way every node must: EdDSA signature against the coordinator's keys,
 * issuer, audience = this node, a subject, not expired, a lifetime of minutes, and a purpose and data
 * categories that cover the requested disclosure. Never throws for a bad token: it says why.
 */
export async function verifyConsentToken(params: VerifyConsentTokenParams): Promise<ConsentVerification> {
  if (params.token === undefined || params.token === '') {
    return refuse(ConsentErrorCode.CONSENT_REQUIRED, 'No consent token was sent.');
  }
  let payload: JWTPayload;
  try {
    const options = {
      issuer: params.issuer,
      audience: params.audience,
      algorithms: ['EdDSA', 'Ed25519'],
      typ: CONSENT_TOKEN_TYPE,
      requiredClaims: ['sub', 'jti', 'iat', 'exp'],
      currentDate: params.now,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    };
    const result =
      typeof params.keys === 'function'
        ? await jwtVerify(params.token, params.keys, options)
        : await jwtVerify(params.token, params.keys, options);
    payload = result.payload;
  } catch (error) {
    return refusalFor(error);
  }
  return checkConsentClaims(payload, params);
}

function refusalFor(error: unknown): ConsentVerification {
  if (error instanceof errors.JWTExpired) {
    return refuse(ConsentErrorCode.CONSENT_EXPIRED, 'The consent token has expired.');
  }
  if (error instanceof errors.JWKSTimeout) {
    return refuse(ConsentErrorCode.CONSENT_KEYS_UNAVAILABLE, "The coordinator's key set did not answer in time.");
  }
  if (error instanceof errors.JOSEError) {
    return refuse(ConsentErrorCode.CONSENT_INVALID, `The consent token is not valid (${error.code}).`);
  }
  // Anything else is a failure to reach the key set (network, bad JSON): not the caller's fault.
  return refuse(ConsentErrorCode.CONSENT_KEYS_UNAVAILABLE, "The coordinator's key set could not be read.");
}

function checkConsentClaims(payload: JWTPayload, params: VerifyConsentTokenParams): ConsentVerification {
  const { iss, aud, sub, jti, iat, exp } = payload;
  const { consentId, purpose, categories } = payload as Record<string, unknown>;
  if (typeof iss !== 'string' || typeof sub !== 'string' || sub === '' || typeof jti !== 'string') {
    return refuse(ConsentErrorCode.CONSENT_INVALID, 'The consent token lacks its subject or id.');
  }
  // jose accepts an audience array that merely contains ours; a consent token is for exactly one node.
  if (aud !== params.audience) {
    return refuse(ConsentErrorCode.CONSENT_INVALID, 'The consent token is meant for more than this node.');
  }
  if (typeof iat !== 'number' || typeof exp !== 'number' || exp - iat > MAX_CONSENT_TOKEN_LIFETIME_SECONDS) {
    return refuse(ConsentErrorCode.CONSENT_INVALID, 'The consent token lives longer than allowed.');
  }
  if (iat > params.now.getTime() / 1000 + CLOCK_TOLERANCE_SECONDS) {
    return refuse(ConsentErrorCode.CONSENT_INVALID, 'The consent token was issued in the future.');
  }
  if (typeof consentId !== 'string' || consentId === '') {
    return refuse(ConsentErrorCode.CONSENT_INVALID, 'The consent token names no consent.');
  }
  if (!CONSENT_PURPOSES.includes(purpose as ConsentPurpose)) {
    return refuse(ConsentErrorCode.CONSENT_SCOPE, 'The consent token has no purpose this node knows.');
  }
  if (!Array.isArray(categories) || !categories.every((c) => DATA_CATEGORIES.includes(c as DataCategory))) {
    return refuse(ConsentErrorCode.CONSENT_INVALID, 'The consent token lists unknown data categories.');
  }
  if (!categories.includes(params.category)) {
    return refuse(ConsentErrorCode.CONSENT_SCOPE, `The consent does not cover ${params.category}.`);
  }
  return {
    ok: true,
    claims: {
      iss,
      aud,
      sub,
      jti,
      iat,
      exp,
      consentId,
      purpose: purpose as ConsentPurpose,
      categories: categories as DataCategory[],
    },
  };
}

/** A short, stable fingerprint of a token for logs and caches; never log the token itself. */
export function consentTokenFingerprint(token: string): string {
  return createHash('sha256').update(token).digest('base64url').slice(0, 22);
}
