import { createHash, randomBytes } from 'node:crypto';
import { derivePairwisePseudonym } from '#consent';
import { DEMO_CLIENT } from '../idp/development-clients.js';
import { loginWithPassword } from '../idp/login-with-password.js';
import { COORDINATOR_RESOURCE, backofficeResource } from '../idp/resource-servers.js';
import { DEVELOPMENT_PASSWORD, staffAccountId } from '../idp/test-accounts.js';
import { pseudonymSecretBytes, type DemoKeys } from './demo-keys.js';
import { IDP_DISCOVERY_PATH, IDP_ISSUER } from './demo-nodes.js';

/**
 * How long the identity provider's access tokens live in the demo (its IDP_ACCESS_TOKEN_SECONDS):
 * long enough to paste a printed command. Consent tokens are the coordinator's to mint.
 */
export const ACCESS_TOKEN_SECONDS = 3600;

/** The identity provider did not answer at all: almost always, no `npm run demo` is running. */
export class IdentityProviderUnreachableError extends Error {
  constructor(cause: Error) {
    super(`The identity provider does not answer at ${IDP_ISSUER} (${cause.message}): start the demo with \`npm run demo\` first.`);
    this.name = 'IdentityProviderUnreachableError';
  }
}

/** fetch (inside openid-client too) rejects with TypeError('fetch failed'), its cause the socket's error. */
function connectionFailure(error: unknown): Error | undefined {
  if (!(error instanceof TypeError) || !(error.cause instanceof Error)) return undefined;
  return typeof (error.cause as NodeJS.ErrnoException).code === 'string' ? error.cause : undefined;
}

/**
 * Logs a test account in at the development identity provider the way a browser and an app would
 * (authorization code with PKCE, the provider's own login form, the development password) and returns
 * the access token for one API. Nothing in the demo signs a person's token itself any more, so every
 * token a pasted command carries is one the provider issued.
 */
export async function logIn(params: { account: string; resource: string }): Promise<string> {
  try {
    const { accessToken } = await loginWithPassword({
      issuer: IDP_ISSUER,
      clientId: DEMO_CLIENT.clientId,
      redirectUri: DEMO_CLIENT.redirectUri,
      resource: params.resource,
      username: params.account,
      password: DEVELOPMENT_PASSWORD,
    });
    return accessToken;
  } catch (error) {
    const refused = connectionFailure(error);
    throw refused === undefined ? error : new IdentityProviderUnreachableError(refused);
  }
}

/** A person's access token for the coordinator (and the gateway, which passes it on): `aud` samen-regelen-coordinator. */
export function logInToCoordinator(account: string): Promise<string> {
  return logIn({ account, resource: COORDINATOR_RESOURCE });
}

/** The creditor's staff member (test account `staff-<creditor-id>`) logs in to that creditor's back-office. */
export function logInAsStaff(creditorId: string): Promise<string> {
  return logIn({ account: staffAccountId(creditorId), resource: backofficeResource(creditorId) });
}

/**
 * The pseudonym one node knows a resident by, derived exactly as the coordinator derives it: from the
 * resident's platform id (the UUID `whoAmI` returns, not their subject) and the same secret.
 */
export function demoPseudonym(keys: DemoKeys, params: { platformId: string; creditorId: string }): string {
  return derivePairwisePseudonym({ secret: pseudonymSecretBytes(keys), residentId: params.platformId, creditorId: params.creditorId });
}

/**
 * An authorization request to open in a browser, to see the provider's own login page. PKCE is
 * required (S256), so it carries a challenge whose verifier nobody keeps: after the login the browser
 * lands on the demo client's redirect URI (where nothing listens) with a code that cannot be exchanged.
 * That is on purpose; to get a usable token, `npm run -s demo:token` does the whole flow.
 */
export async function browserLoginUrl(): Promise<string> {
  const response = await fetch(`${IDP_ISSUER}${IDP_DISCOVERY_PATH}`, { signal: AbortSignal.timeout(5_000) });
  if (!response.ok) throw new Error(`The identity provider's discovery answered HTTP ${response.status}.`);
  const { authorization_endpoint: endpoint } = (await response.json()) as { authorization_endpoint?: unknown };
  if (typeof endpoint !== 'string') throw new Error("The identity provider's discovery names no authorization_endpoint.");
  const url = new URL(endpoint);
  url.search = new URLSearchParams({
    client_id: DEMO_CLIENT.clientId,
    redirect_uri: DEMO_CLIENT.redirectUri,
    response_type: 'code',
    scope: 'openid profile',
    resource: COORDINATOR_RESOURCE,
    code_challenge: createHash('sha256').update(randomBytes(32).toString('base64url')).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();
  return url.href;
}
