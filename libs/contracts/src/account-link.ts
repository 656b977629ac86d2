/**
 * Linking a resident to their account at a creditor (issue 5): the coordinator asks the node, with a
 * short-lived link token it signs (aud = that node, sub = the node's pseudonym for the resident), to
 * confirm that the reference and check belong together. The node answers one uniform yes or no.
 */

/** JWT header `typ` of a link token: never accepted where a consent token is expected, nor the reverse. */
export const LINK_TOKEN_TYPE = 'account-link+jwt';

/** What a link token allows: linking an account, or removing the resident's links. */
export const LinkAction = { LINK: 'link', UNLINK: 'unlink' } as const;
export type LinkAction = (typeof LinkAction)[keyof typeof LinkAction];

/** A link token lives seconds, not minutes: it is used once, right away. */
export const MAX_LINK_TOKEN_LIFETIME_SECONDS = 60;

/** The node's link endpoint, relative to its origin. */
export const NODE_LINKS_PATH = '/links/v1';

/** What the resident gives to prove an account is theirs. */
export interface AccountLinkCheck {
  /** The creditor's customer or assessment number. */
  readonly reference: string;
  /** The postcode the creditor has, any spacing or case. */
  readonly postcode: string;
  /** YYYY-MM-DD; required where the creditor holds a birth date. */
  readonly birthDate?: string;
}

/** The node's uniform answer: no hint whether the reference exists. */
export interface AccountLinkAnswer {
  readonly linked: boolean;
}
