import { CoordinatorErrorCode } from '#contracts';
import { coordinatorGraphQL, CoordinatorRefusalError } from './coordinator-client.js';
import { logInToCoordinator } from './demo-tokens.js';

/**
 * A person signed in at the coordinator with an access token from the development identity provider,
 * got by logging in there with the development password.
 * Shared by `npm run demo` (which sets up consents) and `npm run demo:token` (which asks for tokens),
 * so both sign in, and so derive pseudonyms, the same way.
 */
export interface CoordinatorSession {
  readonly token: string;
  /** The platform id (a UUID) the coordinator gave this person on first sight: what pseudonyms derive from. */
  readonly platformId: string;
  graphql<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

/** No consent in force covers what was asked (or not that creditor). */
export class NoConsentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoConsentError';
  }
}

/**
 * Logs a test account in at the identity provider, then signs in at the coordinator, which maps
 * (issuer, subject) to a platform id on the first request. The roles come from the provider's token.
 */
export async function signIn(account: string): Promise<CoordinatorSession> {
  const token = await logInToCoordinator(account);
  const graphql = <T>(query: string, variables?: Record<string, unknown>): Promise<T> => coordinatorGraphQL<T>(token, query, variables);
  const { whoAmI } = await graphql<{ whoAmI: { id: string } }>('{ whoAmI { id } }');
  return { token, platformId: whoAmI.id, graphql };
}

/** A demo resident's test account is their resident id. */
export function signInResident(residentId: string): Promise<CoordinatorSession> {
  return signIn(residentId);
}

/**
 * Asks the coordinator, as the resident, for the consent token the federation would use at one node
 * (purpose debt overview, category claims). The coordinator mints one per node the resident's
 * consents cover; this picks that node's.
 */
export async function consentTokenFor(
  session: CoordinatorSession,
  params: { residentId: string; creditorId: string },
): Promise<{ token: string; expiresAt: string }> {
  const notCovered = `${params.residentId} has no consent in force for a debt overview (claims) that covers ${params.creditorId}`;
  let grants: { creditorId: string; token: string; expiresAt: string }[];
  try {
    ({ issueConsentTokens: grants } = await session.graphql<{ issueConsentTokens: typeof grants }>(
      'mutation { issueConsentTokens(input: { purpose: DEBT_OVERVIEW, category: CLAIMS }) { creditorId token expiresAt } }',
    ));
  } catch (error) {
    if (error instanceof CoordinatorRefusalError && error.codes.includes(CoordinatorErrorCode.CONSENT_NOT_GIVEN)) {
      throw new NoConsentError(`${notCovered} (none at all).`);
    }
    throw error;
  }
  const grant = grants.find((g) => g.creditorId === params.creditorId);
  if (grant === undefined) {
    throw new NoConsentError(`${notCovered}; the consents cover: ${grants.map((g) => g.creditorId).join(', ')}.`);
  }
  return { token: grant.token, expiresAt: grant.expiresAt };
}
