/**
 * Stable error codes that cross process boundaries (GraphQL `extensions.code`, HTTP error bodies).
 * Clients may rely on them; never rename one, only add.
 */
export const ConsentErrorCode = {
  /** No consent token came with a request that discloses data. */
  CONSENT_REQUIRED: 'CONSENT_REQUIRED',
  /** A token came, but it is malformed, badly signed, for another node or another resident. */
  CONSENT_INVALID: 'CONSENT_INVALID',
  /** A well-formed token whose lifetime is over. */
  CONSENT_EXPIRED: 'CONSENT_EXPIRED',
  /** A valid token whose purpose or data categories do not cover what was asked. */
  CONSENT_SCOPE: 'CONSENT_SCOPE',
  /** The coordinator's key set could not be fetched to verify a token. */
  CONSENT_KEYS_UNAVAILABLE: 'CONSENT_KEYS_UNAVAILABLE',
} as const;
export type ConsentErrorCode = (typeof ConsentErrorCode)[keyof typeof ConsentErrorCode];

export const AuthErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
} as const;
export type AuthErrorCode = (typeof AuthErrorCode)[keyof typeof AuthErrorCode];

export const ClaimErrorCode = {
  CLAIM_NOT_FOUND: 'CLAIM_NOT_FOUND',
  CLAIM_TRANSITION_NOT_ALLOWED: 'CLAIM_TRANSITION_NOT_ALLOWED',
  IMPORT_INVALID: 'IMPORT_INVALID',
  IMPORT_TOO_LARGE: 'IMPORT_TOO_LARGE',
} as const;
export type ClaimErrorCode = (typeof ClaimErrorCode)[keyof typeof ClaimErrorCode];

export const GeneralErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  INTERNAL: 'INTERNAL',
} as const;
export type GeneralErrorCode = (typeof GeneralErrorCode)[keyof typeof GeneralErrorCode];

export type ErrorCode = ConsentErrorCode | AuthErrorCode | ClaimErrorCode | GeneralErrorCode;
