import {
  COORDINATOR_AUDIENCE,
  CREDITOR_ID_PATTERN,
  CREDITOR_STAFF_ROLE,
  ROLES_CLAIM,
  STAFF_CREDITOR_CLAIM,
  backofficeAudience,
} from '#contracts';
import type { IdpAccount } from './idp-account.js';

/**
 * The resource indicator (RFC 8707) a client sends to get an access token for the coordinator.
 * Resource indicators must be absolute URIs and the coordinator's audience
 * (`samen-regelen-coordinator`) is not one, so the indicator is a URN and the token's `aud` is
 * the audience the coordinator checks.
 */
export const COORDINATOR_RESOURCE = 'urn:samen-regelen:coordinator';

/** The indicator for one creditor's back-office: `backoffice:<id>` is a URI already, and the audience. */
export function backofficeResource(creditorId: string): string {
  return backofficeAudience(creditorId);
}

/** An API the provider issues JWT access tokens for. */
export type ResourceServer =
  | { readonly kind: 'coordinator'; readonly audience: string }
  | { readonly kind: 'backoffice'; readonly audience: string; readonly creditorId: string };

const BACKOFFICE_PREFIX = backofficeResource('');

/** The resource server an indicator names, or undefined for one this provider does not serve. */
export function resourceServerFor(indicator: string): ResourceServer | undefined {
  if (indicator === COORDINATOR_RESOURCE) return { kind: 'coordinator', audience: COORDINATOR_AUDIENCE };
  if (indicator.startsWith(BACKOFFICE_PREFIX)) {
    const creditorId = indicator.slice(BACKOFFICE_PREFIX.length);
    if (CREDITOR_ID_PATTERN.test(creditorId)) return { kind: 'backoffice', audience: backofficeAudience(creditorId), creditorId };
  }
  return undefined;
}

/**
 * The claims an access token for this resource server carries about the account, in the shape the
 * coordinator and the nodes verify (libs/contracts). The claims state facts about the person, not
 * about the audience: a staff member asking for another creditor's back-office still gets their own
 * `creditor_id`, and that node refuses them, as it must.
 */
export function accessTokenClaims(account: IdpAccount, server: ResourceServer): Record<string, unknown> {
  switch (server.kind) {
    case 'coordinator':
      return { [ROLES_CLAIM]: [...account.platformRoles] };
    case 'backoffice':
      return account.staffOf === undefined
        ? { [ROLES_CLAIM]: [] }
        : { [ROLES_CLAIM]: [CREDITOR_STAFF_ROLE], [STAFF_CREDITOR_CLAIM]: account.staffOf };
  }
}
