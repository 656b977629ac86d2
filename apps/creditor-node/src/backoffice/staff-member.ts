/** A creditor's staff member, as proven by a verified OpenID Connect access token. */
export interface StaffMember {
  /** The identity provider's subject: recorded as the actor of imports and transitions. */
  readonly subject: string;
  readonly creditorId: string;
}

/** The role a staff member needs in their token to use this node's back-office. */
export const CREDITOR_STAFF_ROLE = 'creditor-staff';
