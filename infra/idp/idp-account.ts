import type { PlatformRole } from '#contracts';

/**
 * A person who can log in at the development identity provider. What the provider asserts about
 * them (roles, employer) comes from here; which of it a token carries depends on the audience (see
 * resource-servers.ts).
 */
export interface IdpAccount {
  /** The OpenID subject (`sub`) and login name, e.g. `resident-sanne`. */
  readonly accountId: string;
  /** Shown in the ID token's `name` claim (profile scope); never sent to a creditor node. */
  readonly displayName: string;
  readonly password: string;
  /** Roles at the coordinator (`roles` in tokens for samen-regelen-coordinator). */
  readonly platformRoles: readonly PlatformRole[];
  /** The creditor this person works for, when they are creditor staff. */
  readonly staffOf?: string;
}
