/**
 * The consent token: what the coordinator hands to one creditor node so that node may disclose
 * data about one resident. Signed with EdDSA (Ed25519) by the coordinator; every node verifies it
 * itself against the coordinator's published key set.
 */

/** Why data is asked for. A node discloses only for a purpose it knows. */
export const ConsentPurpose = {
  /** Show the resident (or their counsellor) one overview of all debts. */
  DEBT_OVERVIEW: 'debt-overview',
  /** Gather claims to propose and run one collective payment plan. */
  COLLECTIVE_ARRANGEMENT: 'collective-arrangement',
} as const;
export type ConsentPurpose = (typeof ConsentPurpose)[keyof typeof ConsentPurpose];
export const CONSENT_PURPOSES: readonly ConsentPurpose[] = Object.values(ConsentPurpose);

/**
 * A consent or a mandate lasts at most this long; a resident renews it rather than forgetting it
 * exists. The coordinator refuses longer ones; the portal offers no longer choice.
 */
export const MAX_CONSENT_VALIDITY_DAYS = 366;

/** Kinds of data a consent can cover. */
export const DataCategory = {
  /** Claims: amounts, description, dates, collection stage. */
  CLAIMS: 'claims',
  /** Payment arrangement details (proposal, plan, instalments). */
  ARRANGEMENT: 'arrangement',
} as const;
export type DataCategory = (typeof DataCategory)[keyof typeof DataCategory];
export const DATA_CATEGORIES: readonly DataCategory[] = Object.values(DataCategory);

/** JWT header `typ` of a consent token, so it can never be confused with another JWT. */
export const CONSENT_TOKEN_TYPE = 'consent+jwt';

/** Longest lifetime a node accepts for a consent token, in seconds. */
export const MAX_CONSENT_TOKEN_LIFETIME_SECONDS = 300;

/** The claims of a verified consent token. */
export interface ConsentTokenClaims {
  /** The coordinator that issued it. */
  readonly iss: string;
  /** Exactly one node: its creditor id. */
  readonly aud: string;
  /** This node's pairwise pseudonym for the resident; never the platform-wide id or BSN. */
  readonly sub: string;
  /** Unique token id, recorded in the node's disclosure log. */
  readonly jti: string;
  readonly iat: number;
  readonly exp: number;
  /** The consent this token was minted under. */
  readonly consentId: string;
  readonly purpose: ConsentPurpose;
  readonly categories: readonly DataCategory[];
}
