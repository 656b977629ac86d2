/** A creditor's staff member, as proven by a verified OpenID Connect access token. */
export interface StaffMember {
  /** The identity provider's subject: recorded as the actor of imports and transitions. */
  readonly subject: string;
  readonly creditorId: string;
}
