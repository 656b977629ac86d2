/**
 * What a creditor node requires of a staff member's OpenID Connect access token; the identity
 * provider (eHerkenning broker in production, the local provider in development) issues it so.
 */

/** The role in the `roles` claim that opens a node's back-office. */
export const CREDITOR_STAFF_ROLE = 'creditor-staff';

/** The claim naming the creditor the staff member works for. */
export const STAFF_CREDITOR_CLAIM = 'creditor_id';

/** The default audience of staff tokens for one creditor's back-office. */
export function backofficeAudience(creditorId: string): string {
  return `backoffice:${creditorId}`;
}
