/**
 * What the coordinator requires of a person's OpenID Connect access token. The identity provider
 * (DigiD / eHerkenning brokers in production, the local provider in development) issues it so.
 */

/** Roles in the `roles` claim. A person may hold several (a counsellor can have debts too). */
export const PlatformRole = {
  RESIDENT: 'resident',
  COUNSELLOR: 'counsellor',
  ADMIN: 'admin',
  AUDITOR: 'auditor',
} as const;
export type PlatformRole = (typeof PlatformRole)[keyof typeof PlatformRole];
export const PLATFORM_ROLES: readonly PlatformRole[] = Object.values(PlatformRole);

/** The claim that lists a person's roles (the staff tokens of creditor back-offices use it too). */
export const ROLES_CLAIM = 'roles';

/** The default audience of access tokens for the coordinator's API. */
export const COORDINATOR_AUDIENCE = 'samen-regelen-coordinator';

/**
 * A creditor node authenticates to the coordinator (e.g. to read the ledger entries about itself)
 * with a short JWT it signs with its own key, registered in the creditor directory: iss = sub = its
 * creditor id, aud = the ledger's origin, lifetime at most this long.
 */
export const NODE_CREDENTIAL_TYPE = 'node-credential+jwt';
export const MAX_NODE_CREDENTIAL_LIFETIME_SECONDS = 300;
